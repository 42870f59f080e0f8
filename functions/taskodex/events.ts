import { defineCatalog } from '@halooid/shared/events/catalog';
import * as z from 'zod';
import { Task, TaskStatus } from './tasks/schemas';

const TaskRef = { taskId: z.uuid(), title: z.string() };

/**
 * Taskodex's event catalog: what other products (and webhooks) may rely on.
 * A breaking change to a schema is a new version, never an edit.
 */
export const taskodexEvents = defineCatalog('taskodex', {
  'task.created': {
    version: 1,
    description: 'A task was created.',
    schema: z.object({ task: Task }),
  },
  'task.updated': {
    version: 1,
    description: 'A task changed; `changes` names the fields that did.',
    schema: z.object({ task: Task, changes: z.array(z.string()).min(1) }),
  },
  'task.assigned': {
    version: 1,
    description: 'A task got a new assignee (null when unassigned).',
    schema: z.object({
      ...TaskRef,
      assigneeId: z.uuid().nullable(),
      previousAssigneeId: z.uuid().nullable(),
    }),
  },
  'task.status_changed': {
    version: 1,
    description: 'A task moved from one status to another.',
    schema: z.object({ ...TaskRef, from: TaskStatus.nullable(), to: TaskStatus }),
  },
  'task.completed': {
    version: 1,
    description: 'A task reached `done`.',
    schema: z.object({ ...TaskRef, assigneeId: z.uuid().nullable() }),
  },
  'task.deleted': {
    version: 1,
    description: 'A task was deleted.',
    schema: z.object(TaskRef),
  },
});
