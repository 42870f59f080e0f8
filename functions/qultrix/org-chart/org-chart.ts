import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { isCurrentEmployee, selectHeadcount, selectOrgChart } from './repository';
import type { Headcount, HeadcountQuery, OrgChartNode, OrgChartQuery } from './schemas';

export type OrgChartDeps = Pick<RequestDeps, 'tx' | 'principal' | 'now'>;

/** The chart from `rootId` (a current employee of the tenant, else 404) or from every top-level employee. */
export async function orgChart(query: OrgChartQuery, deps: OrgChartDeps): Promise<{ items: OrgChartNode[] }> {
  const { tx, principal } = deps;
  if (query.rootId && !(await isCurrentEmployee(tx, principal.tenantId, query.rootId)))
    throw new NotFoundError('Employee');
  return { items: await selectOrgChart(tx, principal.tenantId, query.rootId ?? null, query.depth) };
}

/** Headcount per group on a day (today in UTC unless `asOf` says otherwise), with the total. */
export async function headcount(query: HeadcountQuery, deps: OrgChartDeps): Promise<Headcount> {
  const asOf = query.asOf ?? deps.now().toISOString().slice(0, 10);
  const groups = await selectHeadcount(deps.tx, deps.principal.tenantId, query.groupBy, asOf);
  return {
    asOf,
    groupBy: query.groupBy,
    total: groups.reduce((sum, group) => sum + group.count, 0),
    groups,
  };
}
