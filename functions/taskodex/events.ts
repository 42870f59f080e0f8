import { defineCatalog } from '@halooid/shared/events/catalog';
import * as z from 'zod';
import { Project } from './domain/project';
import { Task, TaskStatus } from './domain/task';
import { TimeEntry } from './domain/time-entry';

const TaskRef = { taskId: z.uuid(), title: z.string() };
const TimesheetRef = { userId: z.uuid(), week: z.string(), weekStart: z.iso.date() };
/** A project as events carry it: without `myRole`, which depends on who asks. */
const ProjectSnapshot = Project.omit({ myRole: true });
const ProjectMemberEvent = z.object({
  projectId: z.uuid(),
  projectKey: z.string(),
  userId: z.uuid(),
  role: z.enum(['admin', 'member', 'viewer']),
});
const CommentRef = { ...TaskRef, commentId: z.uuid(), authorId: z.uuid(), excerpt: z.string() };
const RelationEvent = z.object({
  relationId: z.uuid(),
  taskId: z.uuid(),
  relatedTaskId: z.uuid(),
  type: z.enum(['blocks', 'duplicates', 'relates_to']),
});

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
    description: 'A task entered a completed-group state of its workflow (`done` in the default one).',
    schema: z.object({ ...TaskRef, assigneeId: z.uuid().nullable() }),
  },
  'task.deleted': {
    version: 1,
    description: 'A task was deleted.',
    schema: z.object(TaskRef),
  },
  'task.due_soon': {
    version: 1,
    description: 'An open task is due tomorrow (sent once per task and due date by the daily job).',
    schema: z.object({ ...TaskRef, identifier: z.string(), assigneeId: z.uuid(), dueDate: z.iso.date() }),
  },
  'project.created': {
    version: 1,
    description: 'A project was created.',
    schema: z.object({ project: ProjectSnapshot }),
  },
  'project.updated': {
    version: 1,
    description: 'A project changed; `changes` names the fields (`members`, `workflow` for those).',
    schema: z.object({ project: ProjectSnapshot, changes: z.array(z.string()).min(1) }),
  },
  'project.archived': {
    version: 1,
    description: 'A project was archived.',
    schema: z.object({ project: ProjectSnapshot }),
  },
  'project.restored': {
    version: 1,
    description: 'An archived project was restored.',
    schema: z.object({ project: ProjectSnapshot }),
  },
  'project.member_added': {
    version: 1,
    description: 'Someone joined a project.',
    schema: ProjectMemberEvent,
  },
  'project.member_removed': {
    version: 1,
    description: 'Someone left or was removed from a project.',
    schema: ProjectMemberEvent,
  },
  'task.comment_added': {
    version: 1,
    description: 'Someone commented on a task; `mentionedUserIds` are the people it mentions.',
    schema: z.object({ ...CommentRef, mentionedUserIds: z.array(z.uuid()) }),
  },
  'task.comment_updated': {
    version: 1,
    description: 'A comment was edited; `mentionedUserIds` are only the people the edit newly mentions.',
    schema: z.object({ ...CommentRef, mentionedUserIds: z.array(z.uuid()) }),
  },
  'task.comment_deleted': {
    version: 1,
    description: 'A comment was deleted (it stays in the thread as "deleted").',
    schema: z.object({ ...TaskRef, commentId: z.uuid(), authorId: z.uuid() }),
  },
  'task.relation_added': {
    version: 1,
    description: 'Two tasks were related: `taskId` <type> `relatedTaskId` (blocks, duplicates, relates_to).',
    schema: RelationEvent,
  },
  'task.relation_removed': {
    version: 1,
    description: 'A relation between two tasks was removed.',
    schema: RelationEvent,
  },
  'time-entry.started': {
    version: 1,
    description: 'A timer started (the entry has no end yet).',
    schema: z.object({ entry: TimeEntry }),
  },
  'time-entry.stopped': {
    version: 1,
    description: 'A running timer stopped (by its owner, or by starting another).',
    schema: z.object({ entry: TimeEntry }),
  },
  'time-entry.logged': {
    version: 1,
    description: 'Finished time was logged by hand.',
    schema: z.object({ entry: TimeEntry }),
  },
  'time-entry.updated': {
    version: 1,
    description:
      'A time entry changed (including being marked exported or invoiced); `changes` names the fields.',
    schema: z.object({ entry: TimeEntry, changes: z.array(z.string()).min(1) }),
  },
  'time-entry.deleted': {
    version: 1,
    description: 'A time entry was deleted.',
    schema: z.object({ timeEntryId: z.uuid(), userId: z.uuid() }),
  },
  'timesheet.submitted': {
    version: 1,
    description: "A user submitted a week's timesheet for approval; its entries are locked.",
    schema: z.object({ ...TimesheetRef, totalSeconds: z.number().int(), billableSeconds: z.number().int() }),
  },
  'timesheet.approved': {
    version: 1,
    description: 'A submitted timesheet was approved.',
    schema: z.object({ ...TimesheetRef, decidedBy: z.uuid() }),
  },
  'timesheet.rejected': {
    version: 1,
    description: 'A timesheet was rejected with a reason; its entries are editable again.',
    schema: z.object({ ...TimesheetRef, decidedBy: z.uuid(), reason: z.string() }),
  },
});
