import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * Hand-made access tokens for the security tests: signed with cognito-local's
 * own key (to prove expiry and claims are checked, not just signatures), with
 * a stranger's key, or with no signature at all.
 */
const require = createRequire(import.meta.url);
const cognitoLocalKey = (require('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string }).pem;

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface TokenClaims {
  sub: string;
  iss: string;
  client_id: string;
  token_use?: string;
  exp?: number;
  iat?: number;
}

export function signToken(claims: TokenClaims, key: 'cognito-local' | KeyObject = 'cognito-local'): string {
  const now = Math.floor(Date.now() / 1000);
  const header = encode({ alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' });
  const payload = encode({ token_use: 'access', iat: now, exp: now + 3600, username: claims.sub, ...claims });
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${payload}`);
  const signature = signer.sign(key === 'cognito-local' ? cognitoLocalKey : key).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

export function unsignedToken(claims: TokenClaims): string {
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT', kid: 'CognitoLocal' })}.${encode({ token_use: 'access', exp: now + 3600, ...claims })}.`;
}

export function strangerKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

export function claimsOf(token: string): TokenClaims {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as TokenClaims;
}
