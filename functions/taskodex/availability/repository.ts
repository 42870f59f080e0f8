import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { Absence, ListAbsencesQuery } from './schemas';

/** SQL for member absences; every statement filters by tenant_id (RLS is the backstop). */
type AbsenceRow = {
  user_id: string;
  first_day: string;
  last_day: string;
  label: string;
};

export interface AbsenceRecord {
  tenantId: string;
  sourceId: string;
  userId: string;
  startDate: string;
  endDate: string;
  label: string;
}

/** An approval (or a re-approval with other dates) replaces what the same source said before. */
export async function upsertAbsence(tx: Tx, absence: AbsenceRecord): Promise<void> {
  await tx.query(
    `insert into taskodex.member_absences (tenant_id, source_id, user_id, start_date, end_date, label)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (tenant_id, source_id) do update
        set user_id = excluded.user_id, start_date = excluded.start_date, end_date = excluded.end_date,
            label = excluded.label, updated_at = now()`,
    [absence.tenantId, absence.sourceId, absence.userId, absence.startDate, absence.endDate, absence.label],
  );
}

export async function deleteAbsence(tx: Tx, tenantId: string, sourceId: string): Promise<void> {
  await tx.query('delete from taskodex.member_absences where tenant_id = $1 and source_id = $2', [
    tenantId,
    sourceId,
  ]);
}

const BY_START: Record<string, SortColumn> = { startDate: { sql: 'start_date', type: 'date' } };
const SOURCE_ID: SortColumn = { sql: 'source_id', type: 'uuid' };
const terms = parseSort(undefined, BY_START, 'startDate', SOURCE_ID);

/** Absences overlapping [from, to], by first day. */
export function absencesBetween(
  tx: Tx,
  tenantId: string,
  query: ListAbsencesQuery,
): Promise<{ items: Absence[]; nextCursor: string | null }> {
  const filter = filterOf(
    [tenantId, query.from, query.to],
    ['tenant_id = $1', 'start_date <= $3', 'end_date >= $2'],
  );
  return selectPage<AbsenceRow, Absence>(tx, filter, {
    select: (sortValues) =>
      `select user_id, start_date::text as first_day, end_date::text as last_day, label, ${sortValues}
         from taskodex.member_absences`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row) => ({ userId: row.user_id, from: row.first_day, to: row.last_day, label: row.label }),
  });
}
