import { defineRoute, defineService, OPERATOR } from '@halooid/shared/manifest';
import { OperatorHealth, TopTenants, TopTenantsQuery } from './schemas';

/**
 * The operators' health view and usage ranking. OPERATOR routes only
 * (members of the pool's `operators` group with MFA; every tenant role gets
 * 403), run as halooid_operator (shared/src/operator.ts), each call written
 * to platform.operator_audit. Defines no tenant permission.
 */
export const operatorHealthService = defineService({
  product: 'adminhub',
  capability: 'operator-health',
  description: "Operators' platform health and the tenants that use it most.",
  // What GET /v1/health's probes reach (platform meta), so the same checks answer here, and CloudWatch.
  resources: { database: true, cache: true, cognito: true, tables: [], metrics: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'getOperatorHealth',
      method: 'GET',
      path: '/v1/operator/health',
      permission: OPERATOR,
      summary: 'Platform health (operators)',
      description:
        'Every component as GET /v1/health, the database (connections, replication lag when known), the outbox and webhook backlogs, dead-letter queue depths, and invocations, error rate and p95/p99 per function over the last 24 hours (CloudWatch in AWS; locally per product from the recorded usage). A metrics source that fails to answer marks its parts unavailable; the rest still reports.',
      response: OperatorHealth,
    }),
    defineRoute({
      operationId: 'listTopTenants',
      method: 'GET',
      path: '/v1/operator/usage/top-tenants',
      permission: OPERATOR,
      summary: 'Tenants by usage (operators)',
      description:
        'The tenants that made the most requests over the last `days` UTC days (today included), with 5xx and 4xx counts and the share of their tier’s daily quota.',
      query: TopTenantsQuery,
      response: TopTenants,
    }),
  ],
});
