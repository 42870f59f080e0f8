import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';

/** Item categories: a tree of any shape up to 20 levels, names unique among siblings (any case). */
export const Category = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  path: z.array(z.string()).meta({ description: 'Names from the root down: ["Tools", "Power tools"].' }),
  itemCount: z.number().int().meta({ description: 'Items in this category and every category below it.' }),
  directItemCount: z.number().int().meta({ description: 'Items in this category itself.' }),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Category = z.infer<typeof Category>;

export const CategoryList = z.object({
  items: z.array(Category).meta({ description: 'The whole tree, a parent right before its children.' }),
});

export const CategoryParams = z.strictObject({ categoryId: z.uuid() });

const Name = displayText().min(1, 'Name the category.').max(100);

export const CreateCategoryBody = z.strictObject({
  name: Name,
  parentId: z
    .uuid()
    .nullable()
    .optional()
    .meta({ description: 'The parent category; none: a top level one.' }),
});
export type CreateCategoryInput = z.output<typeof CreateCategoryBody>;

export const UpdateCategoryBody = z
  .strictObject({
    // First: the security sweep grows a minimal body in property order, and a PATCH needs its version.
    version: VersionField,
    name: Name.optional(),
    parentId: z
      .uuid()
      .nullable()
      .optional()
      .meta({ description: 'Move under this category (null: to the top).' }),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  });
export type UpdateCategoryInput = z.output<typeof UpdateCategoryBody>;
