import type { CapabilityNames } from './names';

/**
 * The files of one scaffolded capability, in the house shape: a manifest with
 * its routes and permissions, a thin handler, zod schemas with bounded
 * request strings, one use case per file, a repository whose every statement
 * filters by tenant, and a unit and an integration test. Each function returns
 * a file's text; scaffold.ts decides where it goes.
 */
export interface TemplateFile {
  /** Relative to the repository root. */
  path: string;
  text: string;
}

export function capabilityFiles(n: CapabilityNames, migrationName: string): TemplateFile[] {
  const dir = `functions/${n.product}/${n.capability}`;
  return [
    { path: `${dir}/schemas.ts`, text: schemas(n) },
    { path: `${dir}/service.ts`, text: service(n) },
    { path: `${dir}/handler.ts`, text: handler(n) },
    { path: `${dir}/repository.ts`, text: repository(n) },
    { path: `${dir}/list-${n.capability}.ts`, text: listUseCase(n) },
    { path: `${dir}/create-${n.resource}.ts`, text: createUseCase(n) },
    { path: `${dir}/get-${n.resource}.ts`, text: getUseCase(n) },
    { path: `${dir}/${n.capability}.test.ts`, text: unitTest(n) },
    { path: `${dir}/${n.capability}.int.test.ts`, text: integrationTest(n) },
    { path: `functions/${n.product}/migrations/${migrationName}`, text: migration(n) },
  ];
}

function schemas(n: CapabilityNames): string {
  return `import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';

/**
 * The ${n.resource} as the API shows it, and what requests may send. Every
 * request string has a maximum length (the Spectral rules in .spectral.yaml
 * fail the build otherwise); names go through displayText, which refuses
 * direction controls and invisible characters.
 */
export const ${n.Entity} = z.object({
  id: z.uuid(),
  name: z.string(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ${n.Entity} = z.infer<typeof ${n.Entity}>;

export const ${n.Entity}Params = z.strictObject({ ${n.entity}Id: z.uuid() });

export const Create${n.Entity}Body = z.strictObject({
  name: displayText().min(1, 'Name the ${n.resource}.').max(200),
});
export type Create${n.Entity}Input = z.output<typeof Create${n.Entity}Body>;

export const List${n.Plural}Query = z.strictObject({
  ...paginationQuery,
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Only ${n.capability} whose name contains this.' }),
});
export type List${n.Plural}Query = z.output<typeof List${n.Plural}Query>;
`;
}

function service(n: CapabilityNames): string {
  return `import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { Create${n.Entity}Body, List${n.Plural}Query, ${n.Entity}, ${n.Entity}Params } from './schemas';

/**
 * ${n.Plural === `${n.Entity}List` ? n.capability : n.Plural} of ${n.product}. Scaffolded by \`npm run new\`: say here what the
 * capability is for and why its permissions are split the way they are.
 */
export const ${n.camel}Service = defineService({
  product: '${n.product}',
  capability: '${n.capability}',
  description: 'The ${n.capability} of a tenant.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [
    { name: '${n.product}:${n.resource}:read', description: 'See ${n.capability}.' },
    { name: '${n.product}:${n.resource}:write', description: 'Create ${n.capability}.' },
  ],
  routes: [
    defineRoute({
      operationId: 'list${n.Plural}',
      method: 'GET',
      path: '/v1/${n.product}/${n.capability}',
      permission: '${n.product}:${n.resource}:read',
      summary: 'List ${n.capability}',
      description: 'Newest first, a page at a time (\`cursor\` from the previous page).',
      query: List${n.Plural}Query,
      response: pageOf(${n.Entity}),
    }),
    defineRoute({
      operationId: 'create${n.Entity}',
      method: 'POST',
      path: '/v1/${n.product}/${n.capability}',
      permission: '${n.product}:${n.resource}:write',
      summary: 'Create ${n.aResource}',
      body: Create${n.Entity}Body,
      status: 201,
      response: ${n.Entity},
    }),
    defineRoute({
      operationId: 'get${n.Entity}',
      method: 'GET',
      path: '/v1/${n.product}/${n.capability}/{${n.entity}Id}',
      permission: '${n.product}:${n.resource}:read',
      summary: 'Get ${n.aResource}',
      description: "Another tenant's ${n.resource}, or none, is a 404.",
      params: ${n.Entity}Params,
      response: ${n.Entity},
    }),
  ],
});
`;
}

