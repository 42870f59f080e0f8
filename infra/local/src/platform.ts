import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { settleKeyUses } from '@halooid/functions/platform/domain/verify-api-key';
import { PRODUCTS, SERVICES } from '@halooid/functions/registry';
import { getCognitoClient, resetCognitoClient } from '@halooid/shared/auth/cognito-client';
import { closeCache } from '@halooid/shared/cache/get-cache';
import { resetConfig } from '@halooid/shared/config';
import { discoverMigrations, type MigrationResult, migrate } from '@halooid/shared/db/migrate';
import { closePool, getPool } from '@halooid/shared/db/pool';
import { withSystemTransaction } from '@halooid/shared/db/transaction';
import { getDynamoClient, resetDynamoClient } from '@halooid/shared/dynamodb';
import { eventName } from '@halooid/shared/events/envelope';
import { setMailer } from '@halooid/shared/mail';
import { serviceName } from '@halooid/shared/manifest';
import { registerLocalDeadLetters } from '@halooid/shared/metrics/local-dead-letters';
import { resetObjectStore } from '@halooid/shared/storage/s3-object-store';
import { flushUsage } from '@halooid/shared/usage/recorder';
import { startCognitoLocal } from './cognito-local';
import { ensureUserPool } from './cognito-pool';
import { ensureDemoOperator } from './demo-operator';
import { DnsRecords } from './dns-records';
import { type LocalDns, startLocalDns } from './dns-server';
import { startDynalite } from './dynalite';
import { ensureLocalTables } from './dynamo-tables';
import { localEncryptionKeys } from './encryption-key';
import { type LocalEvents, type LocalEventsOptions, startLocalEvents } from './events/local-events';
import { type LocalJobs, startLocalJobs } from './events/local-jobs';
import { type AuthorizerHandler, type ProxyHandler, type RunningGateway, startGateway } from './gateway';
import { localPages } from './local-pages';
import { Mailbox } from './mailbox';
import { startEmbeddedPostgres } from './pglite-server';
import { REPO_ROOT } from './repo-root';
import { RouteTable } from './route-table';
import { startS3Local } from './s3-local';
import { seedDemoData } from './seed';
import { UsagePlans } from './usage-plans';

export interface LocalPlatformOptions {
  /** Where PGlite, cognito-local and dynalite keep data; required for persistence. */
  dataDir: string;
  /** Keep Postgres in memory even with a data dir (tests). */
  ephemeralDatabase?: boolean;
  port: number;
  databaseUrl?: string;
  dynamodbEndpoint?: string;
  redisUrl?: string;
  /** Namespace for cache keys in Redis (tests use one per run so rate limits never leak between them). */
  cachePrefix?: string;
  seed: boolean;
  /** The products whose demo data the seed writes (their product keys); every product's when absent. */
  demoProducts?: readonly string[];
  demoPassword: string;
  /** Powertools log level for the functions: DEBUG, INFO, WARN, ERROR, SILENT. */
  logLevel: string;
  /** Progress lines while starting (npm run dev prints them). */
  onProgress?: (message: string) => void;
  /** Local bus retries, and scheduled jobs' timing and settings (tests make them fast). */
  events?: LocalEventsOptions;
}

export interface LocalPlatform {
  url: string;
  databaseUrl: string;
  embeddedDatabase: boolean;
  mailbox: Mailbox;
  /** The DNS stand-in for domain verification; `dns.records.setTxt` (or the data dir's dns-records.json) sets TXT records. */
  dns: LocalDns;
  migrations: MigrationResult;
  seeded: string[];
  /** The demo operator and its TOTP secret (local dev only), when the demo data was seeded. */
  demoOperator?: { email: string; totpSecret: string };
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  clientId: string;
  /** The local event bus. */
  events: LocalEvents;
  /** Every product's scheduled jobs (the outbox relay, the webhook worker, due-soon, …) on timers. */
  jobs: LocalJobs;
  stop(): Promise<void>;
}

/**
 * Everything the cloud has, on one machine: Postgres (PGlite unless a
 * DATABASE_URL is given), Cognito (cognito-local), DynamoDB (dynalite), the
 * cache (in-process unless REDIS_URL), and a gateway running the real
 * authorizer and function handlers from the manifests. Same code paths as in
 * AWS; only endpoints differ.
 */
