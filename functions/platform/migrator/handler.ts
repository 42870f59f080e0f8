import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { getConfig } from '@halooid/shared/config';
import { discoverMigrations, type MigrationResult, migrate } from '@halooid/shared/db/migrate';
import { createLogger } from '@halooid/shared/observability';
import pg from 'pg';
import { type MigratorEnv, migratorEnv, parseMasterSecret } from './settings';

/**
 * Runs on every deploy (a CDK trigger in the data stack, before the API
 * stack updates): reads the Aurora master secret, connects to the writer
 * over verified TLS and applies functions/<product>/migrations/*.sql, which
 * the bundle carries beside this file in ./migrations. A failure fails the
 * deploy, so API functions never run against a schema they do not expect.
 */
const logger = createLogger('platform-migrator');
const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
let secrets: SecretsManagerClient | undefined;

export async function handler(): Promise<MigrationResult> {
  const env = migratorEnv(getConfig());
  secrets ??= new SecretsManagerClient({ region: env.AWS_REGION });
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: env.DB_SECRET_ARN }));
  const result = await runMigrations(env, parseMasterSecret(SecretString), MIGRATIONS_DIR);
  logger.info('Migrations done', { applied: result.applied, alreadyApplied: result.alreadyApplied });
  return result;
}

export async function runMigrations(
  env: MigratorEnv,
  secret: { username: string; password: string; host?: string; port?: number },
  migrationsDir: string,
): Promise<MigrationResult> {
  const migrations = await discoverMigrations(migrationsDir);
  if (migrations.length === 0)
    throw new Error(`No migrations found in ${migrationsDir}: the bundle is incomplete`);
  const client = new pg.Client({
    host: env.DB_HOST ?? secret.host,
    port: env.DB_PORT ?? secret.port ?? 5432,
    database: env.DB_NAME,
    user: secret.username,
    password: secret.password,
    // Aurora enforces TLS (rds.force_ssl); the RDS CAs come from NODE_EXTRA_CA_CERTS.
    ssl: env.DB_SSL ? { rejectUnauthorized: true } : false,
    connectionTimeoutMillis: 30_000,
    application_name: 'halooid-migrator',
  });
  await client.connect();
  try {
    return await migrate(client, migrations);
  } finally {
    await client.end();
  }
}
