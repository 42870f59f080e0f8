import './quiet-sdk-warnings';
import path from 'node:path';
import { ConfigError, parseConfig } from '@halooid/shared/config';
import * as z from 'zod';
import { DEFAULT_DEMO_PASSWORD, DEMO_TENANTS } from './demo-data';
import { startLocalPlatform } from './platform';
import { REPO_ROOT } from './repo-root';
import { ensureWebBuild, type WebBuildResult } from './web-build';

/** `npm run dev`: the whole platform on this machine, with demo data. */
const localSettings = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HALOOID_DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.halooid')),
  HALOOID_DEMO_PASSWORD: z.string().min(12).default(DEFAULT_DEMO_PASSWORD),
  HALOOID_SEED: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('WARN'),
  /** `auto`: rebuild web/ when its sources changed; `never`: serve whatever web/build holds. */
  HALOOID_WEB_BUILD: z.enum(['auto', 'always', 'never']).default('auto'),
});

/** The port main() was asked for, once its settings parsed: the "in use" message names it. */
let port: number | undefined;

async function main(): Promise<void> {
  const started = performance.now();
  const env = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
  const shared = parseConfig(env); // fails early naming a bad DATABASE_URL, REDIS_URL, ...
  const local = localSettings.safeParse(env);
  if (!local.success) {
    throw new ConfigError(local.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const settings = local.data;
  port = settings.PORT;
  // The web build runs beside the platform's start-up (both take seconds).
  const webBuild: Promise<WebBuildResult> =
    settings.HALOOID_WEB_BUILD === 'never'
      ? Promise.resolve({ status: 'skipped' })
      : ensureWebBuild({ force: settings.HALOOID_WEB_BUILD === 'always' }).catch(
          (error: unknown): WebBuildResult => ({ status: 'failed', output: String(error) }),
        );
  const platform = await startLocalPlatform({
    dataDir: path.resolve(settings.HALOOID_DATA_DIR),
    port: settings.PORT,
    databaseUrl: shared.DATABASE_URL,
    dynamodbEndpoint: shared.DYNAMODB_ENDPOINT,
    redisUrl: shared.REDIS_URL,
    seed: settings.HALOOID_SEED === 'true',
    demoPassword: settings.HALOOID_DEMO_PASSWORD,
    logLevel: settings.LOG_LEVEL,
    onProgress: (message) => console.log(`  · ${message}`),
  });

  const web = await webBuild;
  if (web.status === 'failed') console.error(`  · the web app failed to build:\n${web.output ?? ''}`);
  else if (web.status === 'built') console.log(`  · built the web app in ${web.seconds} s`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const logins = DEMO_TENANTS.flatMap((tenant) =>
    tenant.users.map((user) => `    ${user.email.padEnd(24)} ${user.role.padEnd(7)} (${tenant.name})`),
  );
  console.log(
    [
      '',
      `Halooid is running at ${platform.url}  (ready in ${seconds} s)`,
      '',
      `  Web app      ${platform.url}/${web.status === 'failed' ? '   (build failed: see above)' : ''}`,
      `  API          ${platform.url}/v1   health: ${platform.url}/v1/health`,
      `  API docs     ${platform.url}/docs   OpenAPI: ${platform.url}/v1/openapi.json`,
      `  Mailbox      ${platform.url}/dev/mailbox`,
      `  Postgres     ${platform.databaseUrl}${platform.embeddedDatabase ? '  (embedded PGlite)' : ''}`,
      `  Data         ${settings.HALOOID_DATA_DIR}${platform.seeded.length ? `  (seeded: ${platform.seeded.join(', ')})` : ''}`,
      '',
      `  Demo logins (password ${settings.HALOOID_DEMO_PASSWORD}):`,
      ...logins,
      ...(platform.demoOperator
        ? [
            `    ${platform.demoOperator.email.padEnd(24)} operator (the /v1/operator console; MFA: TOTP secret ${platform.demoOperator.totpSecret}, local dev only)`,
          ]
        : []),
      '',
      '  Try:',
      `    curl -s ${platform.url}/v1/auth/login -H 'content-type: application/json' \\`,
      `      -d '{"email":"member@acme.example","password":"${settings.HALOOID_DEMO_PASSWORD}"}'`,
      '',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    const force = setTimeout(() => {
      console.error('Some part did not stop within 10 s; exiting anyway.');
      process.exit(1);
    }, 10_000);
    force.unref();
    await platform.stop();
    console.log('Stopped. Data is kept for the next start.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Port ${port ?? 3000} is in use. Stop the other process or set PORT=<free port>.`);
  } else console.error('Halooid failed to start:', error);
  process.exit(1);
});
