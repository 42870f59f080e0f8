import { createHttpHandler } from '@halooid/shared/http/adapter';
import { asOperatorFor } from '@halooid/shared/operator';
import { changeTenantTier } from './change-tenant-tier';
import { getTenant } from './get-tenant';
import { listTenants } from './list-tenants';
import { resumeTenant } from './resume-tenant';
import { operatorTenantsService } from './service';
import { suspendTenant } from './suspend-tenant';

/** Thin: the adapter has validated the input and checked the operator; each route runs one use case as the operator. */
export const handler = createHttpHandler(operatorTenantsService, {
  listOperatorTenants: async ({ query, ...request }) => ({
    body: await asOperatorFor(request.principal, request)((deps) => listTenants(query, deps)),
  }),
  getOperatorTenant: async ({ params, ...request }) => ({
    body: await asOperatorFor(request.principal, request)((deps) => getTenant(params.tenantId, deps)),
  }),
  suspendTenant: async ({ params, body, ...request }) => ({
    body: await asOperatorFor(
      request.principal,
      request,
    )((deps) => suspendTenant(params.tenantId, body, deps)),
  }),
  resumeTenant: async ({ params, ...request }) => ({
    body: await asOperatorFor(request.principal, request)((deps) => resumeTenant(params.tenantId, deps)),
  }),
  changeTenantTier: async ({ params, body, ...request }) => ({
    body: await asOperatorFor(
      request.principal,
      request,
    )((deps) => changeTenantTier(params.tenantId, body, deps)),
  }),
});
