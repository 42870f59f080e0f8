import {
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { MemoryCache } from '@halooid/shared/cache/memory-cache';
import { keyringOf, randomDataKey } from '@halooid/shared/crypto/keyring';
import type { Tx } from '@halooid/shared/db/transaction';
import { AppError } from '@halooid/shared/errors';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ABUSE_LIMITS, type AbuseLimits } from './abuse-limits';
import { changePassword } from './change-password';
import type { AuthDeps } from './deps';
import { forgotPassword } from './forgot-password';
import { logOut } from './log-out';
import { login } from './login';
import { refreshSession } from './refresh-session';
import { resetPassword } from './reset-password';
import { respondToChallenge } from './respond-to-challenge';
import { SIGN_UP_ANSWER, signUp } from './sign-up';
import { slugFromName, withRandomSuffix } from './tenant-slug';
import { totp } from './totp.test-helper';

const cognitoMock = mockClient(CognitoIdentityProviderClient);
const SUB = '0f8fad5b-d9cb-469f-a165-70867728950e';
const caller = { ip: '203.0.113.7' };
const KEYRING = keyringOf([randomDataKey()]);

function cognitoError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name });
}

interface Recorded {
  scopes: unknown[];
  queries: string[];
  /** Calls to the revocation store, in order: `user:<sub>` and `session:<id>@<expiresAt>`. */
  revocations?: string[];
  /** Rows a query answers with (by its text); none by default. */
  respond?: (text: string, values: readonly unknown[]) => unknown[] | undefined;
}

function recordingRevocations(recorded: Recorded): AuthDeps['revocations'] {
  recorded.revocations ??= [];
  const calls = recorded.revocations;
  return {
    async read() {
      return { sessionRevoked: false };
    },
    async revokeUser(userId) {
      calls.push(`user:${userId}`);
      return 1;
    },
    async revokeSession(sessionId, expiresAt) {
      calls.push(`session:${sessionId}@${expiresAt}`);
    },
  };
}

