import type { Principal } from '@halooid/shared/auth/principal';
import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import {
  type CompiledFields,
  customFilterConditions,
  customSortColumns,
  loadFields,
} from '../domain/custom-fields';
import type { Opportunity } from '../domain/opportunity';
import {
  OPPORTUNITY_COLUMNS,
  OPPORTUNITY_FROM,
  type OpportunityRow,
  opportunityScope,
  toOpportunity,
} from '../domain/opportunity-repository';
import type { ListOpportunitiesQuery } from './schemas';

export type ListOpportunitiesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** The list's sort allowlist; `rank` is the board's order within a stage (compared as float8, kept far from its precision). */
export const OPPORTUNITY_SORTS: Record<string, SortColumn> = {
  createdAt: { sql: 'o.created_at', type: 'timestamptz' },
  updatedAt: { sql: 'o.updated_at', type: 'timestamptz' },
  stageEnteredAt: { sql: 'o.stage_entered_at', type: 'timestamptz' },
  name: { sql: 'lower(o.name)', type: 'text' },
  amount: { sql: "coalesce(o.amount::float8, '-Infinity'::float8)", type: 'float8' },
  expectedCloseDate: { sql: "coalesce(o.expected_close_date, '-infinity'::date)", type: 'date' },
  rank: { sql: 'o.rank::float8', type: 'float8' },
};
export const ID_SORT: SortColumn = { sql: 'o.id', type: 'uuid' };

/** `ownerId=me` is the caller (nobody, for an API key). */
export function ownerFilter(ownerId: string | undefined, principal: Principal): string | undefined {
  if (ownerId !== 'me') return ownerId;
  return principal.principalType === 'user' ? principal.principalId : '00000000-0000-0000-0000-000000000000';
}

/** `like` pattern for "contains", with the pattern characters of the term escaped (the trigram index serves it). */
export const containsPattern = (term: string) =>
  `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function sortsFor(fields: CompiledFields): Record<string, SortColumn> {
  return { ...OPPORTUNITY_SORTS, ...customSortColumns(fields, 'o.custom') };
}

/** One page of the opportunities the caller may see, filtered and sorted (keyset-paged). */
export async function listOpportunities(
  query: ListOpportunitiesQuery,
  deps: ListOpportunitiesDeps,
): Promise<{ items: Opportunity[]; nextCursor: string | null }> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const fields = await loadFields(tx, tenantId, 'opportunity');
  const terms = parseSort(query.sort, sortsFor(fields), '-createdAt', ID_SORT);
  const scope = await opportunityScope(tx, principal);
  const filter = filterOf([tenantId], ['o.tenant_id = $1']);
  filter.where.push(scope(filter.bind));
  const equal = (column: string, value: string | undefined) => {
    if (value !== undefined) filter.where.push(`${column} = ${filter.bind(value)}`);
  };
  equal('o.pipeline_id', query.pipelineId);
  equal('o.stage_id', query.stageId);
  equal('o.status', query.status);
  equal('o.owner_id', ownerFilter(query.ownerId, principal));
  equal('o.company_id', query.companyId);
  if (query.contactId)
    filter.where.push(`exists (select 1 from customerconnect.opportunity_contacts oc
      where oc.tenant_id = o.tenant_id and oc.opportunity_id = o.id and oc.contact_id = ${filter.bind(query.contactId)})`);
  if (query.q) filter.where.push(`lower(o.name) like ${filter.bind(containsPattern(query.q))}`);
  if (query.closeFrom) filter.where.push(`o.expected_close_date >= ${filter.bind(query.closeFrom)}::date`);
  if (query.closeTo) filter.where.push(`o.expected_close_date <= ${filter.bind(query.closeTo)}::date`);
  if (query.minAmount) filter.where.push(`o.amount >= ${filter.bind(query.minAmount)}::numeric`);
  filter.where.push(...customFilterConditions(fields, query.custom, 'o.custom', filter.bind));
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${OPPORTUNITY_COLUMNS}, ${sortValues} from ${OPPORTUNITY_FROM}`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: OpportunityRow & Record<string, unknown>) => toOpportunity(row),
  });
}
