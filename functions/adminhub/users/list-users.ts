import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectDirectory } from '../domain/members-directory';
import type { ListUsersQuery } from './schemas';

/** One page of the member directory. */
export function listUsers(query: ListUsersQuery, deps: Pick<RequestDeps, 'tx'>) {
  return selectDirectory(deps.tx, query, query);
}
