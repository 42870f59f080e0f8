import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { keyringOf, randomDataKey } from '@halooid/shared/crypto/keyring';
import type { Tx } from '@halooid/shared/db/transaction';
import { AppError } from '@halooid/shared/errors';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { issueTokens } from './complete-sign-in';
import type { AuthDeps } from './deps';
import { openTicket, sealTicket } from './mfa-enrolment-ticket';
import { refreshSession } from './refresh-session';

const cognitoMock = mockClient(CognitoIdentityProviderClient);
afterEach(() => cognitoMock.reset());

const SUB = '0f8fad5b-d9cb-469f-a165-70867728950e';
const NOW = new Date('2026-12-06T12:00:00Z');
const KEYRING = keyringOf([randomDataKey()]);
const caller = { ip: '203.0.113.7', userAgent: 'curl/8.5.0' };
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

/** A transaction whose queries answer from `answers` (first key contained in the SQL wins) and are recorded. */
function fakeDeps(
  answers: Record<string, unknown[]>,
  revocation: { notBefore?: number; sessionRevoked?: boolean } = {},
) {
  const queries: { text: string; values: readonly unknown[] }[] = [];
  const tx: Tx = {
    query: (async (text: string, values: readonly unknown[] = []) => {
      queries.push({ text, values });
      const key = Object.keys(answers).find((part) => text.includes(part));
      const rows = key ? (answers[key] ?? []) : [];
      return { rows, rowCount: rows.length };
    }) as unknown as Tx['query'],
  };
  const deps = {
    cognito: new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
    clientId: 'client',
    verifier: {
      verify: async (token: string) => ({
        sub: SUB,
        username: SUB,
        clientId: 'client',
        issuedAt: 1,
        expiresAt: 2,
        sessionId: `jti-of-${token}`,
      }),
    },
    transaction: (async (_scope: unknown, work: (tx: Tx) => Promise<unknown>) =>
      work(tx)) as AuthDeps['transaction'],
    revocations: {
      read: async () => ({ sessionRevoked: revocation.sessionRevoked ?? false, ...revocation }),
      revokeUser: async () => 1,
      revokeSession: async () => {},
    },
    keyring: async () => KEYRING,
    now: () => NOW,
  } satisfies Partial<AuthDeps>;
  return { deps, queries };
}

const sessionRow = (overrides: Record<string, unknown> = {}) => ({
  id: 'session-1',
  user_id: SUB,
  access_session_id: 'jti-1',
  created_at: hoursAgo(2),
  last_seen_at: hoursAgo(0.1),
  ended_at: null,
  ...overrides,
});

