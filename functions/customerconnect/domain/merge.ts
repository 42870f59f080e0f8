import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, NotFoundError } from '@halooid/shared/errors';
import { type FieldChange, recordChange } from './record-changes';
import { type MERGEABLE_OBJECTS, RECORD_TABLES } from './records';
import { binderFor, type Visibility, visibleCondition } from './visibility';

/**
 * What merging a company or a contact shares. A merge keeps one record (the
 * survivor) and turns the other (the loser, `mergeId` in the API) into a
 * tombstone: `merged_into` names the survivor, reads of the loser's id answer
 * with the survivor (resolveTombstone), lists and search skip it.
 *
 * The order a capability follows, all in one transaction:
 *   1. `lockMergePair`  — both rows locked (`for update`, in id order so two
 *      opposite merges cannot deadlock), both inside the caller's visibility
 *      (else 404), refusing a self-merge and a tombstone on either side (422);
 *   2. its own work: combine fields (`fillMissing`, `unionTags`,
 *      `unionCustom` help), update the survivor, re-point its own children
 *      (a company's contacts and opportunities, a contact's emails, …);
 *   3. `completeMerge`  — activity links and timeline history move to the
 *      survivor, the loser becomes the tombstone (older tombstones pointing at
 *      the loser now point at the survivor), a `merged` timeline row on both;
 *   4. its event (`company.merged` / `contact.merged`) and the audit record.
 */
export type MergeableObject = (typeof MERGEABLE_OBJECTS)[number];

/** Hops resolveTombstone follows at most (chains are flattened on merge, so one is the norm). */
export const MAX_TOMBSTONE_HOPS = 10;

export interface MergeRow {
  id: string;
  owner_id: string | null;
  merged_into: string | null;
  version: number;
}

export interface LockedPair {
  survivor: MergeRow;
  loser: MergeRow;
}

const LABELS: Record<MergeableObject, string> = { company: 'Company', contact: 'Contact' };

/**
 * Locks survivor and loser for the merge and checks they can merge: the same
 * id is a 422 `merge_into_itself`; either row missing or outside `visibility`
 * is a 404 (the same as any read); a tombstone on either side is a 422
 * `already_merged` (merge into its survivor instead).
 */
export async function lockMergePair(
  tx: Tx,
  object: MergeableObject,
  tenantId: string,
  survivorId: string,
  loserId: string,
  visibility: Visibility,
): Promise<LockedPair> {
  if (survivorId === loserId)
    throw new BusinessRuleError('merge_into_itself', `A ${object} cannot be merged into itself.`, [
      { field: 'body.mergeId', message: 'Name another record.', code: 'merge_into_itself' },
    ]);
  const values: unknown[] = [tenantId, [survivorId, loserId]];
  const visible = visibleCondition(visibility, tenantId, 'owner_id', binderFor(values));
  const { rows } = await tx.query<MergeRow>(
    `select id, owner_id, merged_into, version from ${RECORD_TABLES[object]}
      where tenant_id = $1 and id = any($2::uuid[]) and ${visible}
      order by id
      for update`,
    values,
  );
  const survivor = rows.find((row) => row.id === survivorId);
  const loser = rows.find((row) => row.id === loserId);
  if (!survivor || !loser) throw new NotFoundError(LABELS[object]);
  for (const row of [survivor, loser]) {
    if (row.merged_into !== null)
      throw new BusinessRuleError(
        'already_merged',
        `${LABELS[object]} ${row.id} was already merged into ${row.merged_into}; merge with that one instead.`,
        [
          {
            field: row === loser ? 'body.mergeId' : `params.${object}Id`,
            message: `Already merged into ${row.merged_into}.`,
            code: 'already_merged',
          },
        ],
      );
  }
  return { survivor, loser };
}

export interface CompleteMergeInput {
  tenantId: string;
  survivorId: string;
  loserId: string;
  /** The user merging; null for an API key. */
  changedBy: string | null;
  /** Field changes the merge made to the survivor (its `merged` timeline row lists them after `mergedId`). */
  survivorChanges?: readonly FieldChange[];
  newId: () => string;
}

/**
 * Step 3 of a merge (see the top of this file): run it after the survivor's
 * own update, in the same transaction, on a pair from `lockMergePair`.
 */
