import type { TaskDeps } from '../domain/task-rules';
import { absencesBetween } from './repository';
import type { Absence, ListAbsencesQuery } from './schemas';

/** Who is away on any day of [from, to]: everyone who may read tasks may see it, to plan around it. */
export function listAbsences(
  query: ListAbsencesQuery,
  deps: Pick<TaskDeps, 'tx' | 'principal'>,
): Promise<{ items: Absence[]; nextCursor: string | null }> {
  return absencesBetween(deps.tx, deps.principal.tenantId, query);
}
