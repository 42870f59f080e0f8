import type { Tx } from '@halooid/shared/db/transaction';
import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { revealsExpected, toCountLine, toCountSummary } from './count-view';
import { selectCount, selectCountLines } from './repository';
import type { Count } from './schemas';

export type GetCountDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One count with its lines, blind or revealed for this caller (count-view.ts); another tenant's is a 404. */
export async function getCount(id: string, deps: GetCountDeps): Promise<Count> {
  return countFor(deps.tx, deps.principal, id);
}

export async function countFor(tx: Tx, principal: GetCountDeps['principal'], id: string): Promise<Count> {
  const row = await selectCount(tx, principal.tenantId, id);
  if (!row) throw new NotFoundError('Count');
  const reveal = revealsExpected(row.status, principal.grants);
  const lines = await selectCountLines(tx, principal.tenantId, id);
  return { ...toCountSummary(row, reveal), lines: lines.map((line) => toCountLine(line, reveal)) };
}
