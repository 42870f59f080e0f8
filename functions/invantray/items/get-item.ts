import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectItem } from './repository';
import type { Item } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type GetItemDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One item of the caller's tenant; anything else (another tenant's, a deleted one) is a 404. */
export async function getItem(id: string, deps: GetItemDeps): Promise<Item> {
  const item = await selectItem(deps.tx, deps.principal.tenantId, id);
  if (!item) throw new NotFoundError('Item');
  return item;
}
