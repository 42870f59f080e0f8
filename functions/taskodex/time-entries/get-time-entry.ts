import { NotFoundError } from '@halooid/shared/errors';
import { assertMayRead, type TimeDeps } from '../domain/time-access';
import { findTimeEntry } from '../domain/time-entry-repository';
import type { TimeEntry } from '../domain/time-entry-schemas';

/** One entry: the caller's own, or anyone's for an approver. */
export async function getTimeEntry(id: string, deps: TimeDeps): Promise<TimeEntry> {
  const entry = await findTimeEntry(deps.tx, deps.principal.tenantId, id);
  if (!entry) throw new NotFoundError('Time entry');
  assertMayRead(deps.principal, entry.userId);
  return entry;
}
