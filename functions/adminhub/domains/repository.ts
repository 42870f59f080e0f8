import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { type Domain, TXT_PREFIX } from './schemas';

/** SQL for adminhub.domains; every statement filters by tenant_id (RLS is the backstop). */
interface DomainRow {
  id: string;
  domain: string;
  token: string;
  status: Domain['status'];
  created_by: string | null;
  created_at: Date;
  last_checked_at: Date | null;
  verified_at: Date | null;
}

const COLUMNS = 'id, domain, token, status, created_by, created_at, last_checked_at, verified_at';
const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

function toDomain(row: DomainRow): Domain {
  return {
    id: row.id,
    domain: row.domain,
    status: row.status,
    txtRecord: { name: row.domain, type: 'TXT', value: `${TXT_PREFIX}${row.token}` },
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    lastCheckedAt: row.last_checked_at?.toISOString() ?? null,
    verifiedAt: row.verified_at?.toISOString() ?? null,
  };
}

/** A new pending domain; undefined when the tenant already has it (unique (tenant_id, domain)). */
export async function insertDomain(
  tx: Tx,
  domain: { tenantId: string; id: string; domain: string; token: string; createdBy: string | null },
): Promise<Domain | undefined> {
  const { rows } = await tx.query<DomainRow>(
    `insert into adminhub.domains (tenant_id, id, domain, token, created_by)
     values ($1, $2, $3, $4, $5)
     on conflict (tenant_id, domain) do nothing
     returning ${COLUMNS}`,
    [domain.tenantId, domain.id, domain.domain, domain.token, domain.createdBy],
  );
  return rows[0] && toDomain(rows[0]);
}

export async function selectDomainIdByName(tx: Tx, tenantId: string, domain: string) {
  const { rows } = await tx.query<{ id: string }>(
    'select id from adminhub.domains where tenant_id = $1 and domain = $2',
    [tenantId, domain],
  );
  return rows[0]?.id;
}

export async function selectDomain(tx: Tx, tenantId: string, id: string): Promise<Domain | undefined> {
  const { rows } = await tx.query<DomainRow>(
    `select ${COLUMNS} from adminhub.domains where tenant_id = $1 and id = $2`,
    [tenantId, id],
  );
  return rows[0] && toDomain(rows[0]);
}

/** Records a check; `verified` turns the domain verified (the cross-tenant unique index may refuse it: 23505). */
export async function markChecked(
  tx: Tx,
  tenantId: string,
  id: string,
  verified: boolean,
): Promise<Domain | undefined> {
  const { rows } = await tx.query<DomainRow>(
    `update adminhub.domains
        set last_checked_at = now(),
            status = case when $3 then 'verified' else status end,
            verified_at = case when $3 and verified_at is null then now() else verified_at end
      where tenant_id = $1 and id = $2
      returning ${COLUMNS}`,
    [tenantId, id, verified],
  );
  return rows[0] && toDomain(rows[0]);
}

export async function deleteDomain(tx: Tx, tenantId: string, id: string): Promise<Domain | undefined> {
  const { rows } = await tx.query<DomainRow>(
    `delete from adminhub.domains where tenant_id = $1 and id = $2 returning ${COLUMNS}`,
    [tenantId, id],
  );
  return rows[0] && toDomain(rows[0]);
}

/** Newest first; keyset-paged. */
export function selectDomains(
  tx: Tx,
  tenantId: string,
  page: { cursor?: string | undefined; limit: number },
) {
  return selectPage(tx, filterOf([tenantId], ['tenant_id = $1']), {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from adminhub.domains`,
    terms: parseSort(undefined, SORTS, '-createdAt'),
    cursor: page.cursor,
    limit: page.limit,
    map: (row: DomainRow & Record<string, unknown>) => toDomain(row),
  });
}
