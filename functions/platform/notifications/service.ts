import { pageOf } from '@halooid/shared/db/pagination';
import { AUTHENTICATED, defineRoute, defineService } from '@halooid/shared/manifest';
import {
  ListNotificationsQuery,
  Notification,
  NotificationParams,
  NotificationPreferences,
  ReadAllResult,
  UpdateNotificationPreferencesBody,
} from './schemas';

/**
 * In-app notifications. Every route acts on the caller's own notifications in
 * the tenant of `X-Tenant-Id`, so any signed-in member may call them
 * (AUTHENTICATED); a call without a tenant is a 400.
 */
export const notificationsService = defineService({
  product: 'platform',
  capability: 'notifications',
  description: 'In-app notifications made from events, with per-user preferences.',
  resources: { database: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listNotifications',
      method: 'GET',
      path: '/v1/notifications',
      permission: AUTHENTICATED,
      summary: 'List your notifications',
      description: 'Newest first, cursor-paginated; `unread=true` lists only unread ones.',
      query: ListNotificationsQuery,
      response: pageOf(Notification),
    }),
    defineRoute({
      operationId: 'markNotificationRead',
      method: 'POST',
      path: '/v1/notifications/{notificationId}/read',
      permission: AUTHENTICATED,
      summary: 'Mark a notification read',
      params: NotificationParams,
      response: Notification,
    }),
    defineRoute({
      operationId: 'markAllNotificationsRead',
      method: 'POST',
      path: '/v1/notifications/read-all',
      permission: AUTHENTICATED,
      summary: 'Mark all your notifications read',
      response: ReadAllResult,
    }),
    defineRoute({
      operationId: 'getNotificationPreferences',
      method: 'GET',
      path: '/v1/notifications/preferences',
      permission: AUTHENTICATED,
      summary: 'Your notification preferences',
      response: NotificationPreferences,
    }),
    defineRoute({
      operationId: 'updateNotificationPreferences',
      method: 'PUT',
      path: '/v1/notifications/preferences',
      permission: AUTHENTICATED,
      summary: 'Mute event types',
      description: 'Replaces the muted list. Names are `<product>.<resource>.<verb>` or `<product>.*`.',
      body: UpdateNotificationPreferencesBody,
      response: NotificationPreferences,
    }),
  ],
  subscriptions: [
    {
      name: 'notify-task-assignee',
      pattern: {
        source: ['halooid.taskodex'],
        'detail-type': ['task.assigned'],
        detail: { data: { assigneeId: [{ exists: true }] } },
      },
      handler: 'notifyTaskAssignee',
    },
    {
      name: 'notify-task-due-soon',
      pattern: { source: ['halooid.taskodex'], 'detail-type': ['task.due_soon'] },
      handler: 'notifyTaskDueSoon',
    },
    {
      name: 'notify-mentioned-users',
      pattern: {
        source: ['halooid.taskodex'],
        'detail-type': ['task.comment_added', 'task.comment_updated'],
      },
      handler: 'notifyMentionedUsers',
    },
    {
      name: 'notify-timesheet-decision',
      pattern: {
        source: ['halooid.taskodex'],
        'detail-type': ['timesheet.approved', 'timesheet.rejected'],
      },
      handler: 'notifyTimesheetDecision',
    },
  ],
});
