import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { insertItem } from './repository';
import type { CreateItemInput, Item } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type CreateItemDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId'>;

/** Adds an item to the caller's tenant; an API key's item has no user as its creator. */
export function createItem(input: CreateItemInput, deps: CreateItemDeps): Promise<Item> {
  const { principal } = deps;
  return insertItem(deps.tx, {
    ...input,
    tenantId: principal.tenantId,
    id: deps.newId(),
    createdBy: principal.principalType === 'user' ? principal.principalId : null,
  });
}
