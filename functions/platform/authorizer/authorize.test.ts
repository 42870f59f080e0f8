import { type RevocationState, revocationReason } from '@halooid/shared/auth/revocations';
import type { AccessTokenVerifier } from '@halooid/shared/auth/token-verifier';
import { AUTHENTICATED, OPERATOR, routeKey } from '@halooid/shared/manifest';
import type { TenantState } from '@halooid/shared/tenancy';
import { describe, expect, it } from 'vitest';
import { type AuthorizationRequest, type AuthorizeDeps, authorize, type VerifiedApiKey } from './authorize';
import { PUBLIC, type RoutePermission } from './route-permissions';

const USER_ID = 'f3a1c2d4-1111-4222-8333-944455556666';
const TENANT_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const TASK_RESOURCE = '/v1/taskodex/tasks/{taskId}';
const ME_RESOURCE = '/v1/me';

const routes = new Map<string, RoutePermission>([
  [routeKey('GET', TASK_RESOURCE), 'taskodex:task:read'],
  [routeKey('DELETE', TASK_RESOURCE), 'taskodex:task:delete'],
  [routeKey('GET', ME_RESOURCE), PUBLIC],
]);

const acceptingVerifier: AccessTokenVerifier = {
  async verify(token) {
    if (token !== 'good-token') throw new Error('bad signature');
    return {
      sub: USER_ID,
      username: 'ada',
      clientId: 'client',
      issuedAt: 1_999_999_100,
      expiresAt: 2_000_000_000,
      sessionId: 'session-1',
    };
  },
};

const TENANT: TenantState = {
  id: TENANT_ID,
  status: 'active',
  tier: 'pro',
  usageKey: 'usage-key',
  rbacVersion: 7,
};

function deps(
  grants: string[] | undefined,
  calls: Array<[string, string]> = [],
  overrides: Partial<AuthorizeDeps> = {},
): AuthorizeDeps {
  return {
    routes,
    verifier: acceptingVerifier,
    async revoked() {
      return undefined;
    },
    async tenant(tenantId) {
      return tenantId === TENANT_ID ? TENANT : undefined;
    },
    async grantsOf(userId, tenant) {
      calls.push([userId, tenant.id]);
      return grants;
    },
    async apiKey() {
      return undefined;
    },
    async mfaEnrolled() {
      return false;
    },
    ...overrides,
  };
}

function request(overrides: Partial<AuthorizationRequest> = {}): AuthorizationRequest {
  return {
    method: 'GET',
    resource: TASK_RESOURCE,
    authorization: 'Bearer good-token',
    tenantId: TENANT_ID,
    ...overrides,
  };
}