function handler(n: CapabilityNames): string {
  return `import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag } from '@halooid/shared/http/versioning';
import { create${n.Entity} } from './create-${n.resource}';
import { get${n.Entity} } from './get-${n.resource}';
import { list${n.Plural} } from './list-${n.capability}';
import { ${n.camel}Service } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(${n.camel}Service, {
  list${n.Plural}: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => list${n.Plural}(query, deps)),
  }),
  create${n.Entity}: async ({ body, inTenant }) => {
    const ${n.entity} = await inTenant((deps) => create${n.Entity}(body, deps));
    return {
      body: ${n.entity},
      headers: { Location: \`/v1/${n.product}/${n.capability}/\${${n.entity}.id}\`, ...etag(${n.entity}.version) },
    };
  },
  get${n.Entity}: async ({ params, inTenant }) => {
    const ${n.entity} = await inTenant((deps) => get${n.Entity}(params.${n.entity}Id, deps));
    return { body: ${n.entity}, headers: etag(${n.entity}.version) };
  },
});
`;
}

function repository(n: CapabilityNames): string {
  const table = `${n.schema}.${n.table}`;
  return `import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { Create${n.Entity}Input, List${n.Plural}Query, ${n.Entity} } from './schemas';

/** SQL for ${table}; every statement filters by tenant_id (RLS is the backstop). */
interface ${n.Entity}Row {
  id: string;
  name: string;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, created_by, version, created_at, updated_at';
const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

function to${n.Entity}(row: ${n.Entity}Row): ${n.Entity} {
  return {
    id: row.id,
    name: row.name,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function insert${n.Entity}(
  tx: Tx,
  ${n.entity}: Create${n.Entity}Input & { tenantId: string; id: string; createdBy: string | null },
): Promise<${n.Entity}> {
  const { rows } = await tx.query<${n.Entity}Row>(
    \`insert into ${table} (tenant_id, id, name, created_by)
     values ($1, $2, $3, $4)
     returning \${COLUMNS}\`,
    [${n.entity}.tenantId, ${n.entity}.id, ${n.entity}.name, ${n.entity}.createdBy],
  );
  return to${n.Entity}(rows[0] as ${n.Entity}Row);
}

export async function select${n.Entity}(tx: Tx, tenantId: string, id: string): Promise<${n.Entity} | undefined> {
  const { rows } = await tx.query<${n.Entity}Row>(
    \`select \${COLUMNS} from ${table} where tenant_id = $1 and id = $2\`,
    [tenantId, id],
  );
  return rows[0] ? to${n.Entity}(rows[0]) : undefined;
}

/** Newest first; keyset-paged, so page 500 costs what page 1 costs. */
export async function select${n.Plural}(tx: Tx, tenantId: string, query: List${n.Plural}Query) {
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  // Bound, never spliced: a search term is data, even its % and _.
  if (query.q) filter.where.push(\`strpos(lower(name), lower(\${filter.bind(query.q)})) > 0\`);
  return selectPage(tx, filter, {
    select: (sortValues) => \`select \${COLUMNS}, \${sortValues} from ${table}\`,
    terms: parseSort(undefined, SORTS, '-createdAt'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: ${n.Entity}Row & Record<string, unknown>) => to${n.Entity}(row),
  });
}
`;
}

const DEPS_NOTE = `/** What this use case needs from the request (a subset, so tests can pass fakes). */`;

function listUseCase(n: CapabilityNames): string {
  return `import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { select${n.Plural} } from './repository';
import type { List${n.Plural}Query } from './schemas';

${DEPS_NOTE}
export type List${n.Plural}Deps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One page of the tenant's ${n.capability}. */
export function list${n.Plural}(query: List${n.Plural}Query, deps: List${n.Plural}Deps) {
  return select${n.Plural}(deps.tx, deps.principal.tenantId, query);
}
`;
}

