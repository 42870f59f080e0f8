import { createHttpHandler } from '@halooid/shared/http/adapter';
import { asOperatorFor } from '@halooid/shared/operator';
import { getObjectStore } from '@halooid/shared/storage/s3-object-store';
import { cancelDeletion } from './cancel-deletion';
import { exportTenant } from './export-tenant';
import { getDeletion } from './get-deletion';
import { getTenantExport } from './get-tenant-export';
import { scheduleDeletion } from './schedule-deletion';
import { tenantLifecycleService } from './service';

/** Thin: each route runs one use case in the operator transaction (shared/src/operator.ts), which audits. */
export const handler = createHttpHandler(tenantLifecycleService, {
  operatorCreateTenantExport: async ({ params, principal, sourceIp, correlationId }) => {
    const dataExport = await asOperatorFor(principal, { sourceIp, correlationId })((deps) =>
      exportTenant(params.tenantId, deps),
    );
    return { body: dataExport, headers: { Location: `/v1/operator/exports/${dataExport.id}` } };
  },
  operatorGetExport: async ({ params, principal, sourceIp, correlationId }) => ({
    body: await asOperatorFor(principal, { sourceIp, correlationId })((deps) =>
      getTenantExport(params.exportId, { ...deps, store: getObjectStore() }),
    ),
  }),
  operatorGetTenantDeletion: async ({ params, principal, sourceIp, correlationId }) => ({
    body: await asOperatorFor(principal, { sourceIp, correlationId })((deps) =>
      getDeletion(params.tenantId, deps),
    ),
  }),
  operatorScheduleTenantDeletion: async ({ params, body, principal, sourceIp, correlationId }) => ({
    body: await asOperatorFor(principal, { sourceIp, correlationId })((deps) =>
      scheduleDeletion(params.tenantId, body, deps),
    ),
  }),
  operatorCancelTenantDeletion: async ({ params, principal, sourceIp, correlationId }) => ({
    body: await asOperatorFor(principal, { sourceIp, correlationId })((deps) =>
      cancelDeletion(params.tenantId, deps),
    ),
  }),
});
