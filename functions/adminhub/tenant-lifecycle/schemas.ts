import * as z from 'zod';
import { DEFAULT_GRACE_DAYS } from '../domain/tenant-deletions';

export { DataExport } from '../domain/data-exports';
export { TenantDeletion } from '../domain/tenant-deletions';

export const OperatorTenantParams = z.strictObject({ tenantId: z.uuid() });
export const OperatorExportParams = z.strictObject({ exportId: z.uuid() });

export const ScheduleDeletionBody = z.strictObject({
  confirmSlug: z
    .string()
    .min(1)
    .max(100)
    .meta({ description: "The tenant's slug, typed again: a deletion names what it deletes." }),
  graceDays: z.number().int().min(1).max(365).default(DEFAULT_GRACE_DAYS).meta({
    description: 'Days until the data is deleted (30 unless stated); the tenant is suspended meanwhile.',
  }),
});
export type ScheduleDeletionInput = z.output<typeof ScheduleDeletionBody>;
