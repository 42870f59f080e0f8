import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { auditSealedRead, canReadCompensation, compensationOf, todayOf } from '../domain/compensation';
import { selectCompensationByIds } from '../domain/compensation-rows';
import { employeeScopeOf } from '../domain/employee-scope';
import { employeeInScope, selectJobChanges, selectTimelinePage } from './repository';
import type { TimelineEntry, TimelineQuery } from './schemas';

export type TimelineDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'now'>;

/**
 * An employee's history, newest effective first, a page at a time: job
 * changes (every status, so a cancelled plan stays visible) and, for holders
 * of `qultrix:compensation:read` only, compensation rows; a page that shows
 * compensation is audited as a read. The employee must be in the caller's
 * row scope (else 404), as for the record itself.
 */
export async function employeeTimeline(
  employeeId: string,
  query: TimelineQuery,
  deps: TimelineDeps,
): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
  const { tx, principal } = deps;
  const { tenantId } = principal;
  if (!(await employeeInScope(tx, tenantId, employeeId, employeeScopeOf(principal))))
    throw new NotFoundError('Employee');
  const withCompensation = canReadCompensation(principal);
  const page = await selectTimelinePage(tx, tenantId, employeeId, withCompensation, {
    cursor: query.cursor,
    limit: query.limit,
  });
  const idsOf = (type: TimelineEntry['type']) =>
    page.items.filter((item) => item.type === type).map((item) => item.id);
  const jobChanges = new Map(
    (await selectJobChanges(tx, tenantId, idsOf('job_change'))).map((c) => [c.id, c]),
  );
  const compensationRows = await selectCompensationByIds(
    tx,
    tenantId,
    idsOf('compensation'),
    todayOf(deps.now()),
  );
  const compensation = new Map(
    await Promise.all(
      compensationRows.map(async (row) => [row.id, await compensationOf(tenantId, row)] as const),
    ),
  );
  if (compensation.size > 0)
    await auditSealedRead(deps, employeeId, {
      fields: 'compensation',
      via: 'timeline',
      rows: compensation.size,
    });
  return {
    items: page.items.map((item) => ({
      ...item,
      jobChange: jobChanges.get(item.id) ?? null,
      compensation: compensation.get(item.id) ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}
