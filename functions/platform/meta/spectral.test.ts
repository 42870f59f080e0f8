import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { buildOpenApi } from '@halooid/shared/openapi';
import { Document, type ISpectralDiagnostic, Spectral } from '@stoplight/spectral-core';
import parsers from '@stoplight/spectral-parsers';
import { builtins } from '@stoplight/spectral-ruleset-bundler/plugins/builtins';
import { commonjs } from '@stoplight/spectral-ruleset-bundler/plugins/commonjs';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import runtime from '@stoplight/spectral-runtime';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { buildApiDocument } from './api-document';

/*
 * The API document checked against spectral:oas and the OWASP API Security
 * Top 10 ruleset, as configured in the repository's .spectral.yaml. The
 * document is built from the registry the way GET /v1/openapi.json builds it.
 */

const RULESET = fileURLToPath(new URL('../../../.spectral.yaml', import.meta.url));
const ERROR = 0;

let spectral: Spectral;

beforeAll(async () => {
  spectral = new Spectral();
  // builtins() hands the ruleset the spectral packages already loaded here; nothing is fetched.
  spectral.setRuleset(
    await bundleAndLoadRuleset(RULESET, { fs, fetch: runtime.fetch }, [builtins(), commonjs()]),
  );
});

async function lint(document: unknown): Promise<ISpectralDiagnostic[]> {
  return spectral.run(new Document(JSON.stringify(document, null, 2), parsers.Json, 'openapi.json'));
}

function describeFindings(findings: readonly ISpectralDiagnostic[]): string {
  return findings
    .slice(0, 10)
    .map((finding) => `${finding.code} at ${finding.path.join('.')}: ${finding.message}`)
    .join('\n');
}

describe('the OpenAPI document under Spectral (oas + OWASP)', () => {
  // Linting the whole document grows with every product (about 8 s on a loaded 2-core box with CustomerConnect).
  it('has no errors', { timeout: 60_000 }, async () => {
    const findings = await lint(buildApiDocument('0.0.0-test'));

    const errors = findings.filter((finding) => finding.severity === ERROR);
    expect(errors.length, `${errors.length} errors, the first ones:\n${describeFindings(errors)}`).toBe(0);
  });

  it('fails a route whose request string is unbounded', async () => {
    const fixture = defineService({
      product: 'fixture',
      capability: 'notes',
      description: 'A capability with one careless route.',
      resources: {},
      permissions: [{ name: 'fixture:note:write', description: 'Write notes.' }],
      routes: [
        defineRoute({
          operationId: 'createFixtureNote',
          method: 'POST',
          path: '/v1/fixture/notes',
          permission: 'fixture:note:write',
          summary: 'Create a note',
          description: 'A note with an unbounded text.',
          body: z.object({ text: z.string().min(1) }),
          status: 201,
          response: z.object({ id: z.uuid() }),
        }),
      ],
    });

    const findings = await lint(buildOpenApi([fixture], { version: '0.0.0-test' }));

    const errors = findings.filter((finding) => finding.severity === ERROR);
    expect(errors.map((finding) => [finding.code, finding.path.at(-1)])).toEqual([
      ['halooid-request-string-limit', 'text'],
    ]);
  });

  it('fails a route whose request array is unbounded and a public route that is not declared PUBLIC', async () => {
    const fixture = defineService({
      product: 'fixture',
      capability: 'tags',
      description: 'A capability with another careless route.',
      resources: {},
      permissions: [{ name: 'fixture:tag:write', description: 'Write tags.' }],
      routes: [
        defineRoute({
          operationId: 'setFixtureTags',
          method: 'PUT',
          path: '/v1/fixture/tags',
          permission: 'fixture:tag:write',
          summary: 'Set the tags',
          description: 'Any number of tags.',
          body: z.object({ tags: z.array(z.string().max(20)) }),
        }),
      ],
    });
    const document = buildOpenApi([fixture], { version: '0.0.0-test' });
    const operation = document.paths['/v1/fixture/tags']?.put as { security: unknown[] };
    operation.security = [];

    const findings = await lint(document);

    const errors = findings.filter((finding) => finding.severity === ERROR);
    expect(errors.map((finding) => finding.code).sort()).toEqual([
      'halooid-open-only-if-public',
      'halooid-request-array-limit',
    ]);
  });

  it('fails an operator route a tenant role could be granted, and lets AdminHub routes be tenant routes', async () => {
    const fixture = defineService({
      product: 'fixture',
      capability: 'console',
      description: 'An operator route declared with a tenant permission, and an admin-named tenant route.',
      resources: {},
      permissions: [{ name: 'fixture:tenant:read', description: 'Read tenants.' }],
      routes: [
        defineRoute({
          operationId: 'listFixtureTenants',
          method: 'GET',
          path: '/v1/operator/fixture-tenants',
          permission: 'fixture:tenant:read',
          summary: 'List tenants',
          description: 'Every tenant.',
          response: z.object({ id: z.uuid() }),
        }),
        defineRoute({
          operationId: 'getFixtureAdminSettings',
          method: 'GET',
          path: '/v1/fixture-admin/settings',
          permission: 'fixture:tenant:read',
          summary: 'Admin settings',
          description: 'A tenant route with admin in its path.',
          response: z.object({ id: z.uuid() }),
        }),
      ],
    });

    const findings = await lint(buildOpenApi([fixture], { version: '0.0.0-test' }));

    const errors = findings.filter((finding) => finding.severity === ERROR);
    expect(errors.map((finding) => [finding.code, finding.path[1]])).toEqual([
      ['halooid-operator-permission', '/v1/operator/fixture-tenants'],
    ]);
  });
});