function makeDeps(
  overrides: Partial<AuthDeps> = {},
  recorded: Recorded = { scopes: [], queries: [] },
): AuthDeps {
  const tx: Tx = {
    query: (async (text: string, values: readonly unknown[] = []) => {
      recorded.queries.push(text);
      const rows = recorded.respond?.(text, values) ?? [];
      return { rows, rowCount: rows.length };
    }) as unknown as Tx['query'],
  };
  return {
    cognito: new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
    clientId: 'client',
    userPoolId: 'eu-west-1_pool',
    verifier: {
      verify: async (token) => {
        if (token === 'dead') throw new Error('expired');
        return {
          sub: SUB,
          username: SUB,
          clientId: 'client',
          issuedAt: 1_999_999_000,
          expiresAt: 2_000_000_000,
          sessionId: `session-of-${token}`,
        };
      },
    },
    transaction: async (scope, work) => {
      recorded.scopes.push(scope);
      return work(tx);
    },
    cache: new MemoryCache(),
    limits: ABUSE_LIMITS,
    globalSignOut: true,
    revocations: recordingRevocations(recorded),
    keyring: async () => KEYRING,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

beforeEach(() => cognitoMock.reset());
afterEach(() => vi.useRealTimers());

describe('login and the SOFTWARE_TOKEN_MFA challenge (Cognito as AWS answers it)', () => {
  it('returns the challenge and session instead of tokens', async () => {
    cognitoMock.on(InitiateAuthCommand).resolves({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'session-1',
      ChallengeParameters: { USER_ID_FOR_SRP: SUB },
    });

    const outcome = await login({ email: 'Ada@Example.com', password: 'pw' }, caller, makeDeps());

    expect(outcome).toEqual({ kind: 'challenge', challenge: 'SOFTWARE_TOKEN_MFA', session: 'session-1' });
    expect(cognitoMock.commandCalls(InitiateAuthCommand)[0]?.args[0].input.AuthParameters).toEqual({
      USERNAME: 'ada@example.com',
      PASSWORD: 'pw',
    });
  });

  it('answers the challenge with the code and returns tokens with the tenants', async () => {
    cognitoMock.on(RespondToAuthChallengeCommand).resolves({
      AuthenticationResult: { AccessToken: 'access', RefreshToken: 'refresh', ExpiresIn: 900 },
    });
    const recorded: Recorded = { scopes: [], queries: [] };

    const outcome = await respondToChallenge(
      { challenge: 'SOFTWARE_TOKEN_MFA', email: 'ada@example.com', session: 'session-1', code: '123456' },
      caller,
      makeDeps({}, recorded),
    );

    expect(outcome).toEqual({
      kind: 'tokens',
      accessToken: 'access',
      refreshToken: 'refresh',
      expiresIn: 900,
      tenants: [],
    });
    expect(cognitoMock.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client',
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'session-1',
      ChallengeResponses: { USERNAME: 'ada@example.com', SOFTWARE_TOKEN_MFA_CODE: '123456' },
    });
    expect(recorded.scopes).toEqual([{ userId: SUB }]);
  });

  it('counts wrong TOTP codes towards the lockout', async () => {
    cognitoMock.on(RespondToAuthChallengeCommand).rejects(cognitoError('CodeMismatchException'));
    const deps = makeDeps();
    const answer = () =>
      respondToChallenge(
        { challenge: 'SOFTWARE_TOKEN_MFA', email: 'ada@example.com', session: 's', code: '000000' },
        caller,
        deps,
      );

    const statuses: number[] = [];
    for (let attempt = 0; attempt < ABUSE_LIMITS.lockout.failures + 1; attempt++) {
      statuses.push((await rejection(answer())).status);
    }

    expect(statuses.slice(0, ABUSE_LIMITS.lockout.failures - 1).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(ABUSE_LIMITS.lockout.failures - 1)).toEqual([429, 429]);
  });

  it('refuses a challenge Cognito asks that the API does not offer', async () => {
    cognitoMock.on(InitiateAuthCommand).resolves({ ChallengeName: 'MFA_SETUP', Session: 's' });

    const error = await rejection(login({ email: 'ada@example.com', password: 'pw' }, caller, makeDeps()));

    expect(error).toMatchObject({ status: 403, code: 'challenge_unsupported' });
  });
});

describe('lockout and rate limits', () => {
  it('lifts the lock when its time is up', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z') });
    cognitoMock.on(InitiateAuthCommand).rejects(cognitoError('NotAuthorizedException'));
    const deps = makeDeps();
    const attempt = () => login({ email: 'ada@example.com', password: 'wrong' }, caller, deps);
    for (let i = 0; i < ABUSE_LIMITS.lockout.failures; i++) await rejection(attempt());
    cognitoMock
      .on(InitiateAuthCommand)
      .resolves({ AuthenticationResult: { AccessToken: 'a', RefreshToken: 'r' } });

    const locked = await rejection(login({ email: 'ada@example.com', password: 'right' }, caller, deps));
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['Retry-After'])).toBe(ABUSE_LIMITS.lockout.lockSeconds);

    vi.setSystemTime(new Date(Date.now() + ABUSE_LIMITS.lockout.lockSeconds * 1000 + 1000));
    await expect(login({ email: 'ada@example.com', password: 'right' }, caller, deps)).resolves.toMatchObject(
      {
        kind: 'tokens',
      },
    );
  });

  it('lets a password reset by emailed code lift the lock', async () => {
    cognitoMock.on(InitiateAuthCommand).rejects(cognitoError('NotAuthorizedException'));
    cognitoMock.on(ForgotPasswordCommand).resolves({});
    cognitoMock.on(AdminGetUserCommand).resolves({ UserAttributes: [{ Name: 'sub', Value: SUB }] });
    const deps = makeDeps();
    for (let i = 0; i < ABUSE_LIMITS.lockout.failures; i++) {
      await rejection(login({ email: 'ada@example.com', password: 'wrong' }, caller, deps));
    }

    await resetPassword(
      { email: 'ada@example.com', code: '123456', password: 'New-password-1!' },
      caller,
      deps,
    );
    cognitoMock
      .on(InitiateAuthCommand)
      .resolves({ AuthenticationResult: { AccessToken: 'a', RefreshToken: 'r' } });

    await expect(login({ email: 'ada@example.com', password: 'right' }, caller, deps)).resolves.toMatchObject(
      {
        kind: 'tokens',
      },
    );
  });

  it('limits one address across many accounts', async () => {
    cognitoMock.on(InitiateAuthCommand).rejects(cognitoError('NotAuthorizedException'));
    const limits: AbuseLimits = { ...ABUSE_LIMITS, perIp: { limit: 3, windowSeconds: 60 } };
    const deps = makeDeps({ limits });

    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await rejection(login({ email: `user${i}@example.com`, password: 'x' }, caller, deps))).status,
      );
    }
    const elsewhere = await rejection(
      login({ email: 'user9@example.com', password: 'x' }, { ip: '198.51.100.1' }, deps),
    );

    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(elsewhere.status).toBe(401);
  });

  it('does not lock anyone out when the cache is down', async () => {
    cognitoMock
      .on(InitiateAuthCommand)
      .resolves({ AuthenticationResult: { AccessToken: 'a', RefreshToken: 'r' } });
    const broken = new MemoryCache();
    const fail = async () => {
      throw new Error('cache down');
    };
    Object.assign(broken, { get: fail, set: fail, increment: fail, delete: fail });

    await expect(
      login({ email: 'ada@example.com', password: 'right' }, caller, makeDeps({ cache: broken })),
    ).resolves.toMatchObject({ kind: 'tokens' });
  });
});

