import { startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
});

afterAll(async () => {
  await platform?.stop();
});

describe('GET /v1/health', () => {
  it('reports every component up', async () => {
    const response = await platform.request('GET', '/v1/health');

    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(Object.keys(response.body.components).sort()).toEqual([
      'cache',
      'cognito',
      'database',
      'dynamodb',
    ]);
    for (const component of Object.values(response.body.components))
      expect(component).toMatchObject({ status: 'ok' });
  });
});

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document of every route with both security schemes', async () => {
    const response = await platform.request('GET', '/v1/openapi.json');
    const document = response.body;

    expect(response.status).toBe(200);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.components.securitySchemes)).toEqual(
      expect.arrayContaining(['bearerAuth', 'apiKey']),
    );
    expect(Object.keys(document.paths['/v1/taskodex/tasks']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/v1/taskodex/tasks/{taskId}']).sort()).toEqual([
      'delete',
      'get',
      'patch',
    ]);
    const create = document.paths['/v1/taskodex/tasks'].post;
    expect(create['x-permission']).toBe('taskodex:task:write');
    expect(create.requestBody.content['application/json'].schema).toMatchObject({
      type: 'object',
      required: ['title'],
      additionalProperties: false,
    });
    expect(create.responses['201']).toBeDefined();
    const list = document.paths['/v1/taskodex/tasks'].get;
    expect(list.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
      expect.arrayContaining(['limit', 'cursor', 'status', 'q', 'sort']),
    );
    expect(document.paths['/v1/health'].get.security).toEqual([]);
  });
});

describe('POST /v1/auth/login', () => {
  it('returns tokens and the tenants of the user', async () => {
    const response = await platform.request('POST', '/v1/auth/login', {
      body: { email: 'Member@Acme.example', password: 'Halooid-demo-1' },
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      expiresIn: expect.any(Number),
      // The demo puts Maya in two tenants (to try the switcher); the list is by name.
      tenants: [
        { name: 'Acme', slug: 'acme' },
        { name: 'Globex', slug: 'globex' },
      ],
    });
    expect(response.body.accessToken.split('.')).toHaveLength(3);
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const wrongPassword = await platform.request('POST', '/v1/auth/login', {
      body: { email: 'member@acme.example', password: 'not-the-password' },
    });
    const unknownEmail = await platform.request('POST', '/v1/auth/login', {
      body: { email: 'nobody@acme.example', password: 'not-the-password' },
    });

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.detail).toBe(unknownEmail.body.detail);
  });

  it('rejects a malformed email with 400 naming the field', async () => {
    const response = await platform.request('POST', '/v1/auth/login', {
      body: { email: 'member', password: 'x' },
    });

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('body.email');
  });
});

describe('local pages', () => {
  it('serve a landing page, the API docs and the developer mailbox', async () => {
    const landing = await platform.request('GET', '/');
    const docs = await platform.request('GET', '/docs');
    const mailbox = await platform.request('GET', '/dev/mailbox');

    // The landing page until web/ is built, then the web app's SPA shell.
    expect(landing.text).toMatch(/owner@acme\.example|\/_app\/immutable\//);
    expect(docs.text).toContain('/v1/taskodex/tasks/{taskId}');
    expect(mailbox.body).toEqual({ items: expect.any(Array) });
  });
});
