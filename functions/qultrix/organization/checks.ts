import { FOREIGN_KEY_VIOLATION, sqlState, UNIQUE_VIOLATION } from '@halooid/shared/db/errors';
import type { Tx } from '@halooid/shared/db/transaction';
import { AppError, BusinessRuleError, ConflictError } from '@halooid/shared/errors';

/**
 * The checks departments, positions and locations share. Table and column
 * names come from the constants of this folder, never from a request.
 */

/** The id of the row (other than `exceptId`) whose `column` equals `value` case-insensitively. */
export async function holderOf(
  tx: Tx,
  table: string,
  column: string,
  tenantId: string,
  value: string,
  exceptId: string | null,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `select id from qultrix.${table}
      where tenant_id = $1 and lower(${column}) = lower($2) and id is distinct from $3`,
    [tenantId, value, exceptId],
  );
  return rows[0]?.id;
}

/**
 * A name another row has: a 409 naming that row, so a client can go there.
 * `what` is the resource ("Department"), `field` the body field.
 */
export async function assertUnique(
  tx: Tx,
  where: { table: string; column: string; what: string; field: string },
  tenantId: string,
  value: string,
  exceptId: string | null,
): Promise<void> {
  const holder = await holderOf(tx, where.table, where.column, tenantId, value, exceptId);
  if (!holder) return;
  const code = `${where.what.toLowerCase()}_${where.field}_taken`;
  throw new AppError(409, code, `${where.what} ${holder} already has this ${where.field}.`, {
    errors: [
      { field: `body.${where.field}`, code, message: `Used by ${where.what.toLowerCase()} ${holder}.` },
    ],
  });
}

/** Does this row exist in the tenant? */
export async function exists(tx: Tx, table: string, tenantId: string, id: string): Promise<boolean> {
  const { rows } = await tx.query<{ found: boolean }>(
    `select exists (select 1 from qultrix.${table} where tenant_id = $1 and id = $2) as found`,
    [tenantId, id],
  );
  return rows[0]?.found === true;
}

/** A reference to a row the tenant does not have: a 422 on that field. */
export function missingReference(field: string, what: string): BusinessRuleError {
  const code = `${field.replace(/Id$/, '').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_not_found`;
  return new BusinessRuleError(code, `The ${what} is not one of this tenant's.`, [
    { field: `body.${field}`, code, message: `No such ${what}.` },
  ]);
}

export function versionConflict(what: string, current: number, sent: number): ConflictError {
  return new ConflictError(
    `The ${what} changed since you read it (version ${current}, not ${sent}). Read it again.`,
    'version_conflict',
  );
}

/**
 * A write that lost a race after the pre-checks passed: a unique index taken
 * by a concurrent write, or a referenced row deleted (or a deleted row
 * referenced) meanwhile. Still a 409, never a 500.
 */
export function asConflict(error: unknown, what: string): never {
  const state = sqlState(error);
  if (state === UNIQUE_VIOLATION) {
    // The index names the field: departments_name_idx, departments_code_idx, positions_title_idx…
    const constraint = (error as { constraint?: string }).constraint ?? '';
    const field = /_(name|code|title)_idx$/.exec(constraint)?.[1] ?? 'name';
    throw new ConflictError(`Another ${what} has this ${field}.`, `${what}_${field}_taken`);
  }
  if (state === FOREIGN_KEY_VIOLATION)
    throw new ConflictError(
      `A row this ${what} references, or that references it, changed meanwhile. Read it again.`,
      `${what}_in_use`,
    );
  throw error;
}

/** The fields the body sent (undefined means "leave as is"; null clears). */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The names of the fields whose values differ (objects compared by content, key order aside). */
export function changedFields<T extends object>(before: T, after: T): string[] {
  return Object.keys(after).filter(
    (key) => canonical(before[key as keyof T]) !== canonical(after[key as keyof T]),
  );
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
}
