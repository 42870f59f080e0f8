import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, requireKeys, tableName } from './config';

function configErrorOf(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('Expected a ConfigError');
}

describe('parseConfig', () => {
  it('applies defaults to an empty environment', () => {
    const config = parseConfig({});

    expect(config).toEqual({
      STAGE: 'local',
      AWS_REGION: 'us-east-1',
      DB_POOL_MAX: 2,
      CACHE_PREFIX: 'halooid:',
      DB_PORT: 5432,
      DB_NAME: 'halooid',
      DB_USER: 'halooid_request_login',
      // The connection is the login (AWS); only the local runtime assumes logins per transaction.
      DB_LOGIN_MODE: 'connect',
      // The socket address is the client unless the function sits behind CloudFront.
      TRUST_CLOUDFRONT_HEADER: false,
      RELAY_MIN_AGE_MS: 5_000,
      WEBHOOK_RETRY_SCALE: 1,
      DB_SSL: true,
      tables: {},
    });
  });

  it('reads every <NAME>_TABLE variable as a DynamoDB table name, and refuses one that cannot be', () => {
    const config = parseConfig({ IDEMPOTENCY_TABLE: 'halooid-dev-idempotency', ORDERS_LINES_TABLE: 'o.l_1' });

    expect(config.tables).toEqual({
      IDEMPOTENCY_TABLE: 'halooid-dev-idempotency',
      ORDERS_LINES_TABLE: 'o.l_1',
    });
    expect(tableName('idempotency', 'halooid-idempotency', config)).toBe('halooid-dev-idempotency');
    expect(tableName('orders.lines', 'halooid-lines', config)).toBe('o.l_1');
    expect(tableName('api-keys', 'halooid-api-keys', config)).toBe('halooid-api-keys');
    expect(configErrorOf(() => parseConfig({ API_KEYS_TABLE: 'no spaces allowed' })).problems).toEqual([
      'API_KEYS_TABLE: must be a DynamoDB table name (got "no spaces allowed")',
    ]);
  });

  it('validates the job and migrator settings instead of falling back silently', () => {
    expect(
      parseConfig({ RELAY_MIN_AGE_MS: '2000', WEBHOOK_RETRY_SCALE: '0.01', DB_SSL: 'false' }),
    ).toMatchObject({
      RELAY_MIN_AGE_MS: 2_000,
      WEBHOOK_RETRY_SCALE: 0.01,
      DB_SSL: false,
    });
    expect(() => parseConfig({ RELAY_MIN_AGE_MS: 'soon' })).toThrow(/RELAY_MIN_AGE_MS/);
    expect(() => parseConfig({ WEBHOOK_RETRY_SCALE: '0' })).toThrow(/WEBHOOK_RETRY_SCALE/);
    expect(() => parseConfig({ DB_SSL: 'no' })).toThrow(/DB_SSL/);
  });

  it('turns the CloudFront client-IP header on only for the exact word true', () => {
    expect(parseConfig({ TRUST_CLOUDFRONT_HEADER: 'true' }).TRUST_CLOUDFRONT_HEADER).toBe(true);
    expect(parseConfig({ TRUST_CLOUDFRONT_HEADER: 'false' }).TRUST_CLOUDFRONT_HEADER).toBe(false);
    expect(() => parseConfig({ TRUST_CLOUDFRONT_HEADER: 'yes' })).toThrow(/TRUST_CLOUDFRONT_HEADER/);
  });

  it('reads and coerces set values', () => {
    const config = parseConfig({
      STAGE: 'prod',
      AWS_REGION: 'eu-west-1',
      DATABASE_URL: 'postgres://app@db.example.com:5432/halooid',
      DB_POOL_MAX: '7',
      REDIS_URL: 'rediss://cache.example.com:6379',
    });

    expect(config.STAGE).toBe('prod');
    expect(config.AWS_REGION).toBe('eu-west-1');
    expect(config.DATABASE_URL).toBe('postgres://app@db.example.com:5432/halooid');
    expect(config.DB_POOL_MAX).toBe(7);
    expect(config.REDIS_URL).toBe('rediss://cache.example.com:6379');
  });

  it('ignores variables it does not know', () => {
    const config = parseConfig({ HOME: '/root', PATH: '/usr/bin' });

    expect(config).not.toHaveProperty('HOME');
  });

  it('treats empty strings as unset', () => {
    const config = parseConfig({ STAGE: '', DB_POOL_MAX: '', DATABASE_URL: '', AWS_REGION: '' });

    expect(config.STAGE).toBe('local');
    expect(config.DB_POOL_MAX).toBe(2);
    expect(config.AWS_REGION).toBe('us-east-1');
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names DATABASE_URL and the bad value when it has the wrong protocol', () => {
    const error = configErrorOf(() => parseConfig({ DATABASE_URL: 'mysql://db.example.com/app' }));

    expect(error.problems).toEqual([
      'DATABASE_URL: must start with postgres:// or postgresql:// (got "mysql://db.example.com/app")',
    ]);
    expect(error.message).toContain('Invalid configuration:');
    expect(error.message).toContain('DATABASE_URL');
    expect(error.name).toBe('ConfigError');
  });

  it('names DATABASE_URL when it is not a URL at all', () => {
    const error = configErrorOf(() => parseConfig({ DATABASE_URL: 'not a url' }));

    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.problems.every((problem) => problem.startsWith('DATABASE_URL: '))).toBe(true);
  });

  it('reports every invalid variable at once', () => {
    const error = configErrorOf(() => parseConfig({ STAGE: 'qa', DB_POOL_MAX: '500' }));

    expect(error.problems).toHaveLength(2);
    expect(error.problems.some((problem) => problem.startsWith('STAGE: '))).toBe(true);
    expect(
      error.problems.some((problem) => problem.startsWith('DB_POOL_MAX: ') && problem.includes('"500"')),
    ).toBe(true);
  });

  it('truncates long values in messages', () => {
    const long = `mysql://${'x'.repeat(100)}`;

    const error = configErrorOf(() => parseConfig({ DATABASE_URL: long }));

    expect(error.problems[0]).toContain(`(got "${long.slice(0, 57)}...")`);
    expect(error.problems[0]).not.toContain(long);
  });
});

describe('requireKeys', () => {
  it('returns the config when every key is set', () => {
    const config = parseConfig({ DATABASE_URL: 'postgres://localhost/db', COGNITO_CLIENT_ID: 'client' });

    const required = requireKeys(config, ['DATABASE_URL', 'COGNITO_CLIENT_ID']);

    expect(required.DATABASE_URL).toBe('postgres://localhost/db');
    expect(required.COGNITO_CLIENT_ID).toBe('client');
  });

  it('lists every missing key', () => {
    const config = parseConfig({ COGNITO_CLIENT_ID: 'client' });

    const error = configErrorOf(() =>
      requireKeys(config, ['DATABASE_URL', 'COGNITO_CLIENT_ID', 'COGNITO_USER_POOL_ID']),
    );

    expect(error.problems).toEqual([
      'DATABASE_URL: is required but not set',
      'COGNITO_USER_POOL_ID: is required but not set',
    ]);
  });
});

describe('parseConfig error messages', () => {
  it('never quote the password of a bad database URL', () => {
    const attempt = () => parseConfig({ DATABASE_URL: 'postgres://admin:hunter2@db.internal:99999/app' });

    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/DATABASE_URL/);
    expect(attempt).not.toThrow(/hunter2/);
  });
});
