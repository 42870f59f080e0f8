import { randomUUID } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatKeyring, parseKeyring, randomDataKey } from '@halooid/shared/crypto/keyring';

export const ENCRYPTION_KEY_FILE = 'encryption-key';

/**
 * The local runtime's `DATA_ENCRYPTION_KEYS`: generated once and kept in the
 * data dir (`<dataDir>/encryption-key`, mode 0600, the same `id:base64key,…`
 * format, so a key can be rotated locally by putting a new one first), since
 * the rows it sealed live there too and must open after a restart. An
 * ephemeral database gets a fresh key that is never written down.
 */
export async function localEncryptionKeys(dataDir: string, options: { ephemeral: boolean }): Promise<string> {
  if (options.ephemeral) return formatKeyring([randomDataKey()]);
  const file = path.join(dataDir, ENCRYPTION_KEY_FILE);
  let existing: string | undefined;
  try {
    existing = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (existing !== undefined) {
    try {
      parseKeyring(existing);
    } catch (error) {
      // Never replace it: rows sealed with the old key would stop opening.
      throw new Error(`${file} is not a valid key list (${(error as Error).message}); fix or remove it`);
    }
    return existing;
  }
  const created = formatKeyring([randomDataKey()]);
  // Written whole to a private temporary file, then linked into place: link fails
  // with EEXIST when another runtime on the same fresh data dir won, and nobody
  // can read a half-written key file.
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, `${created}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return localEncryptionKeys(dataDir, options);
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  return created;
}
