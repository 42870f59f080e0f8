import { describe, expect, it } from 'vitest';
import { effectivePermissions, grantMatches, OPERATOR_PERMISSIONS, permits } from './permissions';
import { SYSTEM_ROLE_DEFINITIONS } from './system-roles';

describe('grantMatches', () => {
  it('matches an exact permission', () => {
    expect(grantMatches('taskodex:task:read', 'taskodex:task:read')).toBe(true);
  });

  it('does not match a different permission', () => {
    expect(grantMatches('taskodex:task:read', 'taskodex:task:write')).toBe(false);
    expect(grantMatches('taskodex:task:read', 'taskodex:project:read')).toBe(false);
    expect(grantMatches('taskodex:task:read', 'crm:task:read')).toBe(false);
  });

  it.each([
    ['taskodex:*:read', 'taskodex:task:read', true],
    ['taskodex:*:read', 'taskodex:project:read', true],
    ['taskodex:*:read', 'taskodex:task:write', false],
    ['taskodex:task:*', 'taskodex:task:delete', true],
    ['*:*:read', 'crm:contact:read', true],
    ['*:*:*', 'crm:contact:delete', true],
    ['*:task:read', 'taskodex:project:read', false],
  ])('grant %s on %s is %s', (grant, required, expected) => {
    expect(grantMatches(grant, required)).toBe(expected);
  });

  it.each([
    ['*'],
    ['taskodex:*'],
    ['*:*'],
    ['*:*:*:*'],
    ['taskodex:task'],
    [''],
    ['taskodex:task:read:extra'],
  ])('malformed grant %o never matches a well-formed permission', (grant) => {
    expect(grantMatches(grant, 'taskodex:task:read')).toBe(false);
  });

  it('treats * only as a whole segment, not a prefix wildcard', () => {
    expect(grantMatches('taskodex:ta*:read', 'taskodex:task:read')).toBe(false);
  });
});

describe('operator permissions (the tier is billing’s, not a tenant’s)', () => {
  it.each([
    ['*:*:*'],
    ['platform:*:*'],
    ['*:billing:*'],
    ['platform:billing:*'],
    ['*:*:write'],
    ['platform:billing:write'],
  ])('%s does not match platform:billing:write', (grant) => {
    expect(grantMatches(grant, 'platform:billing:write')).toBe(false);
  });

  // The roles with every product's grants: functions/system-roles.test.ts.
  it('no system role definition holds any of them, the Owner included', () => {
    for (const role of SYSTEM_ROLE_DEFINITIONS) {
      for (const permission of OPERATOR_PERMISSIONS) expect(permits(role.grants, permission)).toBe(false);
    }
  });

  it('the Owner keeps every other platform permission', () => {
    expect(permits(['*:*:*'], 'platform:tenant:write')).toBe(true);
    expect(permits(['*:*:*'], 'platform:member:write')).toBe(true);
  });
});

describe('permits', () => {
  it('is true when any grant matches', () => {
    expect(permits(['crm:contact:read', 'taskodex:*:write'], 'taskodex:task:write')).toBe(true);
  });

  it('is false with no grants', () => {
    expect(permits([], 'taskodex:task:read')).toBe(false);
  });

  it('is false when no grant matches', () => {
    expect(permits(['crm:contact:read', 'taskodex:*:read'], 'taskodex:task:write')).toBe(false);
  });
});

describe('effectivePermissions', () => {
  const catalog = [
    'taskodex:task:write',
    'taskodex:task:read',
    'taskodex:project:read',
    'crm:contact:read',
    'platform:member:invite',
  ];

  it('expands wildcard grants against the catalog, sorted', () => {
    const effective = effectivePermissions(['taskodex:*:read', 'platform:member:invite'], catalog);

    expect(effective).toEqual(['platform:member:invite', 'taskodex:project:read', 'taskodex:task:read']);
  });

  it('omits grants that are not in the catalog', () => {
    expect(effectivePermissions(['billing:invoice:read'], catalog)).toEqual([]);
  });

  it('does not mutate the catalog', () => {
    const copy = [...catalog];

    effectivePermissions(['*:*:*'], catalog);

    expect(catalog).toEqual(copy);
  });
});
