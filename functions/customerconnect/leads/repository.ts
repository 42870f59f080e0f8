import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { type CompiledFields, customFilterConditions, customSortColumns } from '../domain/custom-fields';
import { LEAD_COLUMNS, type LeadRow, toLead } from '../domain/leads';
import { type Visibility, visibleCondition } from '../domain/visibility';
import type { ListLeadsQuery } from './schemas';

/** SQL for the leads list; every statement filters by tenant_id and the caller's visibility (RLS is the backstop). */
const SORTS: Record<string, SortColumn> = {
  createdAt: { sql: 'l.created_at', type: 'timestamptz' },
  updatedAt: { sql: 'l.updated_at', type: 'timestamptz' },
  score: { sql: 'l.score', type: 'int' },
  lastName: { sql: 'lower(l.last_name)', type: 'text' },
  companyName: { sql: "lower(coalesce(l.company_name, ''))", type: 'text' },
  status: { sql: 'l.status', type: 'text' },
};

/** One keyset page of the leads the caller may see, filtered and sorted as asked. */
export async function selectLeads(
  tx: Tx,
  tenantId: string,
  query: ListLeadsQuery,
  context: { visibility: Visibility; userId: string | null; fields: CompiledFields },
) {
  const filter = filterOf([tenantId], ['l.tenant_id = $1']);
  filter.where.push(visibleCondition(context.visibility, tenantId, 'l.owner_id', filter.bind));
  if (query.status) filter.where.push(`l.status = ${filter.bind(query.status)}`);
  if (query.source) filter.where.push(`l.source = ${filter.bind(query.source)}`);
  if (query.ownerId === 'none') filter.where.push('l.owner_id is null');
  else if (query.ownerId === 'me') {
    // An API key owns nothing: `me` matches no lead.
    filter.where.push(context.userId ? `l.owner_id = ${filter.bind(context.userId)}::uuid` : 'false');
  } else if (query.ownerId) filter.where.push(`l.owner_id = ${filter.bind(query.ownerId)}::uuid`);
  if (query.tag) {
    filter.where.push(
      `exists (select 1 from unnest(l.tags) as t(tag) where lower(t.tag) = lower(${filter.bind(query.tag)}))`,
    );
  }
  // Bound, never spliced: a search term is data, even its % and _.
  if (query.q) {
    filter.where.push(
      `strpos(lower(coalesce(l.first_name, '') || ' ' || l.last_name || ' ' || coalesce(l.email, '') || ' ' || coalesce(l.company_name, '')), lower(${filter.bind(query.q)})) > 0`,
    );
  }
  filter.where.push(...customFilterConditions(context.fields, query.custom, 'l.custom', filter.bind));
  const sorts = { ...SORTS, ...customSortColumns(context.fields, 'l.custom') };
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${LEAD_COLUMNS}, ${sortValues} from customerconnect.leads l`,
    terms: parseSort(query.sort, sorts, '-createdAt', { sql: 'l.id', type: 'uuid' }),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: LeadRow & Record<string, unknown>) => toLead(row),
  });
}
