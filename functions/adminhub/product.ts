import { defineProduct } from '@halooid/shared/product';
import { alertsService } from './alerts/service';
import { auditService } from './audit/service';
import { bulkJobsService } from './bulk-jobs/service';
import { dataExportsService } from './data-exports/service';
import { domainsService } from './domains/service';
import { adminhubEvents } from './events';
import { operatorHealthService } from './operator-health/service';
import { operatorTenantsService } from './operator-tenants/service';
import { organizationService } from './organization/service';
import { policiesService } from './policies/service';
import { tenantLifecycleService } from './tenant-lifecycle/service';
import { usageService } from './usage/service';
import { userImportService } from './user-import/service';
import { usersService } from './users/service';

/**
 * AdminHub, the console of a workspace's administrators (users, sessions,
 * security policies, the audit log, alerts, organization, usage) and, under
 * /v1/operator/*, of the operators who host Halooid. This file is its one
 * declaration: the registry, CDK, the local runtime, OpenAPI, RBAC and the
 * web shell read it.
 */
export const adminhubProduct = defineProduct({
  key: 'adminhub',
  displayName: 'AdminHub',
  description:
    'Administration: users and sessions, security policies, the audit log, security alerts, organization and usage.',
  capabilities: [
    policiesService,
    usersService,
    bulkJobsService,
    userImportService,
    auditService,
    organizationService,
    operatorTenantsService,
    dataExportsService,
    tenantLifecycleService,
    operatorHealthService,
    usageService,
    domainsService,
    alertsService,
  ],
  events: adminhubEvents,
  schedules: [
    {
      name: 'alert-detectors',
      description:
        'Runs the security detectors over new sign-in attempts, audit records and API key usage, and raises alerts in the affected tenants',
      // Every minute: a burst of failed sign-ins is news while it happens. Idempotent and safe to overlap: an
      // incident's open alert absorbs every repeat (alerts/detector-job.ts).
      schedule: 'rate(1 minute)',
      handler: 'alerts/job-handler.ts',
      resources: { database: true },
      login: 'worker',
      emitsEvents: true,
      timeoutSeconds: 55,
      memorySize: 512,
      localEveryMs: 60_000,
    },
    {
      name: 'audit-retention',
      description:
        "Deletes audit entries older than the tenant's tier keeps them (free 30, pro 365, enterprise 2555 days)",
      // Daily at 03:30 UTC, off-peak. Idempotent: a rerun finds nothing old enough.
      schedule: 'cron(30 3 * * ? *)',
      handler: 'audit/job-handler.ts',
      resources: { database: true },
      // The app role cannot delete audit rows; only halooid_worker may run the purge (migration 0003).
      login: 'worker',
      timeoutSeconds: 300,
      localEveryMs: 86_400_000,
    },
    {
      name: 'export-worker',
      description:
        'Produces queued tenant data exports: every row of the tenant in every product, gzipped JSON lines in S3',
      // Every minute: an admin waits for the link. Safe to overlap: each export is taken by one run
      // (for update skip locked), and a run that died leaves its export to be taken again once stale.
      schedule: 'rate(1 minute)',
      handler: 'data-exports/job-handler.ts',
      resources: { database: true, objectStore: true },
      login: 'worker',
      timeoutSeconds: 900,
      memorySize: 1024,
      localEveryMs: 5_000,
    },
    {
      name: 'tenant-deletion',
      description:
        'Deletes the tenants whose deletion grace period is over: every row in every product, every file in S3',
      // Daily at 04:00 UTC. Each tenant in one transaction: a failed run leaves it whole for the next.
      schedule: 'cron(0 4 * * ? *)',
      handler: 'tenant-lifecycle/deletion-job-handler.ts',
      // Cognito: the sign-in accounts of the users who belonged to the deleted tenant only.
      resources: { database: true, objectStore: true, cognito: true },
      login: 'worker',
      timeoutSeconds: 900,
      memorySize: 512,
      localEveryMs: 3_600_000,
    },
  ],
  // The platform's notifications subscriber runs these (shared/src/notifications.ts); names are its inbox keys.
  notifications: [
    {
      name: 'notify-alert-raised',
      description: 'The tenant’s administrators hear of a new security alert, with its severity and title',
      pattern: { source: ['halooid.adminhub'], 'detail-type': ['alert.raised'] },
      handler: 'alerts/notify-alert-raised.ts',
    },
  ],
  // Owner (`*:*:*`) and auditor (`*:*:read`) cover every product already. A grant
  // must match a permission some capability declares (functions/system-roles.test.ts).
  // Administration is for Admins (and Owners); Auditors read it through `*:*:read`.
  // Members and Viewers have no part of it.
  roleGrants: {
    admin: ['adminhub:*:*'],
  },
  demoSeed: 'demo/seed.ts',
  web: {
    path: '/adminhub',
    icon: 'A',
    description: 'Users, sessions, security policies, audit log, alerts, organization and usage.',
  },
});
