import { NotFoundError } from '@halooid/shared/errors';
import type { CategoryReadDeps } from './list-categories';
import { listCategories } from './list-categories';
import type { Category } from './schemas';

/**
 * One category with its path and counts; another tenant's, or none, is a
 * 404. Read from the whole tree (small, MAX_CATEGORIES) so the subtree count
 * is the same figure the list shows.
 */
export async function getCategory(id: string, deps: CategoryReadDeps): Promise<Category> {
  const { items } = await listCategories(deps);
  const category = items.find((candidate) => candidate.id === id);
  if (!category) throw new NotFoundError('Category');
  return category;
}
