import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprintOf } from './web-build';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'web-fingerprint-'));
  await mkdir(path.join(root, 'src', 'lib', 'api'), { recursive: true });
  await writeFile(path.join(root, 'src', 'app.html'), '<html></html>');
  await writeFile(path.join(root, 'src', 'lib', 'api', 'schema.d.ts'), 'export interface paths {}');
  await writeFile(path.join(root, 'package.json'), '{}');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the web build fingerprint (npm run dev rebuilds web/ only when it changes)', () => {
  it('is stable while nothing changes', async () => {
    expect(await fingerprintOf(root)).toBe(await fingerprintOf(root));
  });

  it('changes when a source file is edited or added', async () => {
    const before = await fingerprintOf(root);
    await writeFile(path.join(root, 'src', 'app.html'), '<html lang="en"></html>');
    const edited = await fingerprintOf(root);
    await writeFile(path.join(root, 'src', 'new.ts'), 'export {};');
    const added = await fingerprintOf(root);

    expect(edited).not.toBe(before);
    expect(added).not.toBe(edited);
  });

  it('ignores the generated API types and what is not an input (build output)', async () => {
    const before = await fingerprintOf(root);

    await writeFile(path.join(root, 'src', 'lib', 'api', 'schema.d.ts'), 'export interface paths { a: 1 }');
    await mkdir(path.join(root, 'build'));
    await writeFile(path.join(root, 'build', 'index.html'), 'x');

    expect(await fingerprintOf(root)).toBe(before);
  });

  it('sees a touched input even when its content is the same', async () => {
    const before = await fingerprintOf(root);

    await utimes(path.join(root, 'package.json'), new Date(1_000_000), new Date(1_000_000));

    expect(await fingerprintOf(root)).not.toBe(before);
  });
});
