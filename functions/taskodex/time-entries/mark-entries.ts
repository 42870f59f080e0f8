import { BusinessRuleError, ValidationError } from '@halooid/shared/errors';
import type { TimeDeps } from '../domain/time-access';
import { findTimeEntriesForUpdate, markTimeEntries } from '../domain/time-entry-repository';
import type { MarkTimeEntriesInput, TimeEntry } from '../domain/time-entry-schemas';
import { taskodexEvents } from '../events';

/**
 * Marks entries exported (to payroll) or invoiced; from then on they are
 * read-only. All or nothing: one unknown or running entry and nothing changes.
 */
export async function markEntries(input: MarkTimeEntriesInput, deps: TimeDeps): Promise<TimeEntry[]> {
  const { tenantId } = deps.principal;
  const found = await findTimeEntriesForUpdate(deps.tx, tenantId, input.ids);
  const foundIds = new Set(found.map((entry) => entry.id));
  const missing = input.ids.filter((id) => !foundIds.has(id));
  if (missing.length > 0)
    throw new ValidationError(
      `${missing.length} time entr${missing.length === 1 ? 'y was' : 'ies were'} not found.`,
      [{ field: 'body.ids', message: `Not found: ${missing.slice(0, 10).join(', ')}`, code: 'not_found' }],
    );
  const running = found.filter((entry) => entry.running);
  if (running.length > 0)
    throw new BusinessRuleError(
      'timer_running',
      'A running timer cannot be exported or invoiced; stop it first.',
      [
        {
          field: 'body.ids',
          message: `Running: ${running.map((entry) => entry.id).join(', ')}`,
          code: 'timer_running',
        },
      ],
    );
  await markTimeEntries(deps.tx, tenantId, input.ids, input.as);
  const marked = await findTimeEntriesForUpdate(deps.tx, tenantId, input.ids);
  const field = input.as === 'exported' ? 'exportedAt' : 'invoicedAt';
  for (const entry of marked) {
    const before = found.find((candidate) => candidate.id === entry.id);
    if (before?.[field] === null)
      await deps.events.record(taskodexEvents, 'time-entry.updated', { entry, changes: [field] });
  }
  return marked;
}
