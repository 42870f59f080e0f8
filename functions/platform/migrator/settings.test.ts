import { parseConfig } from '@halooid/shared/config';
import { describe, expect, it } from 'vitest';
import { migratorEnv, parseMasterSecret } from './settings';

describe('migrator settings', () => {
  it('reads the RDS-generated secret', () => {
    expect(
      parseMasterSecret(
        JSON.stringify({ username: 'halooid_admin', password: 's3cret', host: 'db', port: 5432 }),
      ),
    ).toEqual({ username: 'halooid_admin', password: 's3cret', host: 'db', port: 5432 });
  });

  it('names what is missing and never echoes the secret', () => {
    expect(() => parseMasterSecret(JSON.stringify({ username: 'u', pass: 'hunter2' }))).toThrow(
      /lacks password/,
    );
    expect(() => parseMasterSecret('hunter2')).toThrow('The database secret is not JSON');
    expect(() => parseMasterSecret(undefined)).toThrow(/no SecretString/);
    try {
      parseMasterSecret('{"password":"hunter2"}');
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  it('requires the secret ARN and verifies TLS unless told otherwise', () => {
    expect(() => migratorEnv(parseConfig({}))).toThrow(/DB_SECRET_ARN/);
    const env = migratorEnv(
      parseConfig({
        DB_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:1:secret:x',
        DB_PORT: '5432',
      }),
    );
    expect(env).toMatchObject({ DB_SSL: true, DB_NAME: 'halooid', DB_PORT: 5432 });
    expect(migratorEnv(parseConfig({ DB_SECRET_ARN: 'x', DB_SSL: 'false' })).DB_SSL).toBe(false);
  });
});
