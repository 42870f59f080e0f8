import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';
import { Task, TaskPriority, TaskStatus } from '../domain/task-schemas';

export const MAX_BULK_TASKS = 100;

const Label = displayText().min(1).max(50);
const LabelList = z
  .array(Label)
  .max(20)
  .transform((labels) => [...new Set(labels)]);

export const BulkPatch = z
  .strictObject({
    status: TaskStatus.optional().meta({
      description: "A state key valid in every selected task's workflow.",
    }),
    priority: TaskPriority.optional(),
    assigneeId: z
      .uuid()
      .nullable()
      .optional()
      .meta({ description: 'A member of the tenant, or null to unassign.' }),
    labels: LabelList.optional().meta({ description: 'Replaces the labels of every task.' }),
    addLabels: LabelList.optional().meta({ description: 'Added to each task’s labels.' }),
    removeLabels: LabelList.optional().meta({ description: 'Removed from each task’s labels.' }),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'Change at least one field.',
  })
  .refine((patch) => !(patch.labels && (patch.addLabels || patch.removeLabels)), {
    message: 'Send labels, or addLabels/removeLabels, not both.',
    path: ['labels'],
  });
export type BulkPatch = z.output<typeof BulkPatch>;

export const BulkUpdateBody = z.strictObject({
  ids: z
    .array(z.uuid())
    .min(1)
    .max(MAX_BULK_TASKS)
    .refine(
      (ids) => new Set(ids.map((id) => id.toLowerCase())).size === ids.length,
      'Each id may appear once.',
    ),
  patch: BulkPatch,
});
export type BulkUpdateInput = z.output<typeof BulkUpdateBody>;

export const BulkUpdateResult = z.object({
  updated: z.number().int(),
  items: z.array(Task),
});
