import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { RevocationStore } from '@halooid/shared/auth/revocations';
import type { AccessTokenVerifier } from '@halooid/shared/auth/token-verifier';
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
  revocations: Pick<RevocationStore, 'revokeUser' | 'revokeSession'>;
}

/** Who is asking: the client's address, for per-IP limits and logs. */
export interface Caller {
  ip: string;
}
