import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { createCategory } from './create-category';
import { deleteCategory } from './delete-category';
import { getCategory } from './get-category';
import { listCategories } from './list-categories';
import { categoriesService } from './service';
import { updateCategory } from './update-category';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(categoriesService, {
  listCategories: async ({ inTenant }) => ({ body: await inTenant((deps) => listCategories(deps)) }),
  createCategory: async ({ body, inTenant }) => {
    const category = await inTenant((deps) => createCategory(body, deps));
    return {
      body: category,
      headers: { Location: `/v1/invantray/categories/${category.id}`, ...etag(category.version) },
    };
  },
  getCategory: async ({ params, inTenant }) => {
    const category = await inTenant((deps) => getCategory(params.categoryId, deps));
    return { body: category, headers: etag(category.version) };
  },
  updateCategory: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const category = await inTenant((deps) => updateCategory(params.categoryId, version, changes, deps));
    return { body: category, headers: etag(category.version) };
  },
  deleteCategory: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteCategory(params.categoryId, deps));
    return { body: undefined };
  },
});
