import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { Delegation, ListDelegationsQuery } from './schemas';

/** SQL for qultrix.approval_delegations; every statement filters by tenant_id. */

const COLUMNS = `d.id, d.delegator_id as "delegatorId", d.delegate_id as "delegateId", d.starts_on::text as "startsOn",
  d.ends_on::text as "endsOn", to_char(d.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"`;

export async function insertDelegation(tx: Tx, tenantId: string, delegation: Omit<Delegation, 'createdAt'>) {
  const { rows } = await tx.query<Delegation>(
    `insert into qultrix.approval_delegations as d (tenant_id, id, delegator_id, delegate_id, starts_on, ends_on)
     values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
    [
      tenantId,
      delegation.id,
      delegation.delegatorId,
      delegation.delegateId,
      delegation.startsOn,
      delegation.endsOn,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** A delegation the caller takes part in (as delegator or delegate), or any one for HR. */
export async function selectDelegation(
  tx: Tx,
  tenantId: string,
  id: string,
  viewer: { employeeId: string | null; admin: boolean },
): Promise<Delegation | undefined> {
  const { rows } = await tx.query<Delegation>(
    `select ${COLUMNS} from qultrix.approval_delegations d
      where d.tenant_id = $1 and d.id = $2 and ($3::boolean or d.delegator_id = $4 or d.delegate_id = $4)`,
    [tenantId, id, viewer.admin, viewer.employeeId],
  );
  return rows[0];
}

const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'd.created_at', type: 'timestamptz' } };

export function selectDelegations(
  tx: Tx,
  tenantId: string,
  viewer: { employeeId: string | null; admin: boolean; today: string },
  query: ListDelegationsQuery,
) {
  const filter = filterOf(
    [tenantId, viewer.admin, viewer.employeeId],
    ['d.tenant_id = $1', '($2::boolean or d.delegator_id = $3::uuid or d.delegate_id = $3::uuid)'],
  );
  if (query.current) filter.where.push(`d.ends_on >= ${filter.bind(viewer.today)}::date`);
  const terms = parseSort(undefined, SORTS, '-createdAt', { sql: 'd.id', type: 'uuid' });
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from qultrix.approval_delegations d`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: ({
      id,
      delegatorId,
      delegateId,
      startsOn,
      endsOn,
      createdAt,
    }: Delegation & Record<string, unknown>) => ({
      id,
      delegatorId,
      delegateId,
      startsOn,
      endsOn,
      createdAt,
    }),
  });
}

export async function deleteDelegation(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query('delete from qultrix.approval_delegations where tenant_id = $1 and id = $2', [tenantId, id]);
}

/** A delegate must be a current employee who signs in: otherwise nobody could decide in the manager's place. */
export async function delegateProblem(tx: Tx, tenantId: string, employeeId: string): Promise<string | null> {
  const { rows } = await tx.query<{ user_id: string | null; status: string }>(
    'select user_id, status from qultrix.employees where tenant_id = $1 and id = $2',
    [tenantId, employeeId],
  );
  const row = rows[0];
  if (!row) return 'There is no such employee in this tenant.';
  if (row.status === 'terminated') return 'The delegate is terminated.';
  if (!row.user_id) return 'The delegate has no user to sign in with.';
  return null;
}
