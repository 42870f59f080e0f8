import { randomUUID } from 'node:crypto';
import { startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpFieldsVersion, customFilterConditions, customSortColumns, loadFields } from './custom-fields';
import { binderFor, type Visibility, visibilityOf, visibleCondition } from './visibility';

/**
 * The SQL of the row rules against real Postgres (PGlite, or DATABASE_URL's
 * server): visibleCondition with team data, and custom-field filters and
 * sorts over stored values. Each test works in a tenant of its own, as the
 * database owner (the statements name their tenant, as the product's do).
 */
let platform: TestPlatform;
let tx: Tx;

beforeAll(async () => {
  platform = await startTestPlatform({ demoProducts: [] });
  tx = platform.db as unknown as Tx;
});

afterAll(async () => {
  await platform?.stop();
});

async function company(tenantId: string, name: string, ownerId: string | null, custom: object = {}) {
  await platform.db.query(
    'insert into customerconnect.companies (tenant_id, id, name, owner_id, custom) values ($1, $2, $3, $4, $5)',
    [tenantId, randomUUID(), name, ownerId, JSON.stringify(custom)],
  );
}

async function team(tenantId: string, members: [string, 'rep' | 'manager'][]) {
  const id = randomUUID();
  await platform.db.query('insert into customerconnect.teams (tenant_id, id, name) values ($1, $2, $3)', [
    tenantId,
    id,
    `Team ${id}`,
  ]);
  for (const [userId, role] of members)
    await platform.db.query(
      'insert into customerconnect.team_members (tenant_id, team_id, user_id, role) values ($1, $2, $3, $4)',
      [tenantId, id, userId, role],
    );
}

async function visibleNames(tenantId: string, visibility: Visibility): Promise<string[]> {
  const values: unknown[] = [tenantId];
  const condition = visibleCondition(visibility, tenantId, 'c.owner_id', binderFor(values));
  const { rows } = await platform.db.query<{ name: string }>(
    `select c.name from customerconnect.companies c where c.tenant_id = $1 and ${condition} order by c.name`,
    values,
  );
  return rows.map((row) => row.name);
}

const principal = (tenantId: string, userId: string, grants: string[] = []): Principal => ({
  tenantId,
  principalId: userId,
  principalType: 'user',
  grants,
});

describe('visibleCondition', () => {
  const tenantId = randomUUID();
  const [ann, bob, cat, max, dan] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    // Team North: Ann and Bob (reps), Max (manager). Team South: Cat. Dan is in no team.
    await team(tenantId, [
      [ann, 'rep'],
      [bob, 'rep'],
      [max, 'manager'],
    ]);
    await team(tenantId, [[cat, 'rep']]);
    for (const [name, owner] of [
      ['ann', ann],
      ['bob', bob],
      ['cat', cat],
      ['max', max],
      ['dan', dan],
      ['nobody', null],
    ] as const)
      await company(tenantId, name, owner);
    // Another tenant's record of the same owner never shows.
    await company(randomUUID(), 'elsewhere', ann);
  });

  const scoped = (mode: 'all' | 'team' | 'own', userId: string | null): Visibility => ({
    kind: 'scoped',
    mode,
    userId,
  });

  it('shows every record under all, and to a record admin whatever the mode', async () => {
    const all = ['ann', 'bob', 'cat', 'dan', 'max', 'nobody'];
    expect(await visibleNames(tenantId, scoped('all', ann))).toEqual(all);
    expect(await visibleNames(tenantId, { kind: 'all' })).toEqual(all);
  });

  it('shows a rep only their own under own, and a manager their members’ too', async () => {
    expect(await visibleNames(tenantId, scoped('own', ann))).toEqual(['ann']);
    expect(await visibleNames(tenantId, scoped('own', dan))).toEqual(['dan']);
    expect(await visibleNames(tenantId, scoped('own', max))).toEqual(['ann', 'bob', 'max']);
  });

  it('shows the records of everyone in the caller’s teams under team, never unowned ones', async () => {
    expect(await visibleNames(tenantId, scoped('team', ann))).toEqual(['ann', 'bob', 'max']);
    expect(await visibleNames(tenantId, scoped('team', cat))).toEqual(['cat']);
    expect(await visibleNames(tenantId, scoped('team', dan))).toEqual(['dan']);
  });

  it('shows an API key (no user) nothing unless the mode is all', async () => {
    expect(await visibleNames(tenantId, scoped('own', null))).toEqual([]);
    expect(await visibleNames(tenantId, scoped('team', null))).toEqual([]);
  });

  it('reads the tenant setting per call: a change applies to the next request', async () => {
    expect(await visibilityOf(tx, principal(tenantId, ann), 'company')).toEqual(scoped('all', ann));
    await platform.db.query(
      `insert into customerconnect.settings (tenant_id, company_visibility) values ($1, 'own')
       on conflict (tenant_id) do update set company_visibility = 'own'`,
      [tenantId],
    );
    const now = await visibilityOf(tx, principal(tenantId, ann), 'company');
    expect(now).toEqual(scoped('own', ann));
    expect(await visibleNames(tenantId, now)).toEqual(['ann']);
    expect(await visibilityOf(tx, principal(tenantId, ann), 'contact')).toEqual(scoped('all', ann));
    expect(
      await visibilityOf(tx, principal(tenantId, ann, ['customerconnect:record:admin']), 'company'),
    ).toEqual({ kind: 'all' });
    expect(await visibilityOf(tx, principal(tenantId, ann, ['customerconnect:*:*']), 'company')).toEqual({
      kind: 'all',
    });
    expect(await visibilityOf(tx, principal(tenantId, ann, ['customerconnect:*:read']), 'company')).toEqual(
      scoped('own', ann),
    );
  });
});

