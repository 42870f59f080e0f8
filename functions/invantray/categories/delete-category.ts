import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { deleteCategoryRow, lockCategory, lockTree, usesOf } from './repository';

export type DeleteCategoryDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/**
 * Deletes an empty category. One with child categories or items is a 409
 * `category_in_use` saying how many: move or re-categorise them first, so a
 * delete never silently un-files items.
 */
export async function deleteCategory(id: string, deps: DeleteCategoryDeps): Promise<void> {
  const { tx } = deps;
  const { tenantId } = deps.principal;
  await lockTree(tx, tenantId);
  if (!(await lockCategory(tx, tenantId, id))) throw new NotFoundError('Category');
  const uses = await usesOf(tx, tenantId, id);
  if (uses.children > 0 || uses.items > 0)
    throw new ConflictError(
      `The category has ${uses.children} child categories and ${uses.items} items; move them first.`,
      'category_in_use',
      { children: uses.children, items: uses.items },
    );
  await deleteCategoryRow(tx, tenantId, id);
  await recordAudit(tx, deps.actor, {
    action: 'invantray.category.deleted',
    targetType: 'invantray.category',
    targetId: id,
  });
}
