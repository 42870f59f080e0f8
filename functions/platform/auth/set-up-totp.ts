import { cognitoSdk } from '@halooid/shared/auth/cognito-client';
import { guardAttempt } from './abuse-limits';
import { mapCommonCognitoError } from './cognito-errors';
import type { AuthDeps, Caller } from './deps';

export const TOTP_ISSUER = 'Halooid';

/**
 * Starts TOTP enrolment: Cognito generates the secret; the answer carries it
 * and the `otpauth://` URI authenticator apps read from a QR code. MFA is not
 * on until /verify proves the app produces the right codes.
 */
export async function setUpTotp(
  user: { id: string; accessToken: string },
  caller: Caller,
  deps: Pick<AuthDeps, 'cognito' | 'transaction' | 'cache' | 'limits'>,
): Promise<{ secretCode: string; otpauthUri: string }> {
  await guardAttempt('mfa', { ip: caller.ip, account: `user:${user.id}` }, deps);
  const label = (await emailOf(user.id, deps)) ?? user.id;
  return associateTotp(user.accessToken, label, deps);
}

/** A new TOTP secret for the user of the access token, and its `otpauth://` URI. */
export async function associateTotp(
  accessToken: string,
  label: string,
  deps: Pick<AuthDeps, 'cognito'>,
): Promise<{ secretCode: string; otpauthUri: string }> {
  let secretCode: string | undefined;
  try {
    ({ SecretCode: secretCode } = await deps.cognito.send(
      new (cognitoSdk().AssociateSoftwareTokenCommand)({ AccessToken: accessToken }),
    ));
  } catch (error) {
    throw mapCommonCognitoError(error);
  }
  if (!secretCode) throw new Error('Cognito returned no TOTP secret');
  return { secretCode, otpauthUri: otpauthUri(secretCode, label) };
}

export function otpauthUri(secret: string, account: string): string {
  const label = encodeURIComponent(`${TOTP_ISSUER}:${account}`);
  const params = new URLSearchParams({
    secret,
    issuer: TOTP_ISSUER,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

async function emailOf(userId: string, deps: Pick<AuthDeps, 'transaction'>): Promise<string | undefined> {
  return deps.transaction({ userId }, async (tx) => {
    const { rows } = await tx.query<{ email: string }>('select email from platform.users where id = $1', [
      userId,
    ]);
    return rows[0]?.email;
  });
}
