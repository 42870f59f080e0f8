import * as z from 'zod';
import { KeyringError, parseKeyring } from './crypto/keyring';

/**
 * Every environment variable the platform reads, validated once at cold
 * start. A bad value fails the start with a message naming the variable, never
 * a confusing error on the first request.
 */
const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((value) => protocols.some((p) => value.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

const configSchema = z.object({
  STAGE: z.enum(['local', 'test', 'dev', 'prod']).default('local'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** A full connection string: the local runtime and CI. In AWS the DB_* settings below are used instead. */
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  /** RDS Proxy endpoint; with it the pool signs in with short-lived IAM auth tokens over TLS. */
  DB_HOST: z.string().min(1).optional(),
  DB_PORT: z.coerce.number().int().min(1).max(65_535).default(5432),
  DB_NAME: z.string().min(1).default('halooid'),
  /** The login this function signs in as at DB_HOST: halooid_request_login (requests) or halooid_worker_login (jobs). */
  DB_USER: z.string().min(1).default('halooid_request_login'),
  /**
   * How a transaction gets its login. `connect` (AWS): the connection already is the function's
   * login. `assume` (the local runtime and CI, which connect as the database owner, a superuser):
   * each transaction first takes on the login its kind uses in AWS (SET LOCAL SESSION
   * AUTHORIZATION), so Postgres checks role membership exactly as it does there.
   */
  DB_LOGIN_MODE: z.enum(['connect', 'assume']).default('connect'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(2),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  /** Namespace of every cache key, so stages (or test runs) can share one Redis. */
  CACHE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/)
    .default('halooid:'),
  DYNAMODB_ENDPOINT: url(['http', 'https']).optional(),
  /** DNS servers (`host:port`, comma-separated) for domain verification: the local runtime's stand-in. Unset in AWS: the VPC resolver. */
  DNS_SERVERS: z
    .string()
    .max(512)
    .regex(/^[0-9A-Fa-f.:[\],]+$/, 'host:port, comma-separated')
    .optional(),
  COGNITO_ENDPOINT: url(['http', 'https']).optional(),
  /** An S3-compatible server (the local stand-in); unset, the SDK's regional S3 endpoint. */
  S3_ENDPOINT: url(['http', 'https']).optional(),
  /** The bucket of tenants' files (exports), set by CDK on functions with `resources.objectStore`. */
  FILES_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')
    .optional(),
  COGNITO_USER_POOL_ID: z.string().min(1).optional(),
  COGNITO_CLIENT_ID: z.string().min(1).optional(),
  /** Token issuer; derived from the region and pool id in AWS, set explicitly for cognito-local. */
  COGNITO_ISSUER: url(['http', 'https']).optional(),
  /**
   * Data keys for secrets stored encrypted (webhook signing secrets): `id:base64key[,…]`, 32-byte
   * keys, first = current. Set locally (infra/local keeps one in the data dir); AWS uses the secret below.
   */
  DATA_ENCRYPTION_KEYS: z
    .string()
    .superRefine((value, context) => {
      try {
        parseKeyring(value);
      } catch (error) {
        if (!(error instanceof KeyringError)) throw error;
        context.addIssue({ code: 'custom', message: error.message });
      }
    })
    .optional(),
  /** In AWS: the Secrets Manager secret holding the data keys, read once on first use (never the value itself). */
  DATA_ENCRYPTION_KEYS_SECRET_ARN: z.string().startsWith('arn:').optional(),
  /**
   * Behind CloudFront (AWS): take the client address from the viewer-IP header CloudFront's
   * function sets, not the socket (an edge server). Only safe because WAF refuses requests that
   * bypass CloudFront (the origin-verify header); locally there is no CloudFront, so it stays off.
   */
  TRUST_CLOUDFRONT_HEADER: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** The SES v2 sender of the platform's own email (security alerts): a verified address or `Name <address>`. Unset, nothing is mailed. */
  MAIL_FROM: z.string().min(3).max(320).optional(),
  /** The EventBridge bus events go to (CDK sets it on functions that emit); unset, nothing publishes to AWS. */
  EVENT_BUS_NAME: z.string().min(1).max(256).optional(),
  /** A subscriber Lambda invoked with a raw event runs only this subscription (otherwise every one that matches). */
  SUBSCRIPTION: z.string().min(1).max(128).optional(),
  /** Outbox relay: publishes rows at least this old (ms), leaving the newest to the request that wrote them. */
  RELAY_MIN_AGE_MS: z.coerce.number().int().min(0).max(3_600_000).default(5_000),
  /** Webhook worker: multiplies the retry schedule (tests make it small). */
  WEBHOOK_RETRY_SCALE: z.coerce.number().positive().max(100).default(1),
  /** Migrator: the Aurora master secret it signs in with (never the value itself). */
  DB_SECRET_ARN: z.string().min(1).optional(),
  /** Migrator: TLS with certificate verification; only a local test turns it off. */
  DB_SSL: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

/**
 * DynamoDB table names: CDK sets `<LOGICAL_NAME>_TABLE` for each table a
 * function declares (`resources.tables`), so the names are read by pattern,
 * not listed here: a product's new table needs no edit to this file.
 */
const TABLE_VARIABLE = /^[A-Z][A-Z0-9_]*_TABLE$/;
const tableNameSchema = z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name');

export type Config = z.infer<typeof configSchema> & {
  /** By variable name: `{ IDEMPOTENCY_TABLE: 'halooid-dev-idempotency' }`; read with tableName(). */
  tables: Readonly<Record<string, string>>;
};
export type ConfigKey = keyof Config;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset", as they do in most shells and .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = configSchema.safeParse(present);
  const problems = result.success
    ? []
    : result.error.issues.map(
        (issue) => `${issue.path.join('.')}: ${issue.message} (got ${describe(env, issue.path)})`,
      );
  const tables: Record<string, string> = {};
  for (const [key, value] of Object.entries(present)) {
    if (!TABLE_VARIABLE.test(key)) continue;
    const name = tableNameSchema.safeParse(value);
    if (name.success) tables[key] = name.data;
    else problems.push(`${key}: ${name.error.issues[0]?.message} (got ${describe(env, [key])})`);
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);
  return { ...result.data, tables };
}

/** The variable that holds a table's physical name: `api-keys` → `API_KEYS_TABLE`. CDK sets it by this rule too. */
export function tableVariable(logicalName: string): string {
  return `${logicalName.replace(/[^a-zA-Z0-9]+/g, '_').toUpperCase()}_TABLE`;
}

/** The physical name of the table a manifest declares as `logicalName`: from CDK's variable, else the local/default name. */
export function tableName(logicalName: string, defaultName: string, config: Config = getConfig()): string {
  return config.tables[tableVariable(logicalName)] ?? defaultName;
}

/** Never quoted in messages at all: the value is key material. */
const SECRET_KEYS = new Set<string>(['DATA_ENCRYPTION_KEYS']);

/** Quotes the bad value for the message, with any `user:password@` of a URL blanked: the message reaches logs. */
function describe(env: Record<string, string | undefined>, path: PropertyKey[]): string {
  const raw = env[String(path[0])];
  if (raw === undefined) return 'nothing';
  if (SECRET_KEYS.has(String(path[0]))) return 'a value not shown';
  const value = raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** Fails with every missing variable named when a capability needs settings that are optional elsewhere. */
export function requireKeys<K extends ConfigKey>(
  config: Config,
  keys: readonly K[],
): Config & { [P in K]-?: NonNullable<Config[P]> } {
  const missing = keys.filter((key) => config[key] === undefined);
  if (missing.length > 0) throw new ConfigError(missing.map((key) => `${key}: is required but not set`));
  return config as Config & { [P in K]-?: NonNullable<Config[P]> };
}

let cached: Config | undefined;

/** The process-wide config, parsed from `process.env` on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Forgets the parsed config; the local runtime and tests call it after changing `process.env`. */
export function resetConfig(): void {
  cached = undefined;
}