function createUseCase(n: CapabilityNames): string {
  return `import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { insert${n.Entity} } from './repository';
import type { Create${n.Entity}Input, ${n.Entity} } from './schemas';

${DEPS_NOTE}
export type Create${n.Entity}Deps = Pick<RequestDeps, 'tx' | 'principal' | 'newId'>;

/** Adds ${n.aResource} to the caller's tenant; an API key's ${n.resource} has no user as its creator. */
export function create${n.Entity}(input: Create${n.Entity}Input, deps: Create${n.Entity}Deps): Promise<${n.Entity}> {
  const { principal } = deps;
  return insert${n.Entity}(deps.tx, {
    ...input,
    tenantId: principal.tenantId,
    id: deps.newId(),
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
}
`;
}

function getUseCase(n: CapabilityNames): string {
  return `import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { select${n.Entity} } from './repository';
import type { ${n.Entity} } from './schemas';

${DEPS_NOTE}
export type Get${n.Entity}Deps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One ${n.resource} of the caller's tenant; anything else (another tenant's, a deleted one) is a 404. */
export async function get${n.Entity}(id: string, deps: Get${n.Entity}Deps): Promise<${n.Entity}> {
  const ${n.entity} = await select${n.Entity}(deps.tx, deps.principal.tenantId, id);
  if (!${n.entity}) throw new NotFoundError('${n.Entity}');
  return ${n.entity};
}
`;
}

function unitTest(n: CapabilityNames): string {
  return `import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { NotFoundError } from '@halooid/shared/errors';
import { describe, expect, it } from 'vitest';
import { create${n.Entity} } from './create-${n.resource}';
import { get${n.Entity} } from './get-${n.resource}';
import { Create${n.Entity}Body, List${n.Plural}Query } from './schemas';

const principal: Principal = {
  tenantId: '0195e0a0-0000-7000-8000-000000000001',
  principalId: '0195e0a0-0000-7000-8000-000000000002',
  principalType: 'user',
  grants: ['${n.product}:*:*'],
};

/** A transaction that records each statement and answers with the given rows. */
function fakeTx(rows: Record<string, unknown>[]) {
  const statements: { text: string; values: readonly unknown[] }[] = [];
  const tx = {
    query: async (text: string, values: readonly unknown[] = []) => {
      statements.push({ text, values });
      return { rows };
    },
  } as unknown as Tx;
  return { tx, statements };
}

const row = {
  id: '0195e0a0-0000-7000-8000-000000000003',
  name: 'First',
  created_by: principal.principalId,
  version: 1,
  created_at: new Date('2026-01-02T03:04:05.000Z'),
  updated_at: new Date('2026-01-02T03:04:05.000Z'),
};

describe('${n.capability} schemas', () => {
  it('trims a name and refuses an empty, an over-long or a hidden-character one', () => {
    expect(Create${n.Entity}Body.parse({ name: '  First  ' })).toEqual({ name: 'First' });
    expect(Create${n.Entity}Body.safeParse({ name: '   ' }).success).toBe(false);
    expect(Create${n.Entity}Body.safeParse({ name: 'x'.repeat(201) }).success).toBe(false);
    expect(Create${n.Entity}Body.safeParse({ name: 'bad\\u202Ename' }).success).toBe(false);
  });

  it('refuses fields it does not know and bounds the page size', () => {
    expect(Create${n.Entity}Body.safeParse({ name: 'First', tenantId: principal.tenantId }).success).toBe(false);
    expect(List${n.Plural}Query.safeParse({ limit: '101' }).success).toBe(false);
    expect(List${n.Plural}Query.parse({})).toMatchObject({ limit: 20 });
  });
});

describe('${n.capability} use cases', () => {
  it('creates in the caller\\'s tenant with a new id and the caller as creator', async () => {
    const { tx, statements } = fakeTx([row]);

    const created = await create${n.Entity}({ name: 'First' }, { tx, principal, newId: () => row.id });

    expect(created).toEqual({
      id: row.id,
      name: 'First',
      createdBy: principal.principalId,
      version: 1,
      createdAt: '2026-01-02T03:04:05.000Z',
      updatedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(statements[0]?.values).toEqual([principal.tenantId, row.id, 'First', principal.principalId]);
  });

  it('answers 404 for ${n.aResource} the tenant does not have', async () => {
    const { tx, statements } = fakeTx([]);

    await expect(get${n.Entity}(row.id, { tx, principal })).rejects.toBeInstanceOf(NotFoundError);
    expect(statements[0]?.values).toEqual([principal.tenantId, row.id]);
  });
});
`;
}

