import * as z from 'zod';
import { displayText } from './display-text';

/**
 * A postal address as requests send it (companies, contacts, suppliers,
 * warehouses): every part optional and bounded. The lines are display text,
 * since they are printed on documents (purchase orders, labels), so a
 * direction override or an invisible character is refused; the country is
 * an ISO 3166-1 alpha-2 code in either case, stored upper-case.
 */
const line = (max: number) => displayText().max(max).nullable().optional();

export const PostalAddress = z
  .strictObject({
    line1: line(200),
    line2: line(200),
    city: line(100),
    region: line(100),
    postalCode: line(20),
    country: z
      .string()
      .trim()
      .max(2)
      .regex(/^[A-Za-z]{2}$/, 'An ISO 3166-1 alpha-2 code such as DE.')
      .transform((code) => code.toUpperCase())
      .nullable()
      .optional(),
  })
  .meta({ description: 'A postal address; every part optional.' });
export type PostalAddress = z.output<typeof PostalAddress>;

/** The address as responses show it (no transforms: OpenAPI describes responses). */
export const PostalAddressView = z.object({
  line1: z.string().nullable().optional(),
  line2: z.string().nullable().optional(),
  city: z.string().nullable().optional(),
  region: z.string().nullable().optional(),
  postalCode: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
});
