import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { resetConfig } from '../config';
import { defineRoute, defineService, PUBLIC } from '../manifest';
import { loggableError, withoutValues } from './loggable-error';

// Error lines on, metrics off; set before the adapter (and Powertools) is loaded.
vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'ERROR');
vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
vi.stubEnv('POWERTOOLS_DEV', '');
const { createHttpHandler } = await import('./adapter');

const EMAIL = 'ada.lovelace@example.com';

/** What pg hands over for a unique violation: the conflicting value sits in `detail`. */
function uniqueViolation(): pg.DatabaseError {
  const error = new pg.DatabaseError(
    'duplicate key value violates unique constraint "users_email_key"',
    200,
    'error',
  );
  Object.assign(error, {
    severity: 'ERROR',
    code: '23505',
    detail: `Key (lower(email))=(${EMAIL}) already exists.`,
    schema: 'platform',
    table: 'users',
    constraint: 'users_email_key',
    where: `SQL statement "insert into platform.users values ('${EMAIL}')"`,
    hint: `Try ${EMAIL}2`,
    internalQuery: `select '${EMAIL}'`,
    routine: '_bt_check_unique',
  });
  return error;
}

/** A wrapper error of our own that carries the query's parameters, as a repository might. */
function wrapped(): Error {
  const error = new Error('Could not save the user', { cause: uniqueViolation() });
  return Object.assign(error, { parameters: [EMAIL, 'Ada'] });
}

describe('loggableError', () => {
  it('keeps what names the failure and drops what holds values', () => {
    const loggable = loggableError(uniqueViolation());

    expect(loggable).toMatchObject({
      name: 'error',
      code: '23505',
      severity: 'ERROR',
      schema: 'platform',
      table: 'users',
      constraint: 'users_email_key',
      routine: '_bt_check_unique',
    });
    expect(loggable).not.toHaveProperty('detail');
    expect(loggable).not.toHaveProperty('where');
    expect(loggable).not.toHaveProperty('hint');
    expect(loggable).not.toHaveProperty('internalQuery');
    expect(JSON.stringify(loggable)).not.toContain(EMAIL);
    expect(typeof loggable.stack).toBe('string');
  });

  it('treats the cause the same way and drops unknown fields such as parameters', () => {
    const loggable = loggableError(wrapped());

    expect(loggable).not.toHaveProperty('parameters');
    expect(loggable.cause).toMatchObject({ code: '23505', constraint: 'users_email_key' });
    expect(JSON.stringify(loggable)).not.toContain(EMAIL);
  });

  it('blanks quoted values and key pairs in messages', () => {
    expect(withoutValues('invalid input syntax for type uuid: "not-a-uuid"')).toBe(
      'invalid input syntax for type uuid: "…"',
    );
    expect(withoutValues('Key (tenant_id, lower(email))=(0190-1, a@b.c) already exists.')).toBe(
      'Key (tenant_id, lower(email))=(…) already exists.',
    );
  });

  it('logs no value of something thrown that is not an Error', () => {
    expect(JSON.stringify(loggableError({ email: EMAIL }))).not.toContain(EMAIL);
  });
});

describe('the adapter logs unexpected errors redacted', () => {
  const service = defineService({
    product: 'demo',
    capability: 'users',
    description: 'Fails the way a database write can.',
    resources: {},
    permissions: [],
    routes: [
      defineRoute({
        operationId: 'saveUser',
        method: 'POST',
        path: '/v1/demo/users',
        permission: PUBLIC,
        summary: 'Fails with a wrapped unique violation',
      }),
    ],
  });
  let written: string[] = [];

  beforeAll(() => {
    vi.stubEnv('STAGE', 'test');
    resetConfig();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    written = [];
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    resetConfig();
  });

  it("answers a masked 500 and the log line has the pg code and constraint, not the detail's value", async () => {
    const capture = (chunk: unknown) => {
      written.push(String(chunk));
      return true;
    };
    vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) =>
      written.push(args.map(String).join(' ')),
    );
    const handler = createHttpHandler(service, {
      saveUser: async () => {
        throw wrapped();
      },
    });

    const result = await handler(
      {
        resource: '/v1/demo/users',
        path: '/v1/demo/users',
        httpMethod: 'POST',
        headers: {},
        multiValueHeaders: {},
        queryStringParameters: null,
        multiValueQueryStringParameters: null,
        pathParameters: null,
        stageVariables: null,
        body: null,
        isBase64Encoded: false,
        requestContext: { requestId: 'req-1', identity: { sourceIp: '127.0.0.1' } },
      } as unknown as APIGatewayProxyEvent,
      { awsRequestId: 'lambda-1', functionName: 'demo-users' } as Context,
    );

    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain(EMAIL);
    const log = written.join('\n');
    expect(log).toContain('Request failed');
    expect(log).toContain('23505');
    expect(log).toContain('users_email_key');
    expect(log).not.toContain(EMAIL);
  });
});
