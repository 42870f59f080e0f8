import { defineProduct } from '@halooid/shared/product';
import { employeesService } from './employees/service';
import { qultrixEvents } from './events';
import { holidaysService } from './holidays/service';
import { orgChartService } from './org-chart/service';
import { organizationService } from './organization/service';

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
  // Owner (`*:*:*`) and auditor (`*:*:read`) cover every product already.
  // Employee records hold personal data: only HR and admins read them until the
  // self-service and manager-scope slice scopes rows in SQL (docs/qultrix.md);
  // then Employee reads their own record and managers their reports.
  roleGrants: {
    hr_manager: ['qultrix:*:*'],
    admin: ['qultrix:*:*'],
  },
  web: { path: '/qultrix', icon: 'users', description: 'People, organization and time off' },
});
