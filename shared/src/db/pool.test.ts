import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../config';
import { connectionSettings } from './pool';

describe('connectionSettings', () => {
  it('uses DATABASE_URL when it is set', () => {
    const settings = connectionSettings(
      parseConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }),
    );

    expect(settings).toEqual({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
  });

  it('signs in to RDS Proxy with an IAM token over verified TLS when only DB_HOST is set', () => {
    const settings = connectionSettings(
      parseConfig({
        DB_HOST: 'proxy.example.rds.amazonaws.com',
        DB_NAME: 'halooid',
        AWS_REGION: 'eu-west-1',
      }),
    );

    expect(settings).toMatchObject({
      host: 'proxy.example.rds.amazonaws.com',
      port: 5432,
      database: 'halooid',
      user: 'halooid_request_login',
      ssl: { rejectUnauthorized: true },
    });
    expect(typeof settings.password).toBe('function');
  });

  it('names both variables when neither is set', () => {
    expect(() => connectionSettings(parseConfig({}))).toThrow(ConfigError);
    expect(() => connectionSettings(parseConfig({}))).toThrow(/DATABASE_URL or DB_HOST/);
  });
});