const policyRow = (policy: unknown, roleKeys: string[] = []) => ({
  tenant_id: 't',
  policy,
  role_keys: roleKeys,
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('refresh', () => {
  it('refreshes an open session within its limits and records the new access token and address', async () => {
    cognitoMock
      .on(InitiateAuthCommand)
      .resolves({ AuthenticationResult: { AccessToken: 'a2', ExpiresIn: 900 } });
    const { deps, queries } = fakeDeps({ session_for_refresh: [sessionRow()] });

    await expect(refreshSession('r1', caller, deps)).resolves.toEqual({ accessToken: 'a2', expiresIn: 900 });
    const touch = queries.find((q) => q.text.includes('update platform.sessions'));
    expect(touch?.values).toEqual(['session-1', 'jti-of-a2', caller.ip, null]);
  });

  it.each([
    ['an ended session', { session_for_refresh: [sessionRow({ ended_at: hoursAgo(1) })] }, {}, 'ended'],
    [
      'a sign-out everywhere after the sign-in',
      { session_for_refresh: [sessionRow()] },
      { notBefore: hoursAgo(1).getTime() / 1000 },
      'revoked',
    ],
    [
      'a signed-out session id',
      { session_for_refresh: [sessionRow()] },
      { sessionRevoked: true },
      'signed_out',
    ],
    [
      'a session past the strictest lifetime',
      {
        session_for_refresh: [sessionRow()],
        my_security_policies: [policyRow({ sessions: { lifetimeHours: 1 } })],
      },
      {},
      'lifetime_exceeded',
    ],
    [
      'a session idle past the timeout',
      {
        session_for_refresh: [sessionRow({ last_seen_at: hoursAgo(1) })],
        my_security_policies: [policyRow({ sessions: { idleTimeoutMinutes: 30 } })],
      },
      {},
      'idle_timeout',
    ],
  ])(
    'refuses %s with 401 and a refresh_refused event, before asking Cognito',
    async (_name, answers, revocation, reason) => {
      const { deps, queries } = fakeDeps(answers, revocation);

      const error = await refusal(refreshSession('r1', caller, deps));

      expect(error.status).toBe(401);
      expect(cognitoMock.commandCalls(InitiateAuthCommand)).toHaveLength(0);
      const event = queries.find((q) => q.text.includes('record_sign_in_event'));
      expect(event?.values.slice(6)).toEqual(['refresh_refused', reason]);
      const ended = queries.some((q) => q.text.includes('end_sessions'));
      expect(ended).toBe(reason !== 'ended');
    },
  );

  it('counts an idle timeout shorter than the access-token lifetime as that lifetime', async () => {
    cognitoMock.on(InitiateAuthCommand).resolves({ AuthenticationResult: { AccessToken: 'a2' } });
    const { deps } = fakeDeps({
      session_for_refresh: [sessionRow({ last_seen_at: new Date(NOW.getTime() - 14 * 60_000) })],
      my_security_policies: [policyRow({ sessions: { idleTimeoutMinutes: 5 } })],
    });

    await expect(refreshSession('r1', caller, deps)).resolves.toMatchObject({ accessToken: 'a2' });
  });

  it('refuses an unknown refresh token without asking Cognito', async () => {
    const { deps } = fakeDeps({});
    expect((await refusal(refreshSession('made-up', caller, deps))).status).toBe(401);
    expect(cognitoMock.commandCalls(InitiateAuthCommand)).toHaveLength(0);
  });
});

describe('sign-in gates', () => {
  const tokens = { accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 };
  const user = (overrides: Record<string, unknown> = {}) => ({
    mfa_enabled: false,
    password_set_at: hoursAgo(24),
    password_reset_required: false,
    ...overrides,
  });

  it('holds the tokens back behind MFA_SETUP when a workspace requires MFA for one of the user’s roles', async () => {
    const { deps, queries } = fakeDeps({
      'from platform.users': [user()],
      my_security_policies: [policyRow({ mfa: { required: 'roles', roleKeys: ['admin'] } }, ['admin'])],
    });

    const outcome = await issueTokens(tokens, { email: 'Ada@Acme.example', caller }, deps);

    expect(outcome).toEqual({
      kind: 'challenge',
      challenge: 'MFA_SETUP',
      session: expect.stringMatching(/^v1:/),
    });
    if (outcome.kind !== 'challenge') throw new Error('no challenge');
    expect(openTicket(KEYRING, outcome.session, 'ada@acme.example', NOW.getTime())).toEqual({
      accessToken: 'a1',
      refreshToken: 'r1',
      userId: SUB,
      email: 'ada@acme.example',
    });
    expect(queries.some((q) => q.text.includes('insert into platform.sessions'))).toBe(false);
    const event = queries.find((q) => q.text.includes('record_sign_in_event'));
    expect(event?.values[6]).toBe('mfa_setup_required');
  });

  it('lets an enrolled user, or one whose roles the policy does not name, through with a session row', async () => {
    for (const [facts, roles] of [
      [user({ mfa_enabled: true }), ['admin']],
      [user(), ['member']],
    ] as const) {
      const { deps, queries } = fakeDeps({
        'from platform.users': [facts],
        my_security_policies: [policyRow({ mfa: { required: 'roles', roleKeys: ['admin'] } }, [...roles])],
      });
      await expect(issueTokens(tokens, { email: 'ada@acme.example', caller }, deps)).resolves.toMatchObject({
        kind: 'tokens',
      });
      const session = queries.find((q) => q.text.includes('insert into platform.sessions'));
      expect(session?.values.slice(1)).toEqual([
        SUB,
        expect.any(String),
        'jti-of-a1',
        'curl/8.5.0',
        'curl',
        caller.ip,
        null,
      ]);
    }
  });

  it('refuses an expired password with 403 password_expired and records the failure', async () => {
    const { deps, queries } = fakeDeps({
      'from platform.users': [user({ password_set_at: hoursAgo(24 * 40) })],
      my_security_policies: [policyRow({ password: { maxAgeDays: 30 } })],
    });

    const error = await refusal(issueTokens(tokens, { email: 'ada@acme.example', caller }, deps));

    expect([error.status, error.code]).toEqual([403, 'password_expired']);
    const event = queries.find((q) => q.text.includes('record_sign_in_event'));
    expect(event?.values.slice(6)).toEqual(['failure', 'password_expired']);
  });

  it('refuses a ticket that expired, was altered or names another email', () => {
    const ticket = sealTicket(KEYRING, { ...tokens, userId: SUB, email: 'ada@acme.example' }, NOW.getTime());
    expect(() => openTicket(KEYRING, ticket, 'ada@acme.example', NOW.getTime() + 601_000)).toThrow(/expired/);
    expect(() => openTicket(KEYRING, ticket, 'eve@acme.example', NOW.getTime())).toThrow(/expired/);
    expect(() =>
      openTicket(KEYRING, `${ticket.slice(0, -4)}AAAA`, 'ada@acme.example', NOW.getTime()),
    ).toThrow(/expired/);
    expect(() => openTicket(KEYRING, '{"accessToken":"x"}', 'ada@acme.example', NOW.getTime())).toThrow(
      /expired/,
    );
  });
});
