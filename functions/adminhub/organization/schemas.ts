import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';
import { TENANT_PRODUCT_KEYS } from '../../registry-names';
import { Currency, FiscalYearStartMonth, Locale, LogoUrl, TimeZone } from './profile-fields';

/**
 * The organization: the tenant's name and profile. One source of truth with
 * the platform's tenant (`platform.tenants`: `name`, and the profile under
 * `settings.profile`), which GET /v1/tenants/current shows too. Enabled
 * products are shown here and changed through PATCH /v1/tenants/current.
 */
export const Organization = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  tier: z.string(),
  logoUrl: z.string().nullable(),
  locale: z.string().nullable(),
  timeZone: z.string().nullable(),
  fiscalYearStartMonth: z.number().int(),
  currency: z.string().nullable(),
  enabledProducts: z.array(z.string()),
  updatedAt: z.iso.datetime(),
});
export type Organization = z.infer<typeof Organization>;

/** What `settings.profile` holds; absent keys read as null (fiscal year: January). */
export interface Profile {
  logoUrl?: string;
  locale?: string;
  timeZone?: string;
  fiscalYearStartMonth?: number;
  currency?: string;
}

export const PROFILE_KEYS = ['logoUrl', 'locale', 'timeZone', 'fiscalYearStartMonth', 'currency'] as const;

export const UpdateOrganizationBody = z
  .strictObject({
    name: displayText().min(1, 'Name the organization.').max(200).optional(),
    logoUrl: LogoUrl.nullable().optional().meta({ description: 'An https URL; null removes the logo.' }),
    locale: Locale.nullable().optional(),
    timeZone: TimeZone.nullable().optional(),
    fiscalYearStartMonth: FiscalYearStartMonth.optional(),
    currency: Currency.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field.' });
export type UpdateOrganizationInput = z.output<typeof UpdateOrganizationBody>;

export const KNOWN_PRODUCTS = TENANT_PRODUCT_KEYS;
