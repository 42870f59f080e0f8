import { defineProduct } from '@halooid/shared/product';
import { employeesService } from './employees/service';
import { qultrixEvents } from './events';

/**
 * Qultrix, the HR product: this file is its one declaration. `npm run generate`
 * finds it, and the registry, CDK, the local runtime, OpenAPI, RBAC and the web
 * shell read it. No `web` entry yet: the first slice is API only, and a product
 * without one is simply not in the shell's navigation (docs/qultrix.md).
 */
export const qultrixProduct = defineProduct({
  key: 'qultrix',
  displayName: 'Qultrix',
  description: 'People records for HR: employees and their employment.',
  capabilities: [employeesService],
  events: qultrixEvents,
  // Owner (`*:*:*`) and auditor (`*:*:read`) cover every product already. The
  // Employee role reads employees; limiting that to their own record is row
  // scope, which a later slice enforces in SQL (docs/qultrix.md).
  roleGrants: {
    hr_manager: ['qultrix:*:*'],
    admin: ['qultrix:*:*'],
    member: ['qultrix:employee:read'],
    viewer: ['qultrix:employee:read'],
    employee: ['qultrix:employee:read'],
  },
});
