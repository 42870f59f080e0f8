import { JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { Config } from '../config';
import { requireKeys } from '../config';

export interface VerifiedAccessToken {
  /** Cognito `sub`: the platform user id. */
  sub: string;
  username: string;
  clientId: string;
  /** `iat`, epoch seconds: compared with the user's not-before (revocations.ts). */
  issuedAt: number;
  expiresAt: number;
  /**
   * The sign-in session the token belongs to: Cognito's `origin_jti`, shared by
   * every access token refreshed from one sign-in; cognito-local has no
   * `origin_jti`, so there it is the token's own `jti`.
   */
  sessionId: string;
  /** `cognito:groups`: the user pool groups the user was in at sign-in (`operators`: shared/src/operator.ts). */
  groups?: readonly string[];
}

export interface AccessTokenVerifier {
  verify(token: string): Promise<VerifiedAccessToken>;
}

/**
 * The issuer of the pool's tokens: Cognito's regional URL in AWS; the
 * endpoint plus pool id for cognito-local, which signs with its own address.
 */
export function cognitoIssuer(config: Config): string {
  const { COGNITO_USER_POOL_ID, AWS_REGION, COGNITO_ENDPOINT } = requireKeys(config, [
    'COGNITO_USER_POOL_ID',
  ]);
  if (config.COGNITO_ISSUER) return config.COGNITO_ISSUER;
  if (COGNITO_ENDPOINT) return `${COGNITO_ENDPOINT.replace(/\/$/, '')}/${COGNITO_USER_POOL_ID}`;
  return `https://cognito-idp.${AWS_REGION}.amazonaws.com/${COGNITO_USER_POOL_ID}`;
}

/**
 * Verifies Cognito access tokens: RS256 signature against the pool's JWKS
 * (fetched once, cached, refetched on an unknown `kid`), issuer, expiry,
 * `token_use = access` and our app client. `alg: none` and HS256 tokens fail
 * the signature check by construction.
 */
export function createAccessTokenVerifier(config: Config): AccessTokenVerifier {
  const { COGNITO_CLIENT_ID } = requireKeys(config, ['COGNITO_CLIENT_ID']);
  const issuer = cognitoIssuer(config);
  // aws-jwt-verify fetches over https only; cognito-local serves its JWKS over
  // plain http on localhost, so locally the platform's fetch does the request.
  const jwksCache = issuer.startsWith('http://')
    ? new SimpleJwksCache({ fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() } })
    : undefined;
  const verifier = JwtRsaVerifier.create(
    {
      issuer,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      audience: null,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access') throw new Error('Not an access token');
        if (payload.client_id !== COGNITO_CLIENT_ID) throw new Error('Token issued to another app client');
      },
    },
    jwksCache ? { jwksCache } : undefined,
  );
  return {
    async verify(token) {
      const payload = await verifier.verify(token);
      return {
        sub: String(payload.sub),
        username: String(payload.username ?? payload.sub),
        clientId: String(payload.client_id),
        issuedAt: Number(payload.iat),
        expiresAt: Number(payload.exp),
        sessionId: String(payload.origin_jti ?? payload.jti ?? ''),
        groups: groupsOf(payload['cognito:groups']),
      };
    },
  };
}

function groupsOf(claim: unknown): string[] {
  return Array.isArray(claim) ? claim.filter((group): group is string => typeof group === 'string') : [];
}
