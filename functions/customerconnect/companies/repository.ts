import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { Company, CreateCompanyInput, ListCompaniesQuery } from './schemas';

/** SQL for customerconnect.companies; every statement filters by tenant_id (RLS is the backstop). */
interface CompanyRow {
  id: string;
  name: string;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, created_by, version, created_at, updated_at';
const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

function toCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function insertCompany(
  tx: Tx,
  company: CreateCompanyInput & { tenantId: string; id: string; createdBy: string | null },
): Promise<Company> {
  const { rows } = await tx.query<CompanyRow>(
    `insert into customerconnect.companies (tenant_id, id, name, created_by)
     values ($1, $2, $3, $4)
     returning ${COLUMNS}`,
    [company.tenantId, company.id, company.name, company.createdBy],
  );
  return toCompany(rows[0] as CompanyRow);
}

export async function selectCompany(tx: Tx, tenantId: string, id: string): Promise<Company | undefined> {
  const { rows } = await tx.query<CompanyRow>(
    `select ${COLUMNS} from customerconnect.companies where tenant_id = $1 and id = $2`,
    [tenantId, id],
  );
  return rows[0] ? toCompany(rows[0]) : undefined;
}

/** Newest first; keyset-paged, so page 500 costs what page 1 costs. */
export async function selectCompanies(tx: Tx, tenantId: string, query: ListCompaniesQuery) {
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  // Bound, never spliced: a search term is data, even its % and _.
  if (query.q) filter.where.push(`strpos(lower(name), lower(${filter.bind(query.q)})) > 0`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from customerconnect.companies`,
    terms: parseSort(undefined, SORTS, '-createdAt'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: CompanyRow & Record<string, unknown>) => toCompany(row),
  });
}
