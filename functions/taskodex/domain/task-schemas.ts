import { calendarDate, YEARS_NOTE } from '@halooid/shared/calendar';
import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import {
  STATE_GROUPS,
  StateGroup,
  TASK_PRIORITIES,
  TASK_STATUSES,
  Task,
  TaskPriority,
  TaskStatus,
} from './task';

export { STATE_GROUPS, StateGroup, TASK_PRIORITIES, TASK_STATUSES, Task, TaskPriority, TaskStatus };

const Label = displayText().min(1).max(50);
const Title = displayText()
  .min(1, 'Title cannot be empty.')
  .max(500)
  .meta({ example: 'Fix login redirect on Safari' });
const Description = z.string().max(50_000);
const DueDate = calendarDate().meta({ description: `Calendar date, YYYY-MM-DD. ${YEARS_NOTE}` });
const EstimateHours = z.number().min(0).max(100_000).multipleOf(0.01);
const Labels = z
  .array(Label)
  .max(20)
  .transform((labels) => [...new Set(labels)]);

/** Something the caller should know about a write that still succeeded. */
export const TaskWarning = z.object({
  code: z.enum(['assignee_away']),
  message: z.string(),
  userId: z.uuid(),
  from: z.iso.date().meta({ description: 'First day of the absence.' }),
  to: z.iso.date().meta({ description: 'Last day of the absence.' }),
});
export type TaskWarning = z.infer<typeof TaskWarning>;

/** A created or changed task as the write answers it: the task, plus warnings when there are any. */
export const TaskResult = Task.extend({
  warnings: z.array(TaskWarning).optional().meta({
    description: '`assignee_away`: the assignee is away (approved time off) on the due date.',
  }),
});
export type TaskResult = z.infer<typeof TaskResult>;

export const TaskParams = z.strictObject({ taskId: z.uuid() });

export const CreateTaskBody = z.strictObject({
  title: Title,
  description: Description.default(''),
  status: TaskStatus.optional().meta({
    description: "Defaults to the first state of the project's workflow.",
  }),
  priority: TaskPriority.default('none'),
  assigneeId: z.uuid().nullable().default(null),
  startDate: DueDate.nullable().default(null),
  dueDate: DueDate.nullable().default(null),
  estimateHours: EstimateHours.nullable().default(null),
  labels: Labels.default([]),
  projectId: z.uuid().nullable().default(null),
  parentId: z.uuid().nullable().default(null),
});
export type CreateTaskInput = z.output<typeof CreateTaskBody>;

export const UpdateTaskBody = z
  .strictObject({
    version: VersionField,
    title: Title.optional(),
    description: Description.optional(),
    status: TaskStatus.optional(),
    priority: TaskPriority.optional(),
    assigneeId: z.uuid().nullable().optional(),
    startDate: DueDate.nullable().optional(),
    dueDate: DueDate.nullable().optional(),
    estimateHours: EstimateHours.nullable().optional(),
    labels: Labels.optional(),
    projectId: z.uuid().nullable().optional(),
    parentId: z.uuid().nullable().optional(),
    position: z
      .number()
      .finite()
      .optional()
      .meta({ description: 'Board order within the state; see also POST /move.' }),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  });
export type UpdateTaskInput = z.output<typeof UpdateTaskBody>;

/** `?status=todo,in_progress`: one or more values, comma-separated. */
function csvOf<Item extends z.ZodType<string, string>>(item: Item) {
  // 30 values of at most 30 characters, their commas and some spaces.
  return z
    .string()
    .max(1000)
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(item).min(1).max(30));
}

export const ListTasksQuery = z.strictObject({
  ...paginationQuery,
  status: csvOf(TaskStatus).optional().meta({ description: 'One or more state keys, comma-separated.' }),
  statusGroup: csvOf(StateGroup)
    .optional()
    .meta({ description: 'One or more state groups, comma-separated.' }),
  priority: csvOf(TaskPriority).optional().meta({ description: 'One or more priorities, comma-separated.' }),
  assigneeId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  parentId: z.uuid().optional().meta({ description: 'Sub-tasks of this task.' }),
  label: Label.optional(),
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Words in the title or description.' }),
  sort: z.string().max(200).optional().meta({
    description:
      'Comma-separated fields, `-` for descending: createdAt, updatedAt, dueDate, priority, title, position (board order), number (of `WEB-42`).',
  }),
});
export type ListTasksQuery = z.output<typeof ListTasksQuery>;

export const MoveTaskBody = z
  .strictObject({
    status: TaskStatus.optional().meta({
      description: 'The state to move into; the current one when absent.',
    }),
    afterId: z
      .uuid()
      .nullable()
      .optional()
      .meta({ description: 'Place right below this task (same project and state).' }),
    beforeId: z
      .uuid()
      .nullable()
      .optional()
      .meta({ description: 'Place right above this task (same project and state).' }),
    version: z
      .number()
      .int()
      .min(1)
      .optional()
      .meta({ description: 'Optional optimistic-concurrency check.' }),
  })
  .refine((body) => !(body.afterId && body.beforeId), {
    message: 'Send afterId or beforeId, not both.',
    path: ['beforeId'],
  })
  .meta({ description: 'Neither afterId nor beforeId: the end of the column.' });
export type MoveTaskInput = z.output<typeof MoveTaskBody>;
