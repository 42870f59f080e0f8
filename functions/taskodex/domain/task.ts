import * as z from 'zod';

// A task as the API returns it and events carry it: zod only, so the event catalog loads it
// without the request schemas (task-schemas.ts) or the kernel.

/** The default workflow's state keys: tasks outside any project, and every new project unless it brings its own. */
export const TASK_STATUSES = ['backlog', 'todo', 'in_progress', 'in_review', 'done', 'cancelled'] as const;
export const TASK_PRIORITIES = ['urgent', 'high', 'medium', 'low', 'none'] as const;
export const STATE_GROUPS = ['backlog', 'unstarted', 'started', 'completed', 'cancelled'] as const;

/** A workflow state key; which keys are allowed depends on the task's project (checked by the use case). */
export const TaskStatus = z
  .string()
  .max(30, 'A state key: lower-case letters, digits and _, starting with a letter.')
  .regex(/^[a-z][a-z0-9_]{0,29}$/, 'A state key: lower-case letters, digits and _, starting with a letter.')
  .meta({
    description:
      "A state key of the project's workflow (default workflow: backlog, todo, in_progress, in_review, done, cancelled).",
  });
export const StateGroup = z.enum(STATE_GROUPS);
export const TaskPriority = z.enum(TASK_PRIORITIES);

export const Task = z.object({
  id: z.uuid(),
  identifier: z.string().meta({
    description: 'Human number: `WEB-42` in project WEB, `TASK-7` outside any project.',
    example: 'WEB-42',
  }),
  title: z.string(),
  description: z.string(),
  status: TaskStatus,
  statusGroup: StateGroup,
  priority: TaskPriority,
  assigneeId: z.uuid().nullable(),
  startDate: z.iso.date().nullable(),
  dueDate: z.iso.date().nullable(),
  estimateHours: z.number().nullable(),
  labels: z.array(z.string()),
  projectId: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  position: z.number().meta({ description: 'Board order within a state, ascending.' }),
  completedAt: z.iso.datetime().nullable().meta({ description: 'Set on entering a completed-group state.' }),
  version: z.number().int().meta({ description: 'Send it back on PATCH; a stale one gets 409.' }),
  createdBy: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Task = z.infer<typeof Task>;
