import { defineProduct } from '@halooid/shared/product';
import { availabilityService } from './availability/service';
import { commentsService } from './comments/service';
import { dealProjectsService } from './deal-projects/service';
import { taskodexEvents } from './events';
import { projectsService } from './projects/service';
import { relationsService } from './relations/service';
import { taskBulkService } from './task-bulk/service';
import { taskMaterialsService } from './task-materials/service';
import { taskTransferService } from './task-transfer/service';
import { tasksService } from './tasks/service';
import { timeEntriesService } from './time-entries/service';
import { timeReportsService } from './time-reports/service';
import { timesheetsService } from './timesheets/service';
import { viewsService } from './views/service';

/** Taskodex: projects, tasks, time tracking and timesheets. */
export const taskodexProduct = defineProduct({
  key: 'taskodex',
  displayName: 'Taskodex',
  description: 'Projects, tasks and time tracking',
  capabilities: [
    projectsService,
    tasksService,
    timeEntriesService,
    timesheetsService,
    timeReportsService,
    commentsService,
    relationsService,
    taskBulkService,
    taskTransferService,
    viewsService,
    availabilityService,
    dealProjectsService,
    taskMaterialsService,
  ],
  events: taskodexEvents,
  schedules: [
    {
      name: 'due-soon',
      description: 'Records task.due_soon for open assigned tasks due tomorrow, once per task and due date',
      // Daily at 06:00 UTC; idempotent per task and due date, so a rerun is harmless.
      schedule: 'cron(0 6 * * ? *)',
      handler: 'due-soon/handler.ts',
      resources: { database: true },
      login: 'worker',
      emitsEvents: true,
      timeoutSeconds: 300,
      memorySize: 512,
      // Idempotent, so locally it simply runs at start and every hour.
      localEveryMs: 3_600_000,
    },
  ],
  // The platform's notifications subscriber runs these (shared/src/notifications.ts); names are its inbox keys.
  notifications: [
    {
      name: 'notify-task-assignee',
      description: 'The new assignee of a task hears about it',
      pattern: {
        source: ['halooid.taskodex'],
        'detail-type': ['task.assigned'],
        detail: { data: { assigneeId: [{ exists: true }] } },
      },
      handler: 'notifications/task-assignee.ts',
    },
    {
      name: 'notify-task-due-soon',
      description: 'The assignee of a task due tomorrow gets a reminder',
      pattern: { source: ['halooid.taskodex'], 'detail-type': ['task.due_soon'] },
      handler: 'notifications/task-due-soon.ts',
    },
    {
      name: 'notify-mentioned-users',
      description: 'Members a comment (newly) mentions hear about it',
      pattern: {
        source: ['halooid.taskodex'],
        'detail-type': ['task.comment_added', 'task.comment_updated'],
      },
      handler: 'notifications/mentioned-users.ts',
    },
    {
      name: 'notify-timesheet-decision',
      description: 'The owner of a timesheet hears that it was approved or rejected',
      pattern: { source: ['halooid.taskodex'], 'detail-type': ['timesheet.approved', 'timesheet.rejected'] },
      handler: 'notifications/timesheet-decision.ts',
    },
  ],
  roleGrants: {
    admin: ['taskodex:*:*'],
    // Works in Taskodex, but neither administers every project (taskodex:project:admin)
    // nor approves timesheets (taskodex:timesheet:approve): those stay with managers.
    member: ['taskodex:*:read', 'taskodex:*:write', 'taskodex:*:delete'],
    viewer: ['taskodex:*:read'],
    project_manager: ['taskodex:*:*'],
    employee: ['taskodex:*:read', 'taskodex:task:write', 'taskodex:time:write'],
    // A won deal's delivery project is run by the deal's owner (deal-projects/): a Sales Rep
    // must be able to open it and work its tasks.
    sales_rep: ['taskodex:*:read', 'taskodex:task:write', 'taskodex:time:write'],
    // Stock is issued against tasks (Invantray's moves name a task): the warehouse must find them.
    warehouse_manager: ['taskodex:project:read', 'taskodex:task:read'],
  },
  demoSeed: 'demo/seed.ts',
  web: { path: '/taskodex', icon: 'tasks', description: 'Projects, tasks and time tracking' },
});
