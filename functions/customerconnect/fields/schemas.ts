import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { FIELD_TYPES } from '../domain/custom-fields';
import { RecordObjectSchema } from '../domain/records';

/**
 * Custom field definitions as the API shows them and what admins may send.
 * `key` and `type` are fixed at creation: stored values are keyed and typed
 * by them. Options apply to select and multi_select only.
 */

/** How many active definitions one object may have. */
export const MAX_FIELDS_PER_OBJECT = 100;
export const MAX_OPTIONS = 200;

export const FieldType = z.enum(FIELD_TYPES);

export const FieldDefinition = z.object({
  id: z.uuid(),
  object: RecordObjectSchema,
  key: z.string(),
  label: z.string(),
  type: FieldType,
  options: z.array(z.string()),
  required: z.boolean(),
  position: z.number().int(),
  archived: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type FieldDefinition = z.infer<typeof FieldDefinition>;

export const FieldParams = z.strictObject({ fieldId: z.uuid() });

const Label = displayText().min(1, 'Label the field.').max(100);
const Options = z
  .array(displayText().min(1, 'An option cannot be empty.').max(100))
  .min(1, 'A select field needs at least one option.')
  .max(MAX_OPTIONS, `At most ${MAX_OPTIONS} options.`)
  .refine((options) => new Set(options).size === options.length, 'Each option at most once.')
  .meta({
    description: 'The choices of a select or multi_select field (1–200, distinct), in display order.',
  });
const Position = z
  .number()
  .int()
  .min(0)
  .max(100_000)
  .meta({ description: 'Display order within the object (ascending).' });

export const CreateFieldBody = z
  .strictObject({
    object: RecordObjectSchema,
    key: z
      .string()
      .max(40)
      .regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'A letter first, then letters, digits or _ (at most 40).')
      .meta({ description: "The key in records' `custom` (fixed once created), e.g. `renewalDate`." }),
    label: Label,
    type: FieldType.meta({ description: 'The value type (fixed once created).' }),
    options: Options.optional(),
    required: z.boolean().default(false),
    position: Position.optional().meta({ description: 'Display order; after the last field when absent.' }),
  })
  .superRefine((body, context) => {
    const choice = body.type === 'select' || body.type === 'multi_select';
    if (choice && body.options === undefined)
      context.addIssue({ code: 'custom', path: ['options'], message: 'A select field needs its options.' });
    if (!choice && body.options !== undefined)
      context.addIssue({
        code: 'custom',
        path: ['options'],
        message: `A ${body.type} field has no options.`,
      });
  });
export type CreateFieldInput = z.output<typeof CreateFieldBody>;

export const UpdateFieldBody = z
  .strictObject({
    version: VersionField,
    label: Label.optional(),
    options: Options.optional().meta({
      description:
        'The full new list. Removing an option that records still hold is a 409 naming how many do (clear those values first).',
    }),
    required: z.boolean().optional(),
    position: Position.optional(),
    archived: z
      .boolean()
      .optional()
      .meta({ description: 'Archive (hide and stop validating) or restore the field.' }),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  });
export type UpdateFieldInput = z.output<typeof UpdateFieldBody> & { version: number };

export const ListFieldsQuery = z.strictObject({
  ...paginationQuery,
  object: RecordObjectSchema.optional().meta({ description: 'Only the definitions of this object.' }),
  archived: z
    .stringbool()
    .default(false)
    .meta({ description: 'Include archived definitions too.', maxLength: 8 }),
});
export type ListFieldsQuery = z.output<typeof ListFieldsQuery>;
