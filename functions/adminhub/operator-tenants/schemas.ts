import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';

/**
 * A tenant as the operator console shows it: what an operator needs to run
 * the platform (tier, status, size, today's traffic), never the tenant's own
 * data. Request strings are bounded; the suspension reason goes through
 * displayText, since the tenant's administrators read it in their audit log.
 */
export const TenantStatus = z.enum(['active', 'disabled', 'suspended']);
export const TenantTier = z.enum(['free', 'pro', 'enterprise']);

export const OperatorTenant = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  tier: TenantTier,
  status: TenantStatus,
  /** Active members. */
  members: z.number().int(),
  /** Requests since 00:00 UTC (platform.request_usage); errors are 5xx answers. */
  usageToday: z.object({ requests: z.number().int(), errors: z.number().int() }),
  suspendedAt: z.iso.datetime().nullable(),
  suspendedReason: z.string().nullable(),
  enabledProducts: z.array(z.string()),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OperatorTenant = z.infer<typeof OperatorTenant>;

export const OperatorTenantParams = z.strictObject({ tenantId: z.uuid() });

export const ListOperatorTenantsQuery = z.strictObject({
  ...paginationQuery,
  status: TenantStatus.optional(),
  tier: TenantTier.optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Only tenants whose name or slug contains this.' }),
});
export type ListOperatorTenantsQuery = z.output<typeof ListOperatorTenantsQuery>;

export const SuspendTenantBody = z.strictObject({
  reason: displayText().min(1, 'Say why the workspace is suspended.').max(500),
});
export type SuspendTenantInput = z.output<typeof SuspendTenantBody>;

export const ChangeTenantTierBody = z.strictObject({ tier: TenantTier });
export type ChangeTenantTierInput = z.output<typeof ChangeTenantTierBody>;
