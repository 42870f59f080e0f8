import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';

/** The default workflow; custom per-project workflows arrive with projects. */
export const TASK_STATUSES = ['backlog', 'todo', 'in_progress', 'in_review', 'done', 'cancelled'] as const;
export const TASK_PRIORITIES = ['urgent', 'high', 'medium', 'low', 'none'] as const;

export const TaskStatus = z.enum(TASK_STATUSES);
export const TaskPriority = z.enum(TASK_PRIORITIES);
const Label = z.string().trim().min(1).max(50);
const Title = z.string().trim().min(1, 'Title cannot be empty.').max(500);
const Description = z.string().max(50_000);
const DueDate = z.iso.date().meta({ description: 'Calendar date, YYYY-MM-DD.' });
const Labels = z
  .array(Label)
  .max(20)
  .transform((labels) => [...new Set(labels)]);

export const Task = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  status: TaskStatus,
  priority: TaskPriority,
  assigneeId: z.uuid().nullable(),
  dueDate: z.iso.date().nullable(),
  labels: z.array(z.string()),
  projectId: z.uuid().nullable(),
  version: z.number().int().meta({ description: 'Send it back on PATCH; a stale one gets 409.' }),
  createdBy: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Task = z.infer<typeof Task>;

export const TaskParams = z.strictObject({ taskId: z.uuid() });

export const CreateTaskBody = z.strictObject({
  title: Title,
  description: Description.default(''),
  status: TaskStatus.default('backlog'),
  priority: TaskPriority.default('none'),
  assigneeId: z.uuid().nullable().default(null),
  dueDate: DueDate.nullable().default(null),
  labels: Labels.default([]),
  projectId: z.uuid().nullable().default(null),
});
export type CreateTaskInput = z.output<typeof CreateTaskBody>;

export const UpdateTaskBody = z
  .strictObject({
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: 'The version you last read. Required unless sent as If-Match.' }),
    title: Title.optional(),
    description: Description.optional(),
    status: TaskStatus.optional(),
    priority: TaskPriority.optional(),
    assigneeId: z.uuid().nullable().optional(),
    dueDate: DueDate.nullable().optional(),
    labels: Labels.optional(),
    projectId: z.uuid().nullable().optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  });
export type UpdateTaskInput = z.output<typeof UpdateTaskBody>;

/** `?status=todo,in_progress`: one or more values, comma-separated. */
function csvOf<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(z.enum(values)).min(1));
}

export const ListTasksQuery = z.strictObject({
  ...paginationQuery,
  status: csvOf(TASK_STATUSES).optional().meta({ description: 'One or more statuses, comma-separated.' }),
  priority: csvOf(TASK_PRIORITIES)
    .optional()
    .meta({ description: 'One or more priorities, comma-separated.' }),
  assigneeId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  label: Label.optional(),
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Words in the title or description.' }),
  sort: z.string().max(200).optional().meta({
    description:
      'Comma-separated fields, `-` for descending: createdAt, updatedAt, dueDate, priority, title.',
  }),
});
export type ListTasksQuery = z.output<typeof ListTasksQuery>;
