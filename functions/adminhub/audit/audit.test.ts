import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { parseCsv } from '@halooid/shared/http/csv';
import { describe, expect, it } from 'vitest';
import { EXPORT_HEADER, EXPORT_MAX_ROWS, exportAudit } from './export-audit';
import { auditFilter } from './repository';
import { ExportAuditQuery, ListAuditQuery } from './schemas';

const principal: Principal = {
  tenantId: '0195e0a0-0000-7000-8000-000000000001',
  principalId: '0195e0a0-0000-7000-8000-000000000002',
  principalType: 'user',
  grants: ['adminhub:*:*'],
};
const now = new Date('2026-06-01T00:00:00.000Z');

/** A transaction that records each statement and answers each with the next batch of rows. */
function fakeTx(batches: Record<string, unknown>[][]) {
  const statements: { text: string; values: readonly unknown[] }[] = [];
  const tx = {
    query: async (text: string, values: readonly unknown[] = []) => {
      statements.push({ text, values });
      return { rows: batches.shift() ?? [] };
    },
  } as unknown as Tx;
  return { tx, statements };
}

function auditRow(index: number, overrides: Record<string, unknown> = {}) {
  const occurredAt = new Date(now.getTime() - index * 1000);
  const id = `0195e0a0-0000-7000-8000-${String(index).padStart(12, '0')}`;
  return {
    id,
    occurred_at: occurredAt,
    actor_id: principal.principalId,
    actor_type: 'user',
    actor_name: 'Ada Admin',
    actor_email: 'admin@acme.example',
    action: 'platform.member.roles_changed',
    target_type: 'member',
    target_id: 'u-1',
    ip: '203.0.113.7',
    correlation_id: 'c-1',
    details: { roles: ['admin'] },
    __sort0: occurredAt.toISOString(),
    __sort1: id,
    ...overrides,
  };
}

describe('audit filters', () => {
  it('accepts an exact action or a prefix ending in .*, and refuses wildcards anywhere else', () => {
    expect(ListAuditQuery.parse({ action: 'invantray.*' }).action).toBe('invantray.*');
    expect(ListAuditQuery.parse({ action: 'tenant.updated' }).action).toBe('tenant.updated');
    expect(ListAuditQuery.safeParse({ action: 'inv%' }).success).toBe(false);
    expect(ListAuditQuery.safeParse({ action: '*.created' }).success).toBe(false);
    expect(ListAuditQuery.safeParse({ q: 'x'.repeat(201) }).success).toBe(false);
    expect(ListAuditQuery.safeParse({ from: '0000-01-01T00:00:00Z' }).success).toBe(false);
    expect(ListAuditQuery.safeParse({ tenantId: principal.tenantId }).success).toBe(false);
    expect(ExportAuditQuery.parse({})).toEqual({ format: 'csv' });
  });

  it('binds every value, turns a prefix into an escaped LIKE and splits type:id targets', () => {
    const filter = auditFilter(
      principal.tenantId,
      {
        actor: 'apikey:k1',
        action: 'platform.api_key.*',
        target: 'member:apikey:x',
        to: '2026-05-01T00:00:00Z',
      },
      now,
    );

    expect(filter.where).toEqual([
      'a.tenant_id = $1',
      'a.actor_id = $2',
      'a.action like $3',
      'a.target_type = $4',
      'a.target_id = $5',
      'a.occurred_at < $6::timestamptz',
    ]);
    expect(filter.params).toEqual([
      principal.tenantId,
      'apikey:k1',
      'platform.api\\_key.%',
      'member',
      'apikey:x',
      '2026-05-01T00:00:00Z',
    ]);
  });

  it('keeps free text to the last 90 days unless the caller gives a start', () => {
    const windowed = auditFilter(principal.tenantId, { q: "'; drop table" }, now);
    const started = auditFilter(principal.tenantId, { q: 'x', from: '2020-01-01T00:00:00Z' }, now);

    expect(windowed.params).toEqual([principal.tenantId, '2026-03-03T00:00:00.000Z', "'; drop table"]);
    expect(windowed.where.join(' ')).not.toContain('drop table');
    expect(started.params).toEqual([principal.tenantId, '2020-01-01T00:00:00Z', 'x']);
  });
});

describe('audit export', () => {
  it('writes CSV with a formula-looking cell defused and details as JSON', async () => {
    const { tx } = fakeTx([[auditRow(1, { target_id: '=HYPERLINK("http://evil")' })]]);

    const file = await exportAudit({ format: 'csv' }, { tx, principal, now: () => now });

    const [header, line] = parseCsv(file.body);
    expect(header).toEqual([...EXPORT_HEADER]);
    expect(line?.[7]).toBe(`'=HYPERLINK("http://evil")`);
    expect(line?.[10]).toBe('{"roles":["admin"]}');
    expect(file).toMatchObject({ rows: 1, truncated: false });
  });

  it('writes one JSON entry per line, as the list shows it', async () => {
    const { tx } = fakeTx([[auditRow(1), auditRow(2)]]);

    const file = await exportAudit({ format: 'jsonl' }, { tx, principal, now: () => now });

    const lines = file.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      action: 'platform.member.roles_changed',
      actor: { id: principal.principalId, type: 'user', name: 'Ada Admin', email: 'admin@acme.example' },
      target: { type: 'member', id: 'u-1' },
      ip: '203.0.113.7',
    });
  });

  it(`stops at ${EXPORT_MAX_ROWS} rows and says the file is truncated`, async () => {
    // Each page asks for limit + 1 rows; answering them all means "there is more".
    const pages = Array.from({ length: EXPORT_MAX_ROWS / 500 }, (_, page) =>
      Array.from({ length: 501 }, (_, index) => auditRow(page * 500 + index + 1)),
    );
    const { tx, statements } = fakeTx(pages);

    const file = await exportAudit({ format: 'jsonl' }, { tx, principal, now: () => now });

    expect(file).toMatchObject({ rows: EXPORT_MAX_ROWS, truncated: true });
    expect(statements).toHaveLength(EXPORT_MAX_ROWS / 500);
  });
});