function integrationTest(n: CapabilityNames): string {
  const base = `/v1/${n.product}/${n.capability}`;
  return `import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let viewer: Session;
let globexOwner: Session;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, viewer, globexOwner] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('owner@globex.example'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

const create = (as: Session, tenant: string, body: Record<string, unknown>) =>
  platform.request('POST', '${base}', { headers: as.headers(tenant), body });

describe('${n.capability}', () => {
  it('creates ${n.aResource}, lists it newest first and reads it back with its ETag', async () => {
    const first = await create(member, 'acme', { name: 'First ${n.resource}' });
    const second = await create(member, 'acme', { name: 'Second ${n.resource}' });

    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toBe(\`${base}/\${first.body.id}\`);
    expect(first.body).toMatchObject({ name: 'First ${n.resource}', createdBy: member.userId, version: 1 });
    const list = await platform.request('GET', '${base}?limit=100', { headers: member.headers('acme') });
    expect(list.status).toBe(200);
    const ids = list.body.items.map((item: { id: string }) => item.id);
    expect(ids.indexOf(second.body.id)).toBeLessThan(ids.indexOf(first.body.id));
    const search = await platform.request('GET', '${base}?q=second', { headers: member.headers('acme') });
    expect(search.body.items.map((item: { id: string }) => item.id)).toEqual([second.body.id]);
    const read = await platform.request('GET', \`${base}/\${first.body.id}\`, { headers: viewer.headers('acme') });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(read.body).toEqual(first.body);
  });

  it('keeps ${n.capability} inside their tenant: another tenant lists none of them and gets 404 by id', async () => {
    const mine = await create(member, 'acme', { name: 'Acme only' });

    const list = await platform.request('GET', '${base}?limit=100', { headers: globexOwner.headers('globex') });
    const read = await platform.request('GET', \`${base}/\${mine.body.id}\`, {
      headers: globexOwner.headers('globex'),
    });

    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(mine.body.id);
    expect(read.status).toBe(404);
  });

  it('answers 400 for a bad name, 403 to a viewer creating and 401 without a token', async () => {
    const tooLong = await create(member, 'acme', { name: 'x'.repeat(201) });
    const byViewer = await create(viewer, 'acme', { name: 'Not allowed' });
    const anonymous = await platform.request('GET', '${base}');

    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('body.name');
    expect(byViewer.status).toBe(403);
    expect(anonymous.status).toBe(401);
  });
});
`;
}

function migration(n: CapabilityNames): string {
  const table = `${n.schema}.${n.table}`;
  return `-- ${n.product} ${n.capability}. Tenant-owned: tenant_id leads the primary key and
-- every index, and row-level security is forced, so a query that forgets its
-- tenant filter still sees only the current tenant's rows.

create schema if not exists ${n.schema};
grant usage on schema ${n.schema} to halooid_app;

create table ${table} (
  tenant_id uuid not null,
  id uuid not null,
  name text not null check (char_length(name) between 1 and 200),
  -- The user who created it; null when an API key did.
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
-- The list's order: newest first, id as the tie-break (keyset pagination).
create index ${n.table}_created_idx on ${table} (tenant_id, created_at desc, id desc);

alter table ${table} enable row level security;
alter table ${table} force row level security;
create policy tenant_isolation on ${table}
  using (tenant_id = platform.current_tenant_id())
  with check (tenant_id = platform.current_tenant_id());
grant select, insert, update, delete on ${table} to halooid_app;
`;
}
