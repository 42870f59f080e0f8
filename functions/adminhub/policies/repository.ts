import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { CreatePolicyInput, ListPoliciesQuery, Policy } from './schemas';

/** SQL for adminhub.policies; every statement filters by tenant_id (RLS is the backstop). */
interface PolicyRow {
  id: string;
  name: string;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, created_by, version, created_at, updated_at';
const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

function toPolicy(row: PolicyRow): Policy {
  return {
    id: row.id,
    name: row.name,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function insertPolicy(
  tx: Tx,
  policy: CreatePolicyInput & { tenantId: string; id: string; createdBy: string | null },
): Promise<Policy> {
  const { rows } = await tx.query<PolicyRow>(
    `insert into adminhub.policies (tenant_id, id, name, created_by)
     values ($1, $2, $3, $4)
     returning ${COLUMNS}`,
    [policy.tenantId, policy.id, policy.name, policy.createdBy],
  );
  return toPolicy(rows[0] as PolicyRow);
}

export async function selectPolicy(tx: Tx, tenantId: string, id: string): Promise<Policy | undefined> {
  const { rows } = await tx.query<PolicyRow>(
    `select ${COLUMNS} from adminhub.policies where tenant_id = $1 and id = $2`,
    [tenantId, id],
  );
  return rows[0] ? toPolicy(rows[0]) : undefined;
}

/** Newest first; keyset-paged, so page 500 costs what page 1 costs. */
export async function selectPolicies(tx: Tx, tenantId: string, query: ListPoliciesQuery) {
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  // Bound, never spliced: a search term is data, even its % and _.
  if (query.q) filter.where.push(`strpos(lower(name), lower(${filter.bind(query.q)})) > 0`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from adminhub.policies`,
    terms: parseSort(undefined, SORTS, '-createdAt'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: PolicyRow & Record<string, unknown>) => toPolicy(row),
  });
}
