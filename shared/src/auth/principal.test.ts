import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '../errors';
import { encodeGrants, type Principal, principalFromEvent, requirePermission } from './principal';

const TENANT_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const USER_ID = 'f3a1c2d4-1111-4222-8333-944455556666';

function eventWith(authorizer: unknown): Pick<APIGatewayProxyEvent, 'requestContext'> {
  return { requestContext: { authorizer } as unknown as APIGatewayProxyEvent['requestContext'] };
}

describe('encodeGrants', () => {
  it('joins grants with spaces', () => {
    expect(encodeGrants(['a:b:c', 'd:*:f'])).toBe('a:b:c d:*:f');
  });
});

describe('principalFromEvent', () => {
  it('parses a complete authorizer context', () => {
    const principal = principalFromEvent(
      eventWith({
        tenantId: TENANT_ID,
        principalId: USER_ID,
        principalType: 'user',
        grants: 'taskodex:task:read taskodex:*:write',
      }),
    );

    expect(principal).toEqual({
      tenantId: TENANT_ID,
      principalId: USER_ID,
      principalType: 'user',
      grants: ['taskodex:task:read', 'taskodex:*:write'],
    });
  });

  it('round-trips grants encoded by encodeGrants', () => {
    const grants = ['crm:contact:read', 'platform:*:*'];

    const principal = principalFromEvent(
      eventWith({
        tenantId: TENANT_ID,
        principalId: 'key-1',
        principalType: 'apiKey',
        grants: encodeGrants(grants),
      }),
    );

    expect(principal?.principalType).toBe('apiKey');
    expect(principal?.grants).toEqual(grants);
  });

  it('drops empty grant segments', () => {
    const principal = principalFromEvent(
      eventWith({
        tenantId: TENANT_ID,
        principalId: USER_ID,
        principalType: 'user',
        grants: '  a:b:c  d:e:f ',
      }),
    );

    expect(principal?.grants).toEqual(['a:b:c', 'd:e:f']);
  });

  it('gives no grants for an empty grants string', () => {
    const principal = principalFromEvent(
      eventWith({ tenantId: TENANT_ID, principalId: USER_ID, principalType: 'user', grants: '' }),
    );

    expect(principal?.grants).toEqual([]);
  });

  it.each([[null], [undefined]])('is undefined when the authorizer is %o', (authorizer) => {
    expect(principalFromEvent(eventWith(authorizer))).toBeUndefined();
  });

  it.each([
    ['tenantId missing', { principalId: USER_ID, principalType: 'user', grants: '' }],
    ['principalId missing', { tenantId: TENANT_ID, principalType: 'user', grants: '' }],
    ['grants missing', { tenantId: TENANT_ID, principalId: USER_ID, principalType: 'user' }],
    ['tenantId a number', { tenantId: 42, principalId: USER_ID, principalType: 'user', grants: '' }],
    [
      'grants an array',
      { tenantId: TENANT_ID, principalId: USER_ID, principalType: 'user', grants: ['a:b:c'] },
    ],
    [
      'principalType unknown',
      { tenantId: TENANT_ID, principalId: USER_ID, principalType: 'admin', grants: '' },
    ],
    ['principalType missing', { tenantId: TENANT_ID, principalId: USER_ID, grants: '' }],
  ])('is undefined when %s', (_, authorizer) => {
    expect(principalFromEvent(eventWith(authorizer))).toBeUndefined();
  });
});

describe('requirePermission', () => {
  const principal: Principal = {
    tenantId: TENANT_ID,
    principalId: USER_ID,
    principalType: 'user',
    grants: ['taskodex:*:read'],
  };

  it('returns the principal when a grant covers the permission', () => {
    expect(requirePermission(principal, 'taskodex:task:read')).toBe(principal);
  });

  it('throws UnauthorizedError without a principal', () => {
    expect(() => requirePermission(undefined, 'taskodex:task:read')).toThrow(UnauthorizedError);
  });

  it('throws ForbiddenError naming the permission when no grant covers it', () => {
    expect(() => requirePermission(principal, 'taskodex:task:write')).toThrow(ForbiddenError);
    expect(() => requirePermission(principal, 'taskodex:task:write')).toThrow(/taskodex:task:write/);
  });
});
