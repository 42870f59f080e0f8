import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';

/**
 * The item as the API shows it, and what requests may send. Every
 * request string has a maximum length (the Spectral rules in .spectral.yaml
 * fail the build otherwise); names go through displayText, which refuses
 * direction controls and invisible characters.
 */
export const Item = z.object({
  id: z.uuid(),
  name: z.string(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Item = z.infer<typeof Item>;

export const ItemParams = z.strictObject({ itemId: z.uuid() });

export const CreateItemBody = z.strictObject({
  name: displayText().min(1, 'Name the item.').max(200),
});
export type CreateItemInput = z.output<typeof CreateItemBody>;

export const ListItemsQuery = z.strictObject({
  ...paginationQuery,
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Only items whose name contains this.' }),
});
export type ListItemsQuery = z.output<typeof ListItemsQuery>;
