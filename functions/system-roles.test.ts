import { OPERATOR_PERMISSIONS, permits } from '@halooid/shared/auth/permissions';
import { composeSystemRoles, SYSTEM_ROLE_DEFINITIONS } from '@halooid/shared/auth/system-roles';
import { describe, expect, it } from 'vitest';
import { PERMISSION_NAMES } from './registry-names';
import { roleGrants, SYSTEM_ROLES, systemRole } from './system-roles';

const grantsOf = (key: string) => systemRole(key)?.grants ?? [];
/** Only Taskodex's and the platform's part: a product added later adds its own grants without editing this test. */
const knownGrantsOf = (key: string) =>
  grantsOf(key).filter((grant) => grant.startsWith('*:') || /^(taskodex|platform):/.test(grant));

describe('system roles composed from the product list', () => {
  it('are the platform’s roles, in its order, each with its name and description', () => {
    expect(SYSTEM_ROLES.map(({ key, name, description }) => ({ key, name, description }))).toEqual(
      SYSTEM_ROLE_DEFINITIONS.map(({ key, name, description }) => ({ key, name, description })),
    );
  });

  it('give each role what Taskodex and the platform say, other products before the platform', () => {
    expect(grantsOf('owner')).toEqual(['*:*:*']);
    expect(grantsOf('auditor')).toEqual(['*:*:read']);
    expect(knownGrantsOf('admin')).toEqual([
      'taskodex:*:*',
      'platform:*:read',
      'platform:tenant:write',
      'platform:member:write',
      'platform:role:write',
      'platform:api-key:write',
      'platform:webhook:write',
    ]);
    expect(knownGrantsOf('project_manager')).toEqual([
      'taskodex:*:*',
      'platform:tenant:read',
      'platform:member:read',
    ]);
    expect(knownGrantsOf('employee')).toEqual([
      'taskodex:*:read',
      'taskodex:task:write',
      'taskodex:time:write',
      'platform:tenant:read',
    ]);
  });

  it('keep the Member from administering projects and approving timesheets, which managers do', () => {
    expect(permits(grantsOf('member'), 'taskodex:task:write')).toBe(true);
    expect(permits(grantsOf('member'), 'taskodex:project:admin')).toBe(false);
    expect(permits(grantsOf('member'), 'taskodex:timesheet:approve')).toBe(false);
    expect(permits(grantsOf('project_manager'), 'taskodex:timesheet:approve')).toBe(true);
    expect(permits(grantsOf('viewer'), 'taskodex:task:write')).toBe(false);
  });

  it('hold no operator permission, the Owner included', () => {
    for (const role of SYSTEM_ROLES) {
      for (const permission of OPERATOR_PERMISSIONS) expect(permits(role.grants, permission)).toBe(false);
    }
  });

  it('grant only permissions of products that exist, besides the wildcards', () => {
    for (const role of SYSTEM_ROLES) {
      for (const grant of role.grants) {
        if (grant.startsWith('*:')) continue;
        expect(
          PERMISSION_NAMES.some((permission) => permits([grant], permission)),
          `${role.key}: ${grant}`,
        ).toBe(true);
      }
    }
  });

  it('resolve a system role row from code and a custom role from its row', () => {
    expect(roleGrants({ key: 'viewer', system: true, grants: ['ignored:x:y'] })).toEqual(grantsOf('viewer'));
    expect(roleGrants({ key: 'custom', system: false, grants: ['taskodex:task:read'] })).toEqual([
      'taskodex:task:read',
    ]);
  });
});

describe('composeSystemRoles', () => {
  it('adds a new product’s grants to the roles it names, before the platform’s, without duplicates', () => {
    const roles = composeSystemRoles([
      { key: 'platform', roleGrants: { viewer: ['platform:tenant:read'] } },
      {
        key: 'qultrix',
        roleGrants: { viewer: ['qultrix:*:read'], hr_manager: ['qultrix:*:*', 'qultrix:*:*'] },
      },
    ]);
    const byKey = new Map(roles.map((role) => [role.key, role.grants]));

    expect(byKey.get('viewer')).toEqual(['qultrix:*:read', 'platform:tenant:read']);
    expect(byKey.get('hr_manager')).toEqual(['qultrix:*:*']);
    expect(byKey.get('sales_rep')).toEqual([]);
  });
});
