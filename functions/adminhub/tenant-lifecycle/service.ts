import { defineRoute, defineService, OPERATOR } from '@halooid/shared/manifest';
import {
  DataExport,
  OperatorExportParams,
  OperatorTenantParams,
  ScheduleDeletionBody,
  TenantDeletion,
} from './schemas';

/**
 * The operator side of a tenant's lifecycle (docs/adminhub.md "Tenant data
 * export and deletion"): export any tenant's data, and delete a tenant after a
 * grace period in which it is suspended. Every route is OPERATOR (an operator
 * with MFA, never a tenant role) and every call, reads included, is audited
 * in platform.operator_audit and in the tenant's own audit log. The daily
 * deletion job (deletion-job-handler.ts) carries out due deletions.
 */
export const tenantLifecycleService = defineService({
  product: 'adminhub',
  capability: 'tenant-lifecycle',
  description: "Operators: export a tenant's data; schedule, cancel and follow a tenant's deletion.",
  resources: { database: true, objectStore: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'operatorCreateTenantExport',
      method: 'POST',
      path: '/v1/operator/tenants/{tenantId}/exports',
      permission: OPERATOR,
      summary: 'Export a tenant’s data',
      description:
        'Queues an export of every row the tenant has in every product, as a tenant admin’s export does (the same archive). One at a time per tenant: a 409 `export_in_progress` names the one under way. An unknown tenant is a 404.',
      params: OperatorTenantParams,
      status: 202,
      response: DataExport,
    }),
    defineRoute({
      operationId: 'operatorGetExport',
      method: 'GET',
      path: '/v1/operator/exports/{exportId}',
      permission: OPERATOR,
      summary: 'Get a tenant export',
      description:
        'Any tenant’s export: status, rows per table and, once ready, a download link that expires after 15 minutes. Audited as a read of the tenant.',
      params: OperatorExportParams,
      response: DataExport,
    }),
    defineRoute({
      operationId: 'operatorGetTenantDeletion',
      method: 'GET',
      path: '/v1/operator/tenants/{tenantId}/deletion',
      permission: OPERATOR,
      summary: 'Get a tenant’s deletion',
      description:
        'The latest deletion scheduled for the tenant (scheduled, cancelled or completed, with what was deleted). None is a 404.',
      params: OperatorTenantParams,
      response: TenantDeletion,
    }),
    defineRoute({
      operationId: 'operatorScheduleTenantDeletion',
      method: 'POST',
      path: '/v1/operator/tenants/{tenantId}/deletion',
      permission: OPERATOR,
      summary: 'Schedule a tenant’s deletion',
      description:
        'After `graceDays` (30 unless stated) the daily deletion job deletes every row the tenant has in every product, every file it has in storage, and its users who belong to no other tenant. Meanwhile the tenant is suspended (every request refused, data kept) and the deletion can be cancelled. `confirmSlug` must be the tenant’s slug (422 `slug_mismatch` otherwise); a deletion already scheduled is a 409 `deletion_scheduled`.',
      params: OperatorTenantParams,
      body: ScheduleDeletionBody,
      status: 202,
      response: TenantDeletion,
    }),
    defineRoute({
      operationId: 'operatorCancelTenantDeletion',
      method: 'DELETE',
      path: '/v1/operator/tenants/{tenantId}/deletion',
      permission: OPERATOR,
      summary: 'Cancel a tenant’s deletion',
      description:
        'Cancels the scheduled deletion; a tenant the deletion suspended is resumed. No scheduled deletion (none, or already carried out) is a 404.',
      params: OperatorTenantParams,
      response: TenantDeletion,
    }),
  ],
});