describe('authorize', () => {
  it('allows a member whose grants include the permission', async () => {
    const decision = await authorize(request(), deps(['taskodex:task:read']));

    expect(decision).toEqual({
      effect: 'Allow',
      principalId: USER_ID,
      tenantId: TENANT_ID,
      principalType: 'user',
      grants: ['taskodex:task:read'],
      usage: { key: 'usage-key', tier: 'pro' },
    });
  });

  it('denies an unknown route before anything else', async () => {
    const calls: Array<[string, string]> = [];

    const decision = await authorize(request({ resource: '/v1/unknown' }), deps(['*:*:*'], calls));

    expect(decision).toEqual({ effect: 'Deny', principalId: 'anonymous', reason: 'Unknown route.' });
    expect(calls).toEqual([]);
  });

  it('denies a known resource with an unknown method', async () => {
    const decision = await authorize(request({ method: 'PATCH' }), deps(['*:*:*']));

    expect(decision.effect).toBe('Deny');
  });

  it('matches the method case-insensitively', async () => {
    const decision = await authorize(request({ method: 'get' }), deps(['taskodex:task:read']));

    expect(decision.effect).toBe('Allow');
  });

  it.each([[undefined], [''], ['   '], ['Bearer'], ['Bearer   ']])(
    'is Unauthorized without credentials (%o)',
    async (authorization) => {
      const decision = await authorize(request({ authorization }), deps(['*:*:*']));

      expect(decision).toEqual({
        effect: 'Unauthorized',
        reason: 'Send Authorization: Bearer <access token> or ApiKey <key>.',
      });
    },
  );

  it('is Unauthorized for a scheme other than Bearer', async () => {
    const decision = await authorize(request({ authorization: 'Basic YWRhOnB3' }), deps(['*:*:*']));

    expect(decision).toEqual({ effect: 'Unauthorized', reason: 'Unsupported authorization scheme Basic.' });
  });

  it('accepts the scheme in any case', async () => {
    const decision = await authorize(request({ authorization: 'bearer good-token' }), deps(['*:*:*']));

    expect(decision.effect).toBe('Allow');
  });

  it('is Unauthorized when the verifier rejects the token', async () => {
    const calls: Array<[string, string]> = [];

    const decision = await authorize(request({ authorization: 'Bearer forged' }), deps(['*:*:*'], calls));

    expect(decision).toEqual({ effect: 'Unauthorized', reason: 'The access token is invalid or expired.' });
    expect(calls).toEqual([]);
  });

  it.each([[undefined], [''], ['  '], ['not-a-uuid'], [`${TENANT_ID}x`]])(
    'denies when X-Tenant-Id is %o',
    async (tenantId) => {
      const calls: Array<[string, string]> = [];

      const decision = await authorize(request({ tenantId }), deps(['*:*:*'], calls));

      expect(decision).toEqual({
        effect: 'Deny',
        principalId: USER_ID,
        reason: 'Send X-Tenant-Id with the id of one of your tenants.',
      });
      expect(calls).toEqual([]);
    },
  );

  it('looks up grants with the lower-cased, trimmed tenant id', async () => {
    const calls: Array<[string, string]> = [];

    const decision = await authorize(
      request({ tenantId: ` ${TENANT_ID.toUpperCase()} ` }),
      deps(['taskodex:task:read'], calls),
    );

    expect(calls).toEqual([[USER_ID, TENANT_ID]]);
    expect(decision).toMatchObject({ effect: 'Allow', tenantId: TENANT_ID });
  });

  it('denies a user who is not a member of the tenant', async () => {
    const decision = await authorize(request(), deps(undefined));

    expect(decision).toEqual({
      effect: 'Deny',
      principalId: USER_ID,
      reason: 'You are not a member of this tenant.',
    });
  });

  it('denies when the grants lack the permission, naming it', async () => {
    const decision = await authorize(request({ method: 'DELETE' }), deps(['taskodex:task:read']));

    expect(decision).toEqual({
      effect: 'Deny',
      principalId: USER_ID,
      reason: 'This needs the taskodex:task:delete permission.',
    });
  });

  it('denies a member with no grants at all', async () => {
    expect((await authorize(request(), deps([]))).effect).toBe('Deny');
  });

  it('allows through a wildcard grant', async () => {
    const decision = await authorize(request({ method: 'DELETE' }), deps(['taskodex:*:delete']));

    expect(decision).toMatchObject({ effect: 'Allow', grants: ['taskodex:*:delete'] });
  });

  it('allows a PUBLIC route for a member with a valid token and no grants', async () => {
    const decision = await authorize(request({ resource: ME_RESOURCE }), deps([]));

    expect(decision).toMatchObject({
      effect: 'Allow',
      principalId: USER_ID,
      tenantId: TENANT_ID,
      grants: [],
    });
  });

  it('still requires a token on a PUBLIC route', async () => {
    const decision = await authorize(request({ resource: ME_RESOURCE, authorization: undefined }), deps([]));

    expect(decision.effect).toBe('Unauthorized');
  });
});

