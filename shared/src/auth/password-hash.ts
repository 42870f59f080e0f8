import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt hashes for the password history (reuse rule). Cognito keeps the
 * password itself; these only answer "was this one used before". Stored as
 * `scrypt$N$r$p$<salt b64url>$<hash b64url>` so the cost can rise later
 * without breaking old rows.
 */
const COST = { N: 16384, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_BYTES,
      { ...options, maxmem: 64 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether the password matches the stored hash; a malformed hash matches nothing. */
export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !keyText || rest.length > 0) return false;
  const expected = Buffer.from(keyText, 'base64url');
  if (expected.length !== KEY_BYTES) return false;
  try {
    const key = await derive(password, Buffer.from(saltText, 'base64url'), {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    });
    return timingSafeEqual(key, expected);
  } catch {
    return false;
  }
}

/** Whether the password is any of the stored hashes (checked one by one; the list is at most 24). */
export async function matchesAny(password: string, hashes: readonly string[]): Promise<boolean> {
  for (const hash of hashes) {
    if (await passwordMatches(password, hash)) return true;
  }
  return false;
}
