import { defineProduct } from '@halooid/shared/product';
import { employeesService } from './employees/service';
import { qultrixEvents } from './events';
import { holidaysService } from './holidays/service';
import { orgChartService } from './org-chart/service';
import { organizationService } from './organization/service';

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
  capabilities: [employeesService, organizationService, holidaysService, orgChartService],
  events: qultrixEvents,
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
  web: { path: '/qultrix', icon: 'users', description: 'People, organization and time off' },
});
