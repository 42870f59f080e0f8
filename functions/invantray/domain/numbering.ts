import type { Tx } from '@halooid/shared/db/transaction';

/** What a number is for, and how it is spelt: PO-00042, REQ-00007, CNT-00003, RCV-00012. */
const PREFIXES = {
  purchase_order: 'PO',
  requisition: 'REQ',
  count: 'CNT',
  receipt: 'RCV',
} as const;
export type NumberKind = keyof typeof PREFIXES;

/**
 * The tenant's next number of a kind. The upsert takes the counter row's
 * lock, so two requests numbering at once queue and get consecutive numbers;
 * the lock is held to the end of the transaction, which is short. A rollback
 * leaves a gap, never a duplicate (a unique index backs every number column).
 */
export async function nextNumber(tx: Tx, tenantId: string, kind: NumberKind): Promise<string> {
  const { rows } = await tx.query<{ last_value: string }>(
    `insert into invantray.counters (tenant_id, kind, last_value) values ($1, $2, 1)
     on conflict (tenant_id, kind) do update set last_value = invantray.counters.last_value + 1
     returning last_value`,
    [tenantId, kind],
  );
  return formatNumber(kind, Number(rows[0]?.last_value ?? 1));
}

export function formatNumber(kind: NumberKind, value: number): string {
  return `${PREFIXES[kind]}-${String(value).padStart(5, '0')}`;
}
