import { defineProduct } from '@halooid/shared/product';
import { apiKeysService } from './api-keys/service';
import { authService } from './auth/service';
import { metaService } from './meta/service';
import { notificationsService } from './notifications/service';
import { rbacService } from './rbac/service';
import { tenantsService } from './tenants/service';
import { webhooksService } from './webhooks/service';

/** Tenants read their workspace and its members in every role that works in a product. */
const READS_TENANT = ['platform:tenant:read', 'platform:member:read'];

/**
 * The platform as a product: sign-in, tenants, roles, API keys,
 * notifications and webhooks. Always enabled, so it is never among a
 * tenant's `enabledProducts`.
 */
export const platformProduct = defineProduct({
  key: 'platform',
  displayName: 'Platform',
  description: 'Sign-in, workspaces, members and roles, API keys, notifications and webhooks.',
  alwaysEnabled: true,
  capabilities: [
    authService,
    metaService,
    tenantsService,
    rbacService,
    apiKeysService,
    notificationsService,
    webhooksService,
  ],
  schedules: [
    {
      name: 'outbox-relay',
      description: 'Publishes outbox rows left unpublished to the bus, oldest first; purges old ones',
      schedule: 'rate(1 minute)',
      handler: 'events/relay-handler.ts',
      local: 'events/relay-local.ts',
      cdkId: 'OutboxRelay',
      // Runs as halooid_worker (platform/0007), the only login that may become it.
      resources: { database: true },
      login: 'worker',
      emitsEvents: true,
      timeoutSeconds: 55,
      memorySize: 512,
      localEveryMs: 1_000,
    },
    {
      name: 'webhooks-worker',
      description: 'Sends due webhook deliveries for about 55 s per run, with the retry schedule',
      schedule: 'rate(1 minute)',
      handler: 'webhooks/worker-handler.ts',
      local: 'webhooks/worker-local.ts',
      cdkId: 'WebhookWorker',
      // Opens the sealed signing secrets; sends through the NAT gateway.
      resources: { database: true, dataKeys: true },
      login: 'worker',
      // Polls for about 55 s, and a delivery in flight may take its full 10 s timeout.
      timeoutSeconds: 70,
      memorySize: 512,
      longRunning: true,
      localEveryMs: 250,
    },
  ],
  roleGrants: {
    admin: [
      'platform:*:read',
      'platform:tenant:write',
      'platform:member:write',
      'platform:role:write',
      'platform:api-key:write',
      'platform:webhook:write',
    ],
    member: [
      'platform:tenant:read',
      'platform:member:read',
      'platform:role:read',
      'platform:api-key:read',
      'platform:api-key:write',
    ],
    viewer: READS_TENANT,
    project_manager: READS_TENANT,
    hr_manager: READS_TENANT,
    employee: ['platform:tenant:read'],
    // Sales work names colleagues: owners on records, @mentions on activities, team members.
    sales_rep: READS_TENANT,
    support_agent: ['platform:tenant:read'],
    // Stock and purchasing name colleagues: who moved, counted, requested and approved.
    warehouse_manager: READS_TENANT,
    procurement_officer: READS_TENANT,
  },
});
