import * as z from 'zod';

/**
 * A tenant's deletion as operators see it (adminhub.tenant_deletions,
 * adminhub/0005): scheduled with a grace period during which the tenant is
 * suspended, cancelled, or completed by the deletion job with what it removed.
 */
export const DEFAULT_GRACE_DAYS = 30;

export const TenantDeletion = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  tenantSlug: z.string(),
  tenantName: z.string(),
  status: z.enum(['scheduled', 'cancelled', 'completed']),
  dueAt: z.iso.datetime(),
  requestedBy: z.string(),
  requestedAt: z.iso.datetime(),
  cancelledBy: z.string().nullable(),
  cancelledAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime().nullable(),
  deletedRows: z
    .record(z.string(), z.number().int())
    .nullable()
    .meta({ description: 'Rows deleted per table (`schema.name`), once completed.' }),
  deletedObjects: z.number().int().nullable(),
  deletedUsers: z.number().int().nullable(),
});
export type TenantDeletion = z.infer<typeof TenantDeletion>;

export interface TenantDeletionRow {
  id: string;
  subject_tenant_id: string;
  tenant_slug: string;
  tenant_name: string;
  status: TenantDeletion['status'];
  suspended_by_deletion: boolean;
  due_at: Date;
  requested_by: string;
  requested_at: Date;
  cancelled_by: string | null;
  cancelled_at: Date | null;
  completed_at: Date | null;
  deleted_rows: Record<string, number> | null;
  deleted_objects: number | null;
  deleted_users: number | null;
}

export const DELETION_COLUMNS =
  'id, subject_tenant_id, tenant_slug, tenant_name, status, suspended_by_deletion, due_at, requested_by, requested_at, cancelled_by, cancelled_at, completed_at, deleted_rows, deleted_objects, deleted_users';

export function toTenantDeletion(row: TenantDeletionRow): TenantDeletion {
  return {
    id: row.id,
    tenantId: row.subject_tenant_id,
    tenantSlug: row.tenant_slug,
    tenantName: row.tenant_name,
    status: row.status,
    dueAt: row.due_at.toISOString(),
    requestedBy: row.requested_by,
    requestedAt: row.requested_at.toISOString(),
    cancelledBy: row.cancelled_by,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    completedAt: row.completed_at?.toISOString() ?? null,
    deletedRows: row.deleted_rows,
    deletedObjects: row.deleted_objects,
    deletedUsers: row.deleted_users,
  };
}
