import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService, OPERATOR } from '@halooid/shared/manifest';
import {
  ChangeTenantTierBody,
  ListOperatorTenantsQuery,
  OperatorTenant,
  OperatorTenantParams,
  SuspendTenantBody,
} from './schemas';

/**
 * The operator console's tenants: the platform's tenants with tier, status,
 * members and today's usage; suspend, resume and change a tenant's tier.
 * OPERATOR routes only (members of the pool's `operators` group with MFA;
 * every tenant role, Owner included, gets 403). Each call, reads included,
 * is written to platform.operator_audit, and a call about one tenant also
 * into that tenant's audit log. It runs as halooid_operator, never as a
 * tenant member (shared/src/operator.ts), and defines no tenant permission.
 */
export const operatorTenantsService = defineService({
  product: 'adminhub',
  capability: 'operator-tenants',
  description: "Operators' tenant console: list, inspect, suspend, resume and re-tier tenants.",
  resources: { database: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listOperatorTenants',
      method: 'GET',
      path: '/v1/operator/tenants',
      permission: OPERATOR,
      summary: 'List tenants (operators)',
      description:
        'Every tenant of the platform, newest first, a page at a time (`cursor` from the previous page), with its active members and the requests it made since 00:00 UTC.',
      query: ListOperatorTenantsQuery,
      response: pageOf(OperatorTenant),
    }),
    defineRoute({
      operationId: 'getOperatorTenant',
      method: 'GET',
      path: '/v1/operator/tenants/{tenantId}',
      permission: OPERATOR,
      summary: 'Get a tenant (operators)',
      description: "The read is recorded in the tenant's own audit log as an operator's.",
      params: OperatorTenantParams,
      response: OperatorTenant,
    }),
    defineRoute({
      operationId: 'suspendTenant',
      method: 'POST',
      path: '/v1/operator/tenants/{tenantId}/suspend',
      permission: OPERATOR,
      summary: 'Suspend a tenant (operators)',
      description:
        'Every request of the tenant, people and API keys, is refused with 403 `tenant_suspended` within seconds; its data is kept. Suspending a suspended tenant changes nothing.',
      params: OperatorTenantParams,
      body: SuspendTenantBody,
      response: OperatorTenant,
    }),
    defineRoute({
      operationId: 'resumeTenant',
      method: 'POST',
      path: '/v1/operator/tenants/{tenantId}/resume',
      permission: OPERATOR,
      summary: 'Resume a suspended tenant (operators)',
      params: OperatorTenantParams,
      response: OperatorTenant,
    }),
    defineRoute({
      operationId: 'changeTenantTier',
      method: 'PUT',
      path: '/v1/operator/tenants/{tenantId}/tier',
      permission: OPERATOR,
      summary: "Change a tenant's tier (operators)",
      description: "The tenant's usage plan (rate, burst, daily quota) follows within seconds.",
      params: OperatorTenantParams,
      body: ChangeTenantTierBody,
      response: OperatorTenant,
    }),
  ],
  emits: [{ type: 'tenant.suspended' }, { type: 'tenant.resumed' }, { type: 'tenant.tier_changed' }],
});
