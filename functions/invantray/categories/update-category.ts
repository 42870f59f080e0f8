import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, ConflictError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { checkVersion } from '@halooid/shared/http/versioning';
import { MAX_CATEGORY_DEPTH } from '../domain/categories';
import { getCategory } from './get-category';
import {
  ancestorsOf,
  lockCategory,
  lockTree,
  siblingNamed,
  subtreeHeight,
  updateCategoryRow,
} from './repository';
import type { Category, UpdateCategoryInput } from './schemas';

export type UpdateCategoryDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor'>;

/**
 * Rename and re-parent with optimistic concurrency (409 when `version` is
 * stale). Moving a category under itself or anything below it is a 422
 * `category_cycle`; so is a move that would nest the subtree deeper than 20
 * levels (`too_deep`). A sibling with the same name at the destination is a
 * 409 `duplicate_category`. Its items stay with it.
 */
export async function updateCategory(
  id: string,
  version: number,
  input: Omit<UpdateCategoryInput, 'version'>,
  deps: UpdateCategoryDeps,
): Promise<Category> {
  const { tx } = deps;
  const { tenantId } = deps.principal;
  await lockTree(tx, tenantId);
  const current = await lockCategory(tx, tenantId, id);
  if (!current) throw new NotFoundError('Category');
  checkVersion('category', current.version, version);
  const name = input.name ?? current.name;
  const parentId = input.parentId === undefined ? current.parentId : input.parentId;
  const moved = parentId !== current.parentId;
  if (name === current.name && !moved) return getCategory(id, deps);
  if (moved && parentId) {
    const ancestors = await ancestorsOf(tx, tenantId, parentId);
    if (ancestors.length === 0)
      throw new BusinessRuleError('parent_not_found', 'The parent category does not exist.', [
        { field: 'body.parentId', message: 'No such category.', code: 'parent_not_found' },
      ]);
    if (ancestors.includes(id))
      throw new BusinessRuleError(
        'category_cycle',
        'A category cannot move under itself or a category below it.',
        [
          {
            field: 'body.parentId',
            message: 'This is the category or one below it.',
            code: 'category_cycle',
          },
        ],
      );
    if (ancestors.length + (await subtreeHeight(tx, tenantId, id)) > MAX_CATEGORY_DEPTH)
      throw new BusinessRuleError('too_deep', `Categories nest at most ${MAX_CATEGORY_DEPTH} levels deep.`);
  }
  if (moved || name.toLowerCase() !== current.name.toLowerCase()) {
    const existingId = await siblingNamed(tx, tenantId, parentId, name, id);
    if (existingId)
      throw new ConflictError(`A category named ${name} is already there.`, 'duplicate_category', {
        existingId,
      });
  }
  await updateCategoryRow(tx, tenantId, id, { name, parentId });
  await recordAudit(tx, deps.actor, {
    action: 'invantray.category.updated',
    targetType: 'invantray.category',
    targetId: id,
    details: { changes: [...(name !== current.name ? ['name'] : []), ...(moved ? ['parentId'] : [])] },
  });
  return getCategory(id, deps);
}
