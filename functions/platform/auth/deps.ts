import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { RevocationStore } from '@halooid/shared/auth/revocations';
import type { AccessTokenVerifier } from '@halooid/shared/auth/token-verifier';
import type { Keyring } from '@halooid/shared/crypto/keyring';
import type { TenantScope, Tx } from '@halooid/shared/db/transaction';
import type { AbuseDeps } from './abuse-limits';

/**
 * Everything the auth use cases need, built once in handler.ts. Each use case
 * asks only for the part it uses, so tests pass real or fake pieces.
 */
export interface AuthDeps extends AbuseDeps {
  cognito: CognitoIdentityProviderClient;
  clientId: string;
  userPoolId: string;
  verifier: AccessTokenVerifier;
  transaction: <T>(scope: TenantScope, work: (tx: Tx) => Promise<T>) => Promise<T>;
  /**
   * Whether logout also calls GlobalSignOut with the access token. True in
   * AWS; false against cognito-local, which lacks that API (RevokeToken of the
   * refresh token is what makes it stop working in both).
   */
  globalSignOut: boolean;
  /** Server-side revocation of access tokens, which the authorizer checks on every decision. */
  revocations: Pick<RevocationStore, 'read' | 'revokeUser' | 'revokeSession'>;
  /** The data keys that seal the MFA enrolment ticket (complete-sign-in.ts). */
  keyring: () => Promise<Keyring>;
  now?: () => Date;
}

/**
 * Who is asking: the client's address (per-IP limits, sign-in records), its
 * User-Agent and, behind CloudFront, its country (CloudFront-Viewer-Country).
 */
export interface Caller {
  ip: string;
  userAgent?: string | undefined;
  country?: string | undefined;
}