describe('authorize: tenant state', () => {
  it('denies every call into a disabled tenant', async () => {
    const decision = await authorize(
      request(),
      deps(['*:*:*'], [], { tenant: async () => ({ ...TENANT, status: 'disabled' }) }),
    );

    expect(decision).toMatchObject({ effect: 'Deny', reason: 'This tenant is disabled.' });
  });

  it('denies a tenant id that does not exist without asking for grants', async () => {
    const calls: Array<[string, string]> = [];

    const decision = await authorize(
      request({ tenantId: '0190a1b2-c3d4-7e5f-8a9b-000000000000' }),
      deps(['*:*:*'], calls),
    );

    expect(decision.effect).toBe('Deny');
    expect(calls).toEqual([]);
  });
});

describe('authorize: API keys', () => {
  const KEY: VerifiedApiKey = {
    keyId: 'abcdefghijklmnop',
    tenantId: TENANT_ID,
    scopes: ['taskodex:task:read', 'taskodex:task:delete'],
    createdBy: USER_ID,
  };
  const withKey = (grants: string[] | undefined, key: VerifiedApiKey | undefined = KEY) =>
    deps(grants, [], { apiKey: async (raw) => (raw === 'hk_test_good' ? key : undefined) });

  it('allows a scope the creator still holds, with the tenant implied by the key', async () => {
    const decision = await authorize(
      request({ authorization: 'ApiKey hk_test_good', tenantId: undefined }),
      withKey(['*:*:*']),
    );

    expect(decision).toEqual({
      effect: 'Allow',
      principalId: 'apikey:abcdefghijklmnop',
      principalType: 'apiKey',
      tenantId: TENANT_ID,
      grants: ['taskodex:task:read', 'taskodex:task:delete'],
      usage: { key: 'usage-key', tier: 'pro' },
    });
  });

  it('drops scopes the creator no longer holds', async () => {
    const decision = await authorize(
      request({ method: 'DELETE', authorization: 'ApiKey hk_test_good' }),
      withKey(['taskodex:task:read']),
    );

    expect(decision).toMatchObject({
      effect: 'Deny',
      reason: 'This needs the taskodex:task:delete permission.',
    });
  });

  it('is Unauthorized for an unknown, tampered or revoked key', async () => {
    const decision = await authorize(
      request({ authorization: 'ApiKey hk_test_tampered' }),
      withKey(['*:*:*']),
    );

    expect(decision.effect).toBe('Unauthorized');
  });

  it("refuses an X-Tenant-Id other than the key's tenant", async () => {
    const decision = await authorize(
      request({ authorization: 'ApiKey hk_test_good', tenantId: '0190a1b2-c3d4-7e5f-8a9b-111111111111' }),
      withKey(['*:*:*']),
    );

    expect(decision).toMatchObject({
      effect: 'Deny',
      reason: 'X-Tenant-Id does not match the tenant of the API key.',
    });
  });

  it('refuses person-only (AUTHENTICATED) routes', async () => {
    const authenticatedRoutes = new Map(routes).set(routeKey('GET', '/v1/me'), AUTHENTICATED);
    const decision = await authorize(request({ resource: '/v1/me', authorization: 'ApiKey hk_test_good' }), {
      ...withKey(['*:*:*']),
      routes: authenticatedRoutes,
    });

    expect(decision.effect).toBe('Deny');
  });
});

