import { describe, expect, it } from 'vitest';
import { changedFields } from './checks';
import { ChangeDepartmentBody, CreateDepartmentBody, CreateLocationBody, isTimeZone } from './schemas';

describe('organization schemas', () => {
  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Atlantis/Lost')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('defaults a location to UTC and refuses an unknown zone on the timeZone field', () => {
    expect(CreateLocationBody.parse({ name: 'Berlin' }).timeZone).toBe('UTC');
    const refused = CreateLocationBody.safeParse({ name: 'Berlin', timeZone: 'Mars/Base' });
    expect(refused.error?.issues[0]?.path).toEqual(['timeZone']);
  });

  it('trims names, refuses hidden characters and odd codes', () => {
    expect(CreateDepartmentBody.parse({ name: '  Sales  ' }).name).toBe('Sales');
    expect(CreateDepartmentBody.safeParse({ name: 'Sa\u202Eles' }).success).toBe(false);
    expect(CreateDepartmentBody.safeParse({ name: 'Sales', code: 'S A' }).success).toBe(false);
    expect(CreateDepartmentBody.safeParse({ name: 'Sales', code: 'SAL-1' }).success).toBe(true);
  });

  it('wants a PATCH to change something besides the version', () => {
    expect(ChangeDepartmentBody.safeParse({ version: 1 }).success).toBe(false);
    expect(ChangeDepartmentBody.safeParse({ version: 1, parentId: null }).success).toBe(true);
  });

  it('compares changed fields by content, whatever the key order', () => {
    const before: { name: string; address: { city: string; line1: string } | null } = {
      name: 'A',
      address: { city: 'X', line1: 'Y' },
    };
    expect(changedFields(before, { name: 'A', address: { line1: 'Y', city: 'X' } })).toEqual([]);
    expect(changedFields(before, { name: 'B', address: null })).toEqual(['name', 'address']);
  });
});
