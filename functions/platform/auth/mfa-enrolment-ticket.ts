import type { Keyring } from '@halooid/shared/crypto/keyring';
import { open, seal } from '@halooid/shared/crypto/secret-box';
import { UnauthorizedError } from '@halooid/shared/errors';

/**
 * A sign-in held back until the user enrols in MFA (their workspace requires
 * it). The tokens Cognito issued are sealed (AES-GCM, the data keys) into
 * the `MFA_SETUP` challenge's session, so the client holds them without
 * being able to use them, and the server keeps no state. Only the enrolment
 * answers open it: /v1/auth/challenge/totp-setup and /v1/auth/challenge.
 * It lasts 10 minutes, well inside the access token's 15, which the
 * enrolment calls to Cognito need.
 */
export interface HeldSignIn {
  accessToken: string;
  refreshToken: string;
  userId: string;
  email: string;
}

export const TICKET_SECONDS = 600;
const CONTEXT = ['auth', 'mfa-enrolment'] as const;

export function sealTicket(keyring: Keyring, held: HeldSignIn, nowMs: number): string {
  const body = { ...held, until: Math.floor(nowMs / 1000) + TICKET_SECONDS };
  return seal(keyring, JSON.stringify(body), CONTEXT);
}

/** The held sign-in, if the ticket is authentic, unexpired and for this email; otherwise 401. */
export function openTicket(keyring: Keyring, ticket: string, email: string, nowMs: number): HeldSignIn {
  const expired = new UnauthorizedError('The sign-in session has expired; sign in again.');
  // open() passes unsealed text through (for values stored before sealing); a ticket is always sealed.
  if (!ticket.startsWith('v1:')) throw expired;
  let body: HeldSignIn & { until: number };
  try {
    body = JSON.parse(open(keyring, ticket, CONTEXT));
  } catch {
    throw expired;
  }
  if (body.until * 1000 < nowMs || body.email !== email.trim().toLowerCase()) {
    throw expired;
  }
  return {
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    userId: body.userId,
    email: body.email,
  };
}
