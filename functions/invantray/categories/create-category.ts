import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { MAX_CATEGORIES, MAX_CATEGORY_DEPTH } from '../domain/categories';
import { getCategory } from './get-category';
import { ancestorsOf, countCategories, insertCategory, lockTree, siblingNamed } from './repository';
import type { Category, CreateCategoryInput } from './schemas';

export type CategoryWriteDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

/**
 * Adds a category at the top or under `parentId` (422 `parent_not_found`
 * when it does not exist, `too_deep` beyond 20 levels). A sibling with the
 * same name in any case is a 409 `duplicate_category` naming `existingId`.
 * Tree changes queue on one lock per tenant, so the check holds.
 */
export async function createCategory(input: CreateCategoryInput, deps: CategoryWriteDeps): Promise<Category> {
  const { tx } = deps;
  const { tenantId } = deps.principal;
  const parentId = input.parentId ?? null;
  await lockTree(tx, tenantId);
  if (parentId) {
    const ancestors = await ancestorsOf(tx, tenantId, parentId);
    if (ancestors.length === 0)
      throw new BusinessRuleError('parent_not_found', 'The parent category does not exist.', [
        { field: 'body.parentId', message: 'No such category.', code: 'parent_not_found' },
      ]);
    if (ancestors.length >= MAX_CATEGORY_DEPTH)
      throw new BusinessRuleError('too_deep', `Categories nest at most ${MAX_CATEGORY_DEPTH} levels deep.`);
  }
  const existingId = await siblingNamed(tx, tenantId, parentId, input.name);
  if (existingId)
    throw new ConflictError(`A category named ${input.name} is already there.`, 'duplicate_category', {
      existingId,
    });
  if ((await countCategories(tx, tenantId)) >= MAX_CATEGORIES)
    throw new BusinessRuleError('too_many_categories', `A tenant has at most ${MAX_CATEGORIES} categories.`);
  const id = deps.newId();
  await insertCategory(tx, { tenantId, id, parentId, name: input.name });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.category.created',
    targetType: 'invantray.category',
    targetId: id,
    details: { parentId },
  });
  return getCategory(id, deps);
}
