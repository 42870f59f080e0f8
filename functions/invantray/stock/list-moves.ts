import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectMoves } from './moves-repository';
import type { ListMovesQuery } from './schemas';

export type ListMovesDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** The stock ledger newest first, a page at a time. */
export function listMoves(query: ListMovesQuery, deps: ListMovesDeps) {
  return selectMoves(deps.tx, deps.principal.tenantId, query);
}