export async function startLocalPlatform(options: LocalPlatformOptions): Promise<LocalPlatform> {
  const progress = options.onProgress ?? (() => {});
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    stops.length = 0;
  };
  try {
    await mkdir(options.dataDir, { recursive: true });
    const mailbox = new Mailbox();
    // The platform's own email (security alerts) lands in the developer mailbox too.
    setMailer({
      send: async (message) =>
        mailbox.deliver({ to: message.to, subject: message.subject, body: message.text }),
    });
    stops.push(async () => setMailer(undefined));

    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      progress('starting embedded Postgres (PGlite)');
      const postgres = await startEmbeddedPostgres({
        dataDir: options.ephemeralDatabase ? undefined : path.join(options.dataDir, 'postgres'),
      });
      stops.push(postgres.stop);
      databaseUrl = postgres.url;
    }

    progress('starting Cognito (cognito-local) and DynamoDB (dynalite)');
    const cognitoLocal = await startCognitoLocal({ dataDir: options.dataDir, mailbox });
    stops.push(cognitoLocal.stop);
    let dynamodbEndpoint = options.dynamodbEndpoint;
    if (!dynamodbEndpoint) {
      const dynamo = await startDynalite({
        dataDir: options.ephemeralDatabase ? undefined : options.dataDir,
      });
      stops.push(dynamo.stop);
      dynamodbEndpoint = dynamo.endpoint;
    }
    // S3 (tenants' files, exports): in this process, its objects under the data dir.
    const s3 = await startS3Local({ dataDir: options.dataDir });
    stops.push(s3.stop);

    const dns = await startLocalDns(new DnsRecords(options.dataDir));
    stops.push(dns.stop);

    Object.assign(process.env, {
      STAGE: process.env.STAGE || 'local',
      DATABASE_URL: databaseUrl,
      DB_POOL_MAX: '10',
      // The URL's user owns the database; transactions take on the AWS logins (shared/src/db/logins.ts).
      DB_LOGIN_MODE: 'assume',
      DYNAMODB_ENDPOINT: dynamodbEndpoint,
      COGNITO_ENDPOINT: cognitoLocal.endpoint,
      DNS_SERVERS: dns.address,
      S3_ENDPOINT: s3.endpoint,
      FILES_BUCKET: s3.bucket,
      REDIS_URL: options.redisUrl ?? '',
      CACHE_PREFIX: options.cachePrefix ?? process.env.CACHE_PREFIX ?? '',
      POWERTOOLS_LOG_LEVEL: options.logLevel,
      POWERTOOLS_METRICS_DISABLED: 'true',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      DATA_ENCRYPTION_KEYS: await localEncryptionKeys(options.dataDir, {
        ephemeral: options.ephemeralDatabase === true,
      }),
    });
    resetConfig();
    const cognito = getCognitoClient();
    const { userPoolId, clientId } = await ensureUserPool(cognito, options.dataDir);
    Object.assign(process.env, { COGNITO_USER_POOL_ID: userPoolId, COGNITO_CLIENT_ID: clientId });
    resetConfig();
    stops.push(async () => {
      await closePool();
      await closeCache();
      resetCognitoClient();
      resetDynamoClient();
      resetObjectStore();
    });

    await ensureLocalTables(getDynamoClient());

    progress('migrating');
    const client = await getPool().connect();
    const migrations = await migrate(
      client,
      await discoverMigrations(path.join(REPO_ROOT, 'functions')),
    ).finally(() => client.release());

    let seeded: string[] = [];
    let demoOperator: LocalPlatform['demoOperator'];
    if (options.seed) {
      progress('seeding demo data');
      seeded = (
        await seedDemoData(
          {
            cognito,
            userPoolId,
            password: options.demoPassword,
            systemTransaction: withSystemTransaction,
          },
          options.demoProducts
            ? PRODUCTS.filter((product) => options.demoProducts?.includes(product.key))
            : PRODUCTS,
        )
      ).created;
      demoOperator = await ensureDemoOperator({
        cognito,
        userPoolId,
        clientId,
        password: options.demoPassword,
        dataDir: options.dataDir,
        systemTransaction: withSystemTransaction,
      });
    }

    progress('loading functions');
    const handlers = new Map<string, ProxyHandler>();
    for (const service of SERVICES) {
      const name = serviceName(service);
      const module = (await import(
        `@halooid/functions/${service.product}/${service.capability}/handler`
      )) as {
        handler: ProxyHandler;
      };
      handlers.set(name, module.handler);
    }
    const authorizer = (
      (await import('@halooid/functions/platform/authorizer/handler')) as { handler: AuthorizerHandler }
    ).handler;

    progress('starting the event bus and the scheduled jobs');
    const events = await startLocalEvents(SERVICES, { bus: options.events?.bus });
    stops.push(events.stop);
    // The bus's dead letters, for the usage page and the operator's health (AWS: SQS).
    registerLocalDeadLetters({
      list: () =>
        events.bus.deadLetters().map((letter) => ({
          id: letter.id,
          rule: letter.rule,
          tenantId: letter.event.tenantId,
          eventId: letter.event.id,
          eventType: eventName(letter.event),
          attempts: letter.attempts,
          error: letter.error,
          deadAt: letter.deadAt,
        })),
      redrive: (id) => events.bus.redrive(id),
    });
    stops.push(async () => registerLocalDeadLetters(undefined));
    const jobs = await startLocalJobs(PRODUCTS, events.bus, options.events?.jobs);
    stops.push(jobs.stop);

    const gateway: RunningGateway = await startGateway({
      routes: new RouteTable(SERVICES),
      handlers,
      authorizer,
      usagePlans: new UsagePlans(),
      fallback: localPages({
        mailbox,
        bus: events.bus,
        webRoot: path.join(REPO_ROOT, 'web', 'build'),
        demoPassword: options.demoPassword,
      }),
      port: options.port,
    });
    stops.push(async () => {
      await gateway.close();
      // API-key last-used writes run off the request's path: let them land before DynamoDB stops.
      await settleKeyUses();
      // Request usage counted in memory is written before the database stops (shared/src/usage).
      await flushUsage();
    });

    return {
      url: gateway.url,
      databaseUrl,
      embeddedDatabase: !options.databaseUrl,
      mailbox,
      dns,
      migrations,
      seeded,
      demoOperator,
      cognito,
      userPoolId,
      clientId,
      events,
      jobs,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