describe('authorize: revoked tokens', () => {
  // acceptingVerifier issues good-token at iat 1_999_999_100 in session-1.
  const revokedBy = (state: RevocationState) =>
    ({ revoked: async (token) => revocationReason(token, state) }) satisfies Partial<AuthorizeDeps>;

  it('is Unauthorized when the token was issued before the user’s not-before, an Owner’s grants notwithstanding', async () => {
    // The membership is read beside the revocation (the round trips overlap); a revoked
    // token's answer is 401 whatever that read says.
    const calls: Array<[string, string]> = [];
    const decision = await authorize(
      request(),
      deps(['*:*:*'], calls, revokedBy({ notBefore: 1_999_999_101, sessionRevoked: false })),
    );

    expect(decision).toMatchObject({ effect: 'Unauthorized', reason: expect.stringMatching(/signed out/) });
    expect(decision).not.toHaveProperty('grants');
  });

  it('is Unauthorized for a revoked token even when the membership read fails', async () => {
    const decision = await authorize(request(), {
      ...deps(['*:*:*'], [], revokedBy({ notBefore: 1_999_999_101, sessionRevoked: false })),
      membership: async () => {
        throw new Error('database down');
      },
    });

    expect(decision).toMatchObject({ effect: 'Unauthorized' });
  });

  it('allows a token issued at or after the not-before', async () => {
    const decision = await authorize(
      request(),
      deps(['*:*:*'], [], revokedBy({ notBefore: 1_999_999_100, sessionRevoked: false })),
    );

    expect(decision.effect).toBe('Allow');
  });

  it('is Unauthorized when the token’s session was signed out, on tenant-less routes too', async () => {
    const meRoutes = new Map(routes).set(routeKey('GET', ME_RESOURCE), AUTHENTICATED);
    const signedOut = { ...deps(['*:*:*'], [], revokedBy({ sessionRevoked: true })), routes: meRoutes };

    const inTenant = await authorize(request(), signedOut);
    const me = await authorize(request({ resource: ME_RESOURCE, tenantId: undefined }), signedOut);

    expect(inTenant.effect).toBe('Unauthorized');
    expect(me.effect).toBe('Unauthorized');
  });

  it('asks about the verified token’s own user, iat and session', async () => {
    const asked: unknown[] = [];
    await authorize(
      request(),
      deps(['*:*:*'], [], {
        async revoked(token) {
          asked.push({ sub: token.sub, issuedAt: token.issuedAt, sessionId: token.sessionId });
          return undefined;
        },
      }),
    );

    expect(asked).toEqual([{ sub: USER_ID, issuedAt: 1_999_999_100, sessionId: 'session-1' }]);
  });
});

describe('authorize: operators', () => {
  const OPERATOR_RESOURCE = '/v1/operator/tenants';
  const operatorRoutes = new Map(routes).set(routeKey('GET', OPERATOR_RESOURCE), OPERATOR);
  const verifierWith = (groups: string[] | undefined): AccessTokenVerifier => ({
    async verify(token) {
      return { ...(await acceptingVerifier.verify(token)), ...(groups ? { groups } : {}) };
    },
  });
  const operatorDeps = (groups: string[] | undefined, mfa: boolean, grants: string[] = []) => ({
    ...deps(grants, [], { mfaEnrolled: async () => mfa, verifier: verifierWith(groups) }),
    routes: operatorRoutes,
  });
  const operatorCall = (overrides: Partial<AuthorizationRequest> = {}) =>
    request({ resource: OPERATOR_RESOURCE, tenantId: undefined, ...overrides });

  it('allows a member of the operators group with MFA, with no tenant and no grants', async () => {
    const decision = await authorize(
      operatorCall({ tenantId: TENANT_ID }),
      operatorDeps(['operators'], true),
    );

    expect(decision).toEqual({
      effect: 'Allow',
      principalId: USER_ID,
      principalType: 'operator',
      tenantId: '',
      grants: [],
    });
  });

  it('refuses an operator without MFA', async () => {
    const decision = await authorize(operatorCall(), operatorDeps(['operators'], false));

    expect(decision).toMatchObject({ effect: 'Deny', code: 'mfa_required' });
  });

  it('refuses a tenant Owner who is no operator, whatever their grants', async () => {
    const decision = await authorize(
      operatorCall({ tenantId: TENANT_ID }),
      operatorDeps(['admins'], true, ['*:*:*']),
    );

    expect(decision).toMatchObject({ effect: 'Deny', reason: 'Operators only.', code: 'operators_only' });
  });

  it('refuses API keys on operator routes', async () => {
    const key: VerifiedApiKey = { keyId: 'k', tenantId: TENANT_ID, scopes: ['*:*:*'], createdBy: USER_ID };
    const decision = await authorize(operatorCall({ authorization: 'ApiKey hk_test_good' }), {
      ...operatorDeps(['operators'], true, ['*:*:*']),
      apiKey: async () => key,
    });

    expect(decision).toMatchObject({ effect: 'Deny', code: 'operators_only' });
  });

  it('is Unauthorized for a revoked operator token', async () => {
    const decision = await authorize(operatorCall(), {
      ...operatorDeps(['operators'], true),
      revoked: async () => 'Signed out.',
    });

    expect(decision.effect).toBe('Unauthorized');
  });
});