describe('sign-up (paths cognito-local cannot produce)', () => {
  const input = { email: 'Ada@Example.com', password: 'Good-password-1!', name: 'Ada', tenantName: 'Acme' };

  it('answers an existing email like a new one, resends the code and creates nothing', async () => {
    cognitoMock.on(SignUpCommand).rejects(cognitoError('UsernameExistsException', 'User already exists'));
    cognitoMock.on(ResendConfirmationCodeCommand).rejects(cognitoError('InvalidParameterException'));
    const recorded: Recorded = { scopes: [], queries: [] };
    const started = performance.now();

    const answer = await signUp(input, caller, { ...makeDeps({}, recorded), minDurationMs: 50 });

    expect(answer).toEqual(SIGN_UP_ANSWER);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(cognitoMock.commandCalls(ResendConfirmationCodeCommand)[0]?.args[0].input.Username).toBe(
      'ada@example.com',
    );
    expect(recorded.queries).toEqual([]);
  });

  it('passes Cognito’s password policy reason on as a 400 on body.password', async () => {
    const reason = 'Password does not conform to policy: Password has previously been used';
    cognitoMock.on(SignUpCommand).rejects(cognitoError('InvalidPasswordException', reason));

    const error = await rejection(signUp(input, caller, makeDeps()));

    expect(error.status).toBe(400);
    expect(error.errors).toEqual([{ field: 'body.password', message: reason, code: 'weak_password' }]);
  });

  it('deletes the Cognito user again when the tenant cannot be written', async () => {
    cognitoMock.on(SignUpCommand).resolves({ UserSub: SUB, UserConfirmed: false });
    cognitoMock.on(AdminDeleteUserCommand).resolves({});
    const deps = makeDeps({
      transaction: async () => {
        throw new Error('database down');
      },
    });

    await expect(signUp(input, caller, deps)).rejects.toThrow('database down');
    expect(cognitoMock.commandCalls(AdminDeleteUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'eu-west-1_pool',
      Username: 'ada@example.com',
    });
  });

  it('retries with a suffixed slug when the plain one is taken, scoped to the new tenant and user', async () => {
    cognitoMock.on(SignUpCommand).resolves({ UserSub: SUB, UserConfirmed: false });
    const scopes: { tenantId?: string; userId?: string }[] = [];
    const slugs: unknown[] = [];
    const deps = makeDeps({
      transaction: async (scope, work) => {
        scopes.push(scope);
        return work({
          query: (async (text: string, values?: readonly unknown[]) => {
            if (text.startsWith('insert into platform.tenants')) {
              slugs.push(values?.[2]);
              if (slugs.length === 1) {
                throw Object.assign(new Error('duplicate key'), {
                  code: '23505',
                  constraint: 'tenants_slug_key',
                });
              }
            }
            return { rows: [], rowCount: 1 };
          }) as unknown as Tx['query'],
        });
      },
    });

    await signUp(input, caller, deps);

    expect(slugs).toEqual(['acme', expect.stringMatching(/^acme-[a-z0-9]{6}$/)]);
    expect(scopes).toHaveLength(2);
    expect(scopes[1]).toEqual({ tenantId: expect.any(String), userId: SUB });
    expect(scopes[0]?.tenantId).not.toBe(scopes[1]?.tenantId);
  });
});

