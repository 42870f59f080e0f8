import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { PendingRevocations } from '../domain/members-revocations';

/** What the member actions need: the request's transaction and caller, and revocations written after commit. */
export interface UserActionDeps extends Pick<RequestDeps, 'tx' | 'principal' | 'actor'> {
  revocations: PendingRevocations['store'];
}
