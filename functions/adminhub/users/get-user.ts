import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { requireDirectoryMember } from '../domain/members-access';

/** One member of the tenant; anyone else is a 404. */
export function getUser(memberId: string, deps: Pick<RequestDeps, 'tx'>) {
  return requireDirectoryMember(deps.tx, memberId);
}
