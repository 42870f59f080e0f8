import type { Tx } from '@halooid/shared/db/transaction';
import type { RecordObject } from './records';

/**
 * The timeline's field history: one `customerconnect.record_changes` row per
 * create, update, merge or conversion of a company, contact, lead or
 * opportunity, written in the same transaction as the change. `changes` lists
 * each changed field with its value before and after (custom fields as
 * `custom.<key>`, see custom-fields.ts `customChanges`).
 *
 * Values are stored as given: pass API-shaped values (strings, numbers,
 * arrays, plain objects), not Dates (use ISO strings) so the timeline shows
 * what the API shows.
 */
export const RECORD_CHANGE_KINDS = ['created', 'updated', 'merged', 'converted'] as const;
export type RecordChangeKind = (typeof RECORD_CHANGE_KINDS)[number];

export interface FieldChange {
  /** The API field name (`name`, `ownerId`, `custom.tier`). */
  field: string;
  from: unknown;
  to: unknown;
}

export interface RecordChangeInput {
  tenantId: string;
  recordType: RecordObject;
  recordId: string;
  kind: RecordChangeKind;
  /** `[]` is allowed (a `created` or `merged` row may name no fields). */
  changes: readonly FieldChange[];
  /** The user who made the change; null for an API key or the system. */
  changedBy: string | null;
  /** The row's id (deps.newId()). */
  id: string;
  /** When; defaults to the transaction's now(). */
  at?: Date;
}

/** Inserts one timeline row. Call it in the transaction that made the change. */
export async function recordChange(tx: Tx, input: RecordChangeInput): Promise<void> {
  await tx.query(
    `insert into customerconnect.record_changes
       (tenant_id, id, record_type, record_id, kind, changes, changed_by, changed_at)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7, coalesce($8::timestamptz, now()))`,
    [
      input.tenantId,
      input.id,
      input.recordType,
      input.recordId,
      input.kind,
      JSON.stringify(input.changes),
      input.changedBy,
      input.at ?? null,
    ],
  );
}

/** Compares two values the way the API shows them: arrays and objects by content, undefined as null. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a ?? null) === stableJson(b ?? null);
}

function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The changes between two API-shaped records over `fields` (plain fields; add
 * custom ones with custom-fields.ts `customChanges(before.custom, after.custom)`).
 * Unchanged fields are left out; `undefined` counts as `null`; Dates become
 * ISO strings.
 */
export function diffFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = before[field];
    const to = after[field];
    if (!sameValue(from, to)) changes.push({ field, from: plain(from), to: plain(to) });
  }
  return changes;
}

function plain(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return value;
}