describe('sessions and passwords', () => {
  it('logout of one session revokes its refresh token and denylists that session only', async () => {
    cognitoMock.on(RevokeTokenCommand).resolves({});
    const recorded: Recorded = { scopes: [], queries: [] };

    await logOut({ refreshToken: 'r', accessToken: 'a' }, makeDeps({}, recorded));

    expect(cognitoMock.commandCalls(RevokeTokenCommand)[0]?.args[0].input).toEqual({
      ClientId: 'client',
      Token: 'r',
    });
    // The session of the presented token, kept until that token expires; no GlobalSignOut, no not-before.
    expect(recorded.revocations).toEqual(['session:session-of-a@2000000000']);
    expect(cognitoMock.commandCalls(GlobalSignOutCommand)).toHaveLength(0);
  });

  it('logout everywhere signs out in Cognito (AWS) and sets the user’s not-before', async () => {
    cognitoMock.on(RevokeTokenCommand).resolves({});
    cognitoMock.on(GlobalSignOutCommand).resolves({});
    const recorded: Recorded = { scopes: [], queries: [] };

    await logOut({ refreshToken: 'r', accessToken: 'a', everywhere: true }, makeDeps({}, recorded));

    expect(cognitoMock.commandCalls(GlobalSignOutCommand)[0]?.args[0].input).toEqual({ AccessToken: 'a' });
    expect(recorded.revocations).toEqual([`user:${SUB}`]);
  });

  it('logout everywhere without a valid access token is a 401 and revokes nothing', async () => {
    const recorded: Recorded = { scopes: [], queries: [] };
    const deps = makeDeps({}, recorded);

    const missing = await rejection(logOut({ refreshToken: 'r', everywhere: true }, deps));
    const dead = await rejection(logOut({ accessToken: 'dead', everywhere: true }, deps));

    expect([missing.status, dead.status]).toEqual([401, 401]);
    expect(recorded.revocations).toEqual([]);
    expect(cognitoMock.calls()).toHaveLength(0);
  });

  it('logout skips GlobalSignOut where it is off (cognito-local) and tolerates dead tokens', async () => {
    cognitoMock.on(RevokeTokenCommand).rejects(cognitoError('NotAuthorizedException'));
    const recorded: Recorded = { scopes: [], queries: [] };

    await logOut({ refreshToken: 'r', accessToken: 'a' }, makeDeps({ globalSignOut: false }));
    await logOut({ accessToken: 'dead' }, makeDeps({ globalSignOut: false }, recorded));
    await logOut({ accessToken: 'a', everywhere: true }, makeDeps({ globalSignOut: false }, recorded));

    expect(cognitoMock.commandCalls(GlobalSignOutCommand)).toHaveLength(0);
    // The dead token revokes nothing; everywhere still sets the not-before locally.
    expect(recorded.revocations).toEqual([`user:${SUB}`]);
  });

  it('a password change ends every session: GlobalSignOut in AWS, then the not-before', async () => {
    cognitoMock.on(ChangePasswordCommand).resolves({});
    cognitoMock.on(GlobalSignOutCommand).resolves({});
    const recorded: Recorded = { scopes: [], queries: [] };
    const body = { currentPassword: 'old', newPassword: 'New-password-1!' };

    await changePassword(body, { id: SUB, accessToken: 'a' }, caller, makeDeps({}, recorded));

    expect(cognitoMock.commandCalls(GlobalSignOutCommand)[0]?.args[0].input).toEqual({ AccessToken: 'a' });
    expect(recorded.revocations).toEqual([`user:${SUB}`]);
  });

  it('a refused password change revokes nothing', async () => {
    cognitoMock
      .on(ChangePasswordCommand)
      .rejects(cognitoError('NotAuthorizedException', 'Incorrect username or password.'));
    const recorded: Recorded = { scopes: [], queries: [] };
    const body = { currentPassword: 'wrong', newPassword: 'New-password-1!' };

    await rejection(changePassword(body, { id: SUB, accessToken: 'a' }, caller, makeDeps({}, recorded)));

    expect(recorded.revocations).toEqual([]);
  });

  it('a password reset sets the not-before of the account’s sub and, in AWS, signs it out everywhere', async () => {
    cognitoMock.on(ConfirmForgotPasswordCommand).resolves({});
    cognitoMock.on(AdminGetUserCommand).resolves({ UserAttributes: [{ Name: 'sub', Value: SUB }] });
    cognitoMock.on(AdminUserGlobalSignOutCommand).resolves({});
    const recorded: Recorded = { scopes: [], queries: [] };

    await resetPassword(
      { email: 'Ada@Example.com', code: '123456', password: 'New-password-1!' },
      caller,
      makeDeps({}, recorded),
    );

    expect(cognitoMock.commandCalls(AdminGetUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'eu-west-1_pool',
      Username: 'ada@example.com',
    });
    expect(cognitoMock.commandCalls(AdminUserGlobalSignOutCommand)).toHaveLength(1);
    expect(recorded.revocations).toEqual([`user:${SUB}`]);
  });

  it('a password reset with a wrong code revokes nothing', async () => {
    cognitoMock.on(ConfirmForgotPasswordCommand).rejects(cognitoError('CodeMismatchException'));
    const recorded: Recorded = { scopes: [], queries: [] };

    const error = await rejection(
      resetPassword(
        { email: 'ada@example.com', code: '000000', password: 'New-password-1!' },
        caller,
        makeDeps({}, recorded),
      ),
    );

    expect(error.status).toBe(400);
    expect(recorded.revocations).toEqual([]);
  });

  it('refresh hands on a rotated refresh token', async () => {
    cognitoMock.on(InitiateAuthCommand).resolves({
      AuthenticationResult: { AccessToken: 'a2', RefreshToken: 'r2', ExpiresIn: 900 },
    });

    const recorded: Recorded = {
      scopes: [],
      queries: [],
      respond: (text) =>
        text.includes('session_for_refresh')
          ? [
              {
                id: 'row',
                user_id: SUB,
                access_session_id: 'a1',
                created_at: new Date(),
                last_seen_at: new Date(),
                ended_at: null,
              },
            ]
          : undefined,
    };

    await expect(refreshSession('r1', caller, makeDeps({}, recorded))).resolves.toEqual({
      accessToken: 'a2',
      refreshToken: 'r2',
      expiresIn: 900,
    });
  });

  it('maps AWS ChangePassword refusals to the right field', async () => {
    const user = { id: SUB, accessToken: 'a' };
    const body = { currentPassword: 'old', newPassword: 'New-password-1!' };
    cognitoMock
      .on(ChangePasswordCommand)
      .rejects(cognitoError('NotAuthorizedException', 'Incorrect username or password.'));
    const wrong = await rejection(changePassword(body, user, caller, makeDeps()));
    cognitoMock
      .on(ChangePasswordCommand)
      .rejects(
        cognitoError(
          'InvalidPasswordException',
          'Password does not conform to policy: Password has previously been used',
        ),
      );
    const reused = await rejection(changePassword(body, user, caller, makeDeps()));
    cognitoMock
      .on(ChangePasswordCommand)
      .rejects(cognitoError('NotAuthorizedException', 'Access Token has been revoked'));
    const revoked = await rejection(changePassword(body, user, caller, makeDeps()));

    expect(wrong.errors[0]?.field).toBe('body.currentPassword');
    expect(reused.errors[0]?.field).toBe('body.newPassword');
    expect(revoked.status).toBe(401);
  });

  it('forgot password hides Cognito’s per-account refusals', async () => {
    cognitoMock.on(ForgotPasswordCommand).rejects(cognitoError('LimitExceededException'));

    await expect(forgotPassword({ email: 'ada@example.com' }, caller, makeDeps())).resolves.toMatchObject({
      status: 'pending',
    });
  });
});

describe('helpers', () => {
  it('derives slugs the tenants table accepts', () => {
    expect(slugFromName('Hopper & Söhne GmbH')).toBe('hopper-sohne-gmbh');
    expect(slugFromName('  --ACME--  ')).toBe('acme');
    expect(slugFromName('日本')).toBe('tenant');
    expect(slugFromName('a'.repeat(100))).toHaveLength(40);
    expect(withRandomSuffix('acme', () => 'abc123')).toBe('acme-abc123');
    expect(withRandomSuffix('acme')).toMatch(/^acme-[a-z0-9]{6}$/);
  });

  it('computes RFC 6238 TOTP codes (the RFC’s SHA-1 test vector, 6 digits)', () => {
    // Secret "12345678901234567890" in base32; the RFC lists 94287082 (8 digits) at T = 59 s.
    expect(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 59_000)).toBe('287082');
  });
});
