import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseKeyring } from '@halooid/shared/crypto/keyring';
import { afterEach, describe, expect, it } from 'vitest';
import { ENCRYPTION_KEY_FILE, localEncryptionKeys } from './encryption-key';

const dirs: string[] = [];
const dataDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'halooid-key-'));
  dirs.push(dir);
  return dir;
};

afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('the local data key', () => {
  it('is generated once into the data dir (owner-only) and read back on the next start', async () => {
    const dir = await dataDir();

    const first = await localEncryptionKeys(dir, { ephemeral: false });
    const second = await localEncryptionKeys(dir, { ephemeral: false });

    expect(parseKeyring(first).current.key).toHaveLength(32);
    expect(second).toBe(first);
    expect((await readFile(path.join(dir, ENCRYPTION_KEY_FILE), 'utf8')).trim()).toBe(first);
    expect((await stat(path.join(dir, ENCRYPTION_KEY_FILE))).mode & 0o777).toBe(0o600);
  });

  it('two starts racing on a fresh data dir agree on one key', async () => {
    const dir = await dataDir();

    const [a, b] = await Promise.all([
      localEncryptionKeys(dir, { ephemeral: false }),
      localEncryptionKeys(dir, { ephemeral: false }),
    ]);

    expect(a).toBe(b);
  });

  it('an ephemeral database gets a fresh key that is not written down', async () => {
    const dir = await dataDir();

    const a = await localEncryptionKeys(dir, { ephemeral: true });
    const b = await localEncryptionKeys(dir, { ephemeral: true });

    expect(a).not.toBe(b);
    await expect(stat(path.join(dir, ENCRYPTION_KEY_FILE))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a damaged key file instead of replacing it', async () => {
    const dir = await dataDir();
    await writeFile(path.join(dir, ENCRYPTION_KEY_FILE), 'k1:tooshort');

    await expect(localEncryptionKeys(dir, { ephemeral: false })).rejects.toThrow(
      /encryption-key is not a valid key list/,
    );
  });
});
