import { getCognitoClient } from '@halooid/shared/auth/cognito-client';
import { dynamoRevocationStore } from '@halooid/shared/auth/revocations';
import { createAccessTokenVerifier } from '@halooid/shared/auth/token-verifier';
import { getCache } from '@halooid/shared/cache/get-cache';
import { getConfig, requireKeys } from '@halooid/shared/config';
import { dataKeyring } from '@halooid/shared/crypto/data-keys';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { UnauthorizedError } from '@halooid/shared/errors';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { ABUSE_LIMITS } from './abuse-limits';
import { changePassword } from './change-password';
import { confirmSignUp } from './confirm-sign-up';
import type { AuthDeps, Caller } from './deps';
import { forgotPassword } from './forgot-password';
import { logOut } from './log-out';
import { login } from './login';
import { startMfaEnrolment } from './mfa-enrolment';
import { refreshSession } from './refresh-session';
import { resetPassword } from './reset-password';
import { respondToChallenge } from './respond-to-challenge';
import { authService } from './service';
import { setUpTotp } from './set-up-totp';
import { signUp } from './sign-up';
import { verifyTotp } from './verify-totp';
import {
  bearerToken,
  clearedRefreshCookie,
  isWebClient,
  refreshCookie,
  refreshTokenOf,
  signInResult,
} from './web-session';

const config = requireKeys(getConfig(), ['COGNITO_CLIENT_ID', 'COGNITO_USER_POOL_ID']);
const deps: AuthDeps = {
  // A getter: the Cognito SDK loads with the first use case that calls it, not at import (cold start).
  get cognito() {
    return getCognitoClient();
  },
  clientId: config.COGNITO_CLIENT_ID,
  userPoolId: config.COGNITO_USER_POOL_ID,
  verifier: createAccessTokenVerifier(config),
  transaction: withTenantTransaction,
  cache: getCache(),
  limits: ABUSE_LIMITS,
  globalSignOut: !config.COGNITO_ENDPOINT,
  revocations: dynamoRevocationStore(),
  keyring: dataKeyring,
};
/** See sign-up.ts: both answers take at least this long. */
const SIGN_UP_MIN_DURATION_MS = 300;

/**
 * The client as sign-in records see it. The country comes from CloudFront
 * (CloudFront-Viewer-Country), present only behind the web distribution.
 */
function callerOf(sourceIp: string, headers: Record<string, string>): Caller {
  const country = headers['cloudfront-viewer-country']?.trim().toUpperCase();
  return {
    ip: sourceIp,
    userAgent: headers['user-agent']?.slice(0, 512),
    ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}),
  };
}

/** The signed-in user of an AUTHENTICATED route and the access token Cognito's user APIs need. */
function signedInUser(principal: { principalId: string }, headers: Record<string, string>) {
  const accessToken = bearerToken(headers);
  if (!accessToken) throw new UnauthorizedError('Send Authorization: Bearer <access token>.');
  return { id: principal.principalId, accessToken };
}

export const handler = createHttpHandler(authService, {
  signUp: async ({ body, sourceIp }) => ({
    body: await signUp(body, { ip: sourceIp }, { ...deps, minDurationMs: SIGN_UP_MIN_DURATION_MS }),
  }),
  confirmSignUp: async ({ body, sourceIp }) => ({ body: await confirmSignUp(body, { ip: sourceIp }, deps) }),
  login: async ({ body, headers, sourceIp }) =>
    signInResult(await login(body, callerOf(sourceIp, headers), deps), headers),
  respondToChallenge: async ({ body, headers, sourceIp }) =>
    signInResult(await respondToChallenge(body, callerOf(sourceIp, headers), deps), headers),
  startMfaEnrolment: async ({ body, headers, sourceIp }) => ({
    body: await startMfaEnrolment(body, callerOf(sourceIp, headers), deps),
  }),
  refreshSession: async ({ body, headers, sourceIp }) => {
    const { refreshToken, ...session } = await refreshSession(
      refreshTokenOf(headers, body),
      callerOf(sourceIp, headers),
      deps,
    );
    if (!refreshToken) return { body: session };
    return isWebClient(headers)
      ? { body: session, cookies: [refreshCookie(refreshToken)] }
      : { body: { ...session, refreshToken } };
  },
  logout: async ({ body, headers, logger }) => {
    await logOut(
      {
        refreshToken: refreshTokenOf(headers, body),
        accessToken: bearerToken(headers),
        everywhere: body?.everywhere === true,
      },
      deps,
      logger,
    );
    return { body: undefined, cookies: [clearedRefreshCookie()] };
  },
  forgotPassword: async ({ body, sourceIp, logger }) => ({
    body: await forgotPassword(body, { ip: sourceIp }, deps, logger),
  }),
  resetPassword: async ({ body, sourceIp }) => {
    await resetPassword(body, { ip: sourceIp }, deps);
    return { body: undefined };
  },
  changePassword: async ({ body, principal, headers, sourceIp }) => {
    await changePassword(body, signedInUser(principal, headers), { ip: sourceIp }, deps);
    return { body: undefined };
  },
  setUpTotp: async ({ principal, headers, sourceIp }) => ({
    body: await setUpTotp(signedInUser(principal, headers), { ip: sourceIp }, deps),
  }),
  verifyTotp: async ({ body, principal, headers, sourceIp }) => ({
    body: await verifyTotp(body, signedInUser(principal, headers), { ip: sourceIp }, deps),
  }),
});
