import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from './handler';

/**
 * The migrator against a real Postgres, reading migrations laid out exactly
 * as the CDK bundling hook lays them beside the handler
 * (migrations/<product>/migrations/NNNN_name.sql).
 */
const FUNCTIONS = path.resolve(import.meta.dirname, '..', '..');
let platform: TestPlatform;
let bundleDir: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  bundleDir = mkdtempSync(path.join(tmpdir(), 'halooid-migrator-'));
  for (const product of readdirSync(FUNCTIONS, { withFileTypes: true })) {
    const source = path.join(FUNCTIONS, product.name, 'migrations');
    if (!product.isDirectory()) continue;
    try {
      cpSync(source, path.join(bundleDir, product.name, 'migrations'), { recursive: true });
    } catch {
      // products without migrations
    }
  }
});

afterAll(async () => {
  await platform?.stop();
});

describe('migrator', () => {
  it('connects with the secret and finds every bundled migration already applied by the platform', async () => {
    const url = new URL(platform.databaseUrl);
    const result = await runMigrations(
      {
        AWS_REGION: 'us-east-1',
        DB_SECRET_ARN: 'unused',
        DB_HOST: url.hostname,
        DB_PORT: Number(url.port),
        DB_NAME: url.pathname.slice(1),
        DB_SSL: false,
      },
      { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) },
      bundleDir,
    );
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBeGreaterThanOrEqual(2);
  });

  it('refuses an empty bundle rather than reporting success', async () => {
    await expect(
      runMigrations(
        { AWS_REGION: 'us-east-1', DB_SECRET_ARN: 'x', DB_NAME: 'halooid', DB_SSL: false },
        { username: 'u', password: 'p' },
        mkdtempSync(path.join(tmpdir(), 'halooid-empty-')),
      ),
    ).rejects.toThrow(/No migrations found/);
  });
});
