import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { categoryTree } from '../domain/categories';
import { withItemCounts } from './category-counts';
import { directItemCounts } from './repository';
import type { Category } from './schemas';

export type CategoryReadDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** The tenant's whole category tree, flat, a parent right before its children, with item counts. */
export async function listCategories(deps: CategoryReadDeps): Promise<{ items: Category[] }> {
  const { tx } = deps;
  const { tenantId } = deps.principal;
  const nodes = await categoryTree(tx, tenantId);
  return { items: withItemCounts(nodes, await directItemCounts(tx, tenantId)) };
}