describe('authorize: suspended tenants', () => {
  const suspended = { tenant: async () => ({ ...TENANT, status: 'suspended' as const }) };

  it('refuses members, Owners included, with the tenant_suspended problem', async () => {
    const decision = await authorize(request(), deps(['*:*:*'], [], suspended));

    expect(decision).toMatchObject({
      effect: 'Deny',
      code: 'tenant_suspended',
      reason: 'This workspace is suspended by the platform operator; contact support.',
    });
  });

  it('refuses the tenant’s API keys too', async () => {
    const key: VerifiedApiKey = { keyId: 'k', tenantId: TENANT_ID, scopes: ['*:*:*'], createdBy: USER_ID };
    const decision = await authorize(
      request({ authorization: 'ApiKey hk_test_good', tenantId: undefined }),
      deps(['*:*:*'], [], { ...suspended, apiKey: async () => key }),
    );

    expect(decision).toMatchObject({ effect: 'Deny', code: 'tenant_suspended' });
  });
});

describe('authorize: IP allowlist', () => {
  const KEY: VerifiedApiKey = { keyId: 'k', tenantId: TENANT_ID, scopes: ['*:*:*'], createdBy: USER_ID };
  const withAllowlist = (cidrs: string[], applyToPeople = false) =>
    deps(['*:*:*'], [], {
      tenant: async () => ({ ...TENANT, ipAllowlist: { cidrs, applyToPeople } }),
      apiKey: async () => KEY,
    });
  const keyCall = (sourceIp: string) =>
    request({ authorization: 'ApiKey hk_test_good', tenantId: undefined, sourceIp });

  it('refuses an API key called from outside the list, and allows it inside', async () => {
    const outside = await authorize(keyCall('127.0.0.1'), withAllowlist(['10.0.0.0/8']));
    const inside = await authorize(keyCall('10.20.30.40'), withAllowlist(['10.0.0.0/8']));

    expect(outside).toMatchObject({ effect: 'Deny', code: 'ip_not_allowed' });
    expect(inside.effect).toBe('Allow');
  });

  it('matches IPv6 subnets and IPv4-mapped addresses', async () => {
    const v6 = await authorize(keyCall('2001:db8::1'), withAllowlist(['2001:db8::/32']));
    const mapped = await authorize(keyCall('::ffff:10.1.2.3'), withAllowlist(['10.0.0.0/8']));

    expect(v6.effect).toBe('Allow');
    expect(mapped.effect).toBe('Allow');
  });

  it('fails closed on an address that does not parse and on a list of nothing valid', async () => {
    const unknown = await authorize(keyCall(''), withAllowlist(['10.0.0.0/8']));
    const broken = await authorize(keyCall('10.1.2.3'), withAllowlist(['10.0.0.0/', 'nonsense']));

    expect(unknown).toMatchObject({ effect: 'Deny', code: 'ip_not_allowed' });
    expect(broken).toMatchObject({ effect: 'Deny', code: 'ip_not_allowed' });
  });

  it('lets people through unless the policy applies to them', async () => {
    const person = request({ sourceIp: '127.0.0.1' });

    const notApplied = await authorize(person, withAllowlist(['10.0.0.0/8'], false));
    const applied = await authorize(person, withAllowlist(['10.0.0.0/8'], true));

    expect(notApplied.effect).toBe('Allow');
    expect(applied).toMatchObject({ effect: 'Deny', code: 'ip_not_allowed' });
  });
});
