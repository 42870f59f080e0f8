import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { Category, CategoryList, CategoryParams, CreateCategoryBody, UpdateCategoryBody } from './schemas';

/**
 * Item categories: one tree per tenant (Tools → Power tools → Drills) that
 * items are filed in and lists and the stock value report group by. Reading
 * and editing the tree is part of keeping the item catalogue, so it takes
 * the items' grants (`invantray:item:read|write`, declared in items/).
 */
export const categoriesService = defineService({
  product: 'invantray',
  capability: 'categories',
  description: 'The item category tree: list, create, rename, move, delete.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listCategories',
      method: 'GET',
      path: '/v1/invantray/categories',
      permission: 'invantray:item:read',
      summary: 'List the category tree',
      description:
        'The whole tree as one flat list (at most 5,000), a parent right before its children (by name), each with `parentId`, its `path` from the root and `itemCount` (items in it and below it).',
      response: CategoryList,
    }),
    defineRoute({
      operationId: 'createCategory',
      method: 'POST',
      path: '/v1/invantray/categories',
      permission: 'invantray:item:write',
      summary: 'Create a category',
      description:
        'At the top, or under `parentId` (422 `parent_not_found` when it does not exist; 20 levels at most). A sibling with the same name in any case is a 409 `duplicate_category` naming `existingId`. Honours `Idempotency-Key`.',
      body: CreateCategoryBody,
      status: 201,
      response: Category,
    }),
    defineRoute({
      operationId: 'getCategory',
      method: 'GET',
      path: '/v1/invantray/categories/{categoryId}',
      permission: 'invantray:item:read',
      summary: 'Get a category',
      description: "With its path and item counts. Another tenant's category, or none, is a 404.",
      params: CategoryParams,
      response: Category,
    }),
    defineRoute({
      operationId: 'updateCategory',
      method: 'PATCH',
      path: '/v1/invantray/categories/{categoryId}',
      permission: 'invantray:item:write',
      summary: 'Rename or move a category',
      description:
        'Send `version` (or `If-Match`); a stale one gets 409. `parentId` moves the category with everything below it (null: to the top); under itself or a category below it is a 422 `category_cycle`. A sibling with the same name at the destination is a 409 `duplicate_category`.',
      params: CategoryParams,
      body: UpdateCategoryBody,
      headers: IF_MATCH_HEADER,
      response: Category,
    }),
    defineRoute({
      operationId: 'deleteCategory',
      method: 'DELETE',
      path: '/v1/invantray/categories/{categoryId}',
      permission: 'invantray:item:write',
      summary: 'Delete a category',
      description:
        'Only an empty one: a category with child categories or items is a 409 `category_in_use` (`children`, `items`).',
      params: CategoryParams,
      status: 204,
    }),
  ],
});