export async function completeMerge(
  tx: Tx,
  object: MergeableObject,
  input: CompleteMergeInput,
): Promise<void> {
  const { tenantId, survivorId, loserId } = input;
  // Activity links: an activity linked to both keeps one link.
  await tx.query(
    `insert into customerconnect.activity_links (tenant_id, activity_id, record_type, record_id)
     select tenant_id, activity_id, record_type, $3 from customerconnect.activity_links
      where tenant_id = $1 and record_type = $2 and record_id = $4
     on conflict do nothing`,
    [tenantId, object, survivorId, loserId],
  );
  await tx.query(
    'delete from customerconnect.activity_links where tenant_id = $1 and record_type = $2 and record_id = $3',
    [tenantId, object, loserId],
  );
  // The loser's timeline joins the survivor's.
  await tx.query(
    `update customerconnect.record_changes set record_id = $3
      where tenant_id = $1 and record_type = $2 and record_id = $4`,
    [tenantId, object, survivorId, loserId],
  );
  const table = RECORD_TABLES[object];
  await tx.query(
    `update ${table} set merged_into = $3, merged_at = now(), version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2`,
    [tenantId, loserId, survivorId],
  );
  // Flatten: earlier tombstones of the loser now point straight at the survivor.
  await tx.query(`update ${table} set merged_into = $3 where tenant_id = $1 and merged_into = $2`, [
    tenantId,
    loserId,
    survivorId,
  ]);
  await recordChange(tx, {
    tenantId,
    recordType: object,
    recordId: survivorId,
    kind: 'merged',
    changes: [{ field: 'mergedId', from: null, to: loserId }, ...(input.survivorChanges ?? [])],
    changedBy: input.changedBy,
    id: input.newId(),
  });
  await recordChange(tx, {
    tenantId,
    recordType: object,
    recordId: loserId,
    kind: 'merged',
    changes: [{ field: 'mergedInto', from: null, to: survivorId }],
    changedBy: input.changedBy,
    id: input.newId(),
  });
}

/**
 * The survivor's id when `id` is a tombstone (following `merged_into` up to
 * MAX_TOMBSTONE_HOPS), else null (a live record, or no such row). It does not
 * check visibility: read the survivor through the visibility rule after.
 */
export async function resolveTombstone(
  tx: Tx,
  object: MergeableObject,
  tenantId: string,
  id: string,
): Promise<string | null> {
  const table = RECORD_TABLES[object];
  const { rows } = await tx.query<{ id: string; merged_into: string | null; hop: number }>(
    `with recursive chain (id, merged_into, hop) as (
       select id, merged_into, 0 from ${table} where tenant_id = $1 and id = $2
       union all
       select t.id, t.merged_into, chain.hop + 1 from ${table} t
         join chain on t.tenant_id = $1 and t.id = chain.merged_into
        where chain.hop < $3
     )
     select id, merged_into, hop from chain order by hop desc limit 1`,
    [tenantId, id, MAX_TOMBSTONE_HOPS],
  );
  const last = rows[0];
  if (!last || last.hop === 0) return null;
  return last.id;
}

/**
 * The survivor's plain fields after a merge: it keeps each value it has and
 * takes the loser's where its own is null or an empty string. Returns only the
 * fields that change, ready to update and to list as timeline changes.
 */
export function fillMissing<T extends object>(
  survivor: T,
  loser: T,
  fields: readonly (keyof T & string)[],
): { patch: Partial<T>; changes: FieldChange[] } {
  const patch: Partial<T> = {};
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const own = survivor[field];
    const theirs = loser[field];
    const empty = own === null || own === undefined || own === '';
    if (empty && theirs !== null && theirs !== undefined && theirs !== '') {
      patch[field] = theirs;
      changes.push({ field, from: own ?? null, to: theirs });
    }
  }
  return { patch, changes };
}

/** Tags of both, the survivor's first, each once (case-insensitively). */
export function unionTags(survivor: readonly string[], loser: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of [...survivor, ...loser]) {
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/** Custom values of both; on a key both have, the survivor's value wins. */
export function unionCustom(
  survivor: Record<string, unknown>,
  loser: Record<string, unknown>,
): Record<string, unknown> {
  return { ...loser, ...survivor };
}
