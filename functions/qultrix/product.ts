import { defineProduct } from '@halooid/shared/product';
import { balancesService } from './balances/service';
import { compensationService } from './compensation/service';
import { employeeTransferService } from './employee-transfer/service';
import { employeesService } from './employees/service';
import { qultrixEvents } from './events';
import { holidaysService } from './holidays/service';
import { jobHistoryService } from './job-history/service';
import { leavePoliciesService } from './leave-policies/service';
import { leaveTypesService } from './leave-types/service';
import { orgChartService } from './org-chart/service';
import { organizationService } from './organization/service';
import { timeOffService } from './time-off/service';

/**
 * What everyone who works in the tenant holds: their own record and reports
 * (row-scoped), their own contact details, the organization, their time off
 * and the approvals that reach them as someone's manager or delegate.
 */
const STAFF = [
  'qultrix:employee:read',
  'qultrix:employee:write',
  'qultrix:org:read',
  'qultrix:time-off:request',
  'qultrix:time-off:approve',
];

/**
 * Qultrix, the HR product: this file is its one declaration. `npm run generate`
 * finds it, and the registry, CDK, the local runtime, OpenAPI, RBAC and the web
 * shell read it (its `web` entry puts Qultrix in the shell's navigation).
 */
export const qultrixProduct = defineProduct({
  key: 'qultrix',
  displayName: 'Qultrix',
  description: 'People records for HR: employees and their employment.',
  capabilities: [
    employeesService,
    employeeTransferService,
    organizationService,
    holidaysService,
    orgChartService,
    compensationService,
    jobHistoryService,
    leaveTypesService,
    leavePoliciesService,
    balancesService,
    timeOffService,
  ],
  events: qultrixEvents,
  schedules: [
    {
      name: 'apply-due-job-changes',
      description: 'Applies scheduled job changes whose effective date has come, once each',
      // Daily just after midnight UTC; idempotent (a change leaves `scheduled` as it applies), so a rerun is harmless.
      schedule: 'cron(15 0 * * ? *)',
      handler: 'job-history/apply-due-handler.ts',
      resources: { database: true },
      login: 'worker',
      emitsEvents: true,
      timeoutSeconds: 300,
      memorySize: 512,
      // Locally it runs at start and every hour.
      localEveryMs: 3_600_000,
    },
    {
      name: 'accrual',
      description: 'Accrues leave per policy and period and closes the year, once per period',
      // Daily at 01:00 UTC; idempotent per employee, leave type and period, so a rerun writes nothing twice.
      schedule: 'cron(0 1 * * ? *)',
      handler: 'accrual/handler.ts',
      resources: { database: true },
      login: 'worker',
      emitsEvents: false,
      timeoutSeconds: 300,
      memorySize: 512,
      localEveryMs: 3_600_000,
    },
  ],
  // The platform's notifications subscriber runs these (shared/src/notifications.ts); names are its inbox keys.
  notifications: [
    {
      name: 'notify-time-off-approvers',
      description: 'Whoever decides the current step of a leave request hears that it waits for them',
      pattern: { source: ['halooid.qultrix'], 'detail-type': ['time-off.awaiting_approval'] },
      handler: 'notifications/time-off-awaiting-approval.ts',
    },
    {
      name: 'notify-time-off-requester',
      description: 'The employee hears that their leave request was approved or rejected',
      pattern: { source: ['halooid.qultrix'], 'detail-type': ['time-off.approved', 'time-off.rejected'] },
      handler: 'notifications/time-off-decision.ts',
    },
  ],
  // Owner (`*:*:*`) covers every product already; the auditor's `*:*:read`
  // reads only their own employee scope (`:admin` is not a read).
  // `qultrix:employee:read` is row-scoped (domain/employee-scope.ts): the
  // caller's own record and their reports, so Employees, Members and Viewers
  // may hold it; `qultrix:employee:admin` (HR, admins) sees every record.
  // Managers are not a role: their scope follows from the manager links.
  roleGrants: {
    hr_manager: ['qultrix:*:*'],
    admin: ['qultrix:*:*'],
    employee: STAFF,
    member: STAFF,
    project_manager: STAFF,
    viewer: ['qultrix:employee:read', 'qultrix:org:read'],
  },
  demoSeed: 'demo/seed.ts',
  web: { path: '/qultrix', icon: 'users', description: 'People, organization and time off' },
});
