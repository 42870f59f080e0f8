import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { Address, Company } from '../domain/company';
import { COMPANY_COLUMNS, type CompanyRow, toCompany } from '../domain/company-repository';
import { type CompiledFields, customFilterConditions, customSortColumns } from '../domain/custom-fields';
import { type Visibility, visibleCondition } from '../domain/visibility';
import type { ListCompaniesQuery } from './schemas';

/** SQL of the companies capability; the row mapping and insert are in domain/company-repository.ts. */
const SORTS: Record<string, SortColumn> = {
  name: { sql: 'lower(name)', type: 'text' },
  createdAt: { sql: 'created_at', type: 'timestamptz' },
  updatedAt: { sql: 'updated_at', type: 'timestamptz' },
};

export type CompanyListFilters = Omit<ListCompaniesQuery, 'limit' | 'cursor'>;

/**
 * One keyset page of the live companies the caller may see (tombstones never
 * list), filtered and sorted as the query says.
 */
export async function selectCompanies(
  tx: Tx,
  context: { tenantId: string; userId: string | null; visibility: Visibility; fields: CompiledFields },
  query: CompanyListFilters & { limit: number; cursor?: string | undefined },
) {
  const { tenantId } = context;
  const filter = filterOf([tenantId], ['tenant_id = $1', 'merged_into is null']);
  filter.where.push(visibleCondition(context.visibility, tenantId, 'owner_id', filter.bind));
  // Bound, never spliced: a search term is data, even its % and _.
  if (query.q) {
    const term = filter.bind(query.q);
    filter.where.push(
      `(strpos(lower(name), lower(${term})) > 0 or strpos(coalesce(domain, ''), lower(${term})) > 0)`,
    );
  }
  if (query.ownerId) {
    const owner = query.ownerId === 'me' ? context.userId : query.ownerId;
    filter.where.push(owner ? `owner_id = ${filter.bind(owner)}` : 'false');
  }
  if (query.industry) filter.where.push(`lower(industry) = lower(${filter.bind(query.industry)})`);
  if (query.size) filter.where.push(`size = ${filter.bind(query.size)}`);
  if (query.tag) filter.where.push(`tags @> array[${filter.bind(query.tag)}::text]`);
  filter.where.push(...customFilterConditions(context.fields, query.custom, 'custom', filter.bind));
  const sorts = { ...SORTS, ...customSortColumns(context.fields, 'custom') };
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COMPANY_COLUMNS}, ${sortValues} from customerconnect.companies`,
    terms: parseSort(query.sort, sorts, '-createdAt'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: CompanyRow & Record<string, unknown>) => toCompany(row),
  });
}

/** The stored fields of a company after a change (API names). */
export interface CompanyFieldsRow {
  name: string;
  domain: string | null;
  industry: string | null;
  size: Company['size'];
  phone: string | null;
  website: string | null;
  address: Address | null;
  ownerId: string | null;
  tags: string[];
  custom: Record<string, unknown>;
}

/** Writes every field and bumps the version, only if `version` is still current; undefined when it is not. */
export async function updateCompanyRow(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  fields: CompanyFieldsRow,
): Promise<Company | undefined> {
  const { rows } = await tx.query<CompanyRow>(
    `update customerconnect.companies
        set name = $4, domain = $5, industry = $6, size = $7, phone = $8, website = $9, address = $10::jsonb,
            owner_id = $11, tags = $12::text[], custom = $13::jsonb, version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2 and version = $3
      returning ${COMPANY_COLUMNS}`,
    [
      tenantId,
      id,
      version,
      fields.name,
      fields.domain,
      fields.industry,
      fields.size,
      fields.phone,
      fields.website,
      fields.address ? JSON.stringify(fields.address) : null,
      fields.ownerId,
      fields.tags,
      JSON.stringify(fields.custom),
    ],
  );
  return rows[0] ? toCompany(rows[0]) : undefined;
}

/**
 * A merge's children: the loser's contacts and opportunities now belong to
 * the survivor (every one, whoever may see it: they follow their company).
 * Returns how many moved.
 */
export async function moveCompanyChildren(
  tx: Tx,
  tenantId: string,
  survivorId: string,
  loserId: string,
): Promise<{ contacts: number; opportunities: number }> {
  const contacts = await tx.query(
    `update customerconnect.contacts set company_id = $2, version = version + 1, updated_at = now()
      where tenant_id = $1 and company_id = $3`,
    [tenantId, survivorId, loserId],
  );
  const opportunities = await tx.query(
    `update customerconnect.opportunities set company_id = $2, version = version + 1, updated_at = now()
      where tenant_id = $1 and company_id = $3`,
    [tenantId, survivorId, loserId],
  );
  return { contacts: contacts.rowCount ?? 0, opportunities: opportunities.rowCount ?? 0 };
}

/**
 * The live company of each domain (the oldest, when several), and whether the
 * caller may see it: an import's dedupe lookup for the whole file at once.
 */
export async function companiesByDomains(
  tx: Tx,
  tenantId: string,
  domains: readonly string[],
  visibility: Visibility,
): Promise<Map<string, { id: string; visible: boolean }>> {
  if (domains.length === 0) return new Map();
  const filter = filterOf([tenantId, [...new Set(domains)]], []);
  const visible = visibleCondition(visibility, tenantId, 'owner_id', filter.bind);
  const { rows } = await tx.query<{ id: string; domain: string; visible: boolean }>(
    `select distinct on (domain) id, domain, ${visible} as visible
       from customerconnect.companies
      where tenant_id = $1 and domain = any($2::text[]) and merged_into is null
      order by domain, created_at, id`,
    filter.params,
  );
  return new Map(rows.map((row) => [row.domain, { id: row.id, visible: row.visible }]));
}