describe('custom fields in SQL', () => {
  const tenantId = randomUUID();

  async function define(key: string, type: string, options: string[] = []) {
    await platform.db.query(
      `insert into customerconnect.field_definitions (tenant_id, id, object, key, label, type, options)
       values ($1, $2, 'company', $3, $3, $4, $5)`,
      [tenantId, randomUUID(), key, type, JSON.stringify(options)],
    );
  }

  beforeAll(async () => {
    await define('tier', 'select', ['gold', 'silver']);
    await define('regions', 'multi_select', ['emea', 'apac']);
    await define('seats', 'number');
    await define('renewal', 'date');
    await define('partner', 'boolean');
    await define('arr', 'currency');
    await define('notes', 'text');
    await bumpFieldsVersion(tx, tenantId);
    await company(tenantId, 'alpha', null, {
      tier: 'gold',
      regions: ['emea', 'apac'],
      seats: 120,
      renewal: '2027-03-01',
      partner: true,
      arr: { amount: '99000.50', currency: 'EUR' },
      notes: 'Big O’Brien account',
    });
    await company(tenantId, 'beta', null, {
      tier: 'silver',
      regions: ['apac'],
      seats: 8.5,
      renewal: '2026-12-31',
      partner: false,
      arr: { amount: '1200.00', currency: 'EUR' },
    });
    await company(tenantId, 'gamma', null, {});
  });

  async function filtered(filters: string[], sort?: string): Promise<string[]> {
    const fields = await loadFields(tx, tenantId, 'company');
    const values: unknown[] = [tenantId];
    const where = customFilterConditions(fields, filters, 'c.custom', binderFor(values));
    const order = sort ? customSortColumns(fields, 'c.custom')[sort.replace(/^-/, '')] : undefined;
    const { rows } = await platform.db.query<{ name: string }>(
      `select c.name from customerconnect.companies c
        where ${['c.tenant_id = $1', ...where].join(' and ')}
        order by ${order ? `${order.sql} ${sort?.startsWith('-') ? 'desc' : 'asc'}, ` : ''}c.name`,
      values,
    );
    return rows.map((row) => row.name);
  }

  it('filters each type on stored values', async () => {
    expect(await filtered(['tier:gold'])).toEqual(['alpha']);
    expect(await filtered(['regions:apac'])).toEqual(['alpha', 'beta']);
    expect(await filtered(['regions:emea'])).toEqual(['alpha']);
    expect(await filtered(['seats>=10'])).toEqual(['alpha']);
    expect(await filtered(['seats<=8.5'])).toEqual(['beta']);
    expect(await filtered(['seats:8.5'])).toEqual(['beta']);
    expect(await filtered(['renewal<=2026-12-31'])).toEqual(['beta']);
    expect(await filtered(['renewal>=2027-01-01'])).toEqual(['alpha']);
    expect(await filtered(['partner:false'])).toEqual(['beta']);
    expect(await filtered(['arr>=1200.00', 'arr<=1200'])).toEqual(['beta']);
    expect(await filtered(['notes:o’brien'])).toEqual(['alpha']);
    expect(await filtered(['tier:gold', 'partner:false'])).toEqual([]);
  });

  it('sorts by a custom field with unset values first ascending', async () => {
    expect(await filtered([], 'custom.seats')).toEqual(['gamma', 'beta', 'alpha']);
    expect(await filtered([], '-custom.arr')).toEqual(['alpha', 'beta', 'gamma']);
    expect(await filtered([], 'custom.tier')).toEqual(['gamma', 'alpha', 'beta']);
    expect(await filtered([], 'custom.renewal')).toEqual(['gamma', 'beta', 'alpha']);
    expect(await filtered([], '-custom.regions')).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('recompiles when the definitions version moves, and only then', async () => {
    const before = await loadFields(tx, tenantId, 'company');
    await platform.db.query(
      `update customerconnect.field_definitions set options = '["gold","silver","bronze"]'
        where tenant_id = $1 and key = 'tier'`,
      [tenantId],
    );
    expect(await loadFields(tx, tenantId, 'company')).toBe(before);
    await bumpFieldsVersion(tx, tenantId);
    const after = await loadFields(tx, tenantId, 'company');
    expect(after.version).toBe(before.version + 1);
    expect(after.byKey.get('tier')?.options).toContain('bronze');
  });
});
