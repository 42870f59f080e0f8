import { pageOf } from '@halooid/shared/db/pagination';
import { AUTHENTICATED, defineRoute, defineService } from '@halooid/shared/manifest';
import { NOTIFICATION_RULES } from '../../notification-rules.generated';
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
 * (AUTHENTICATED); a call without a tenant is a 400. Which events notify whom
 * is each product's to say (its `notifications` rules); this capability
 * delivers them (subscribers.ts) and keeps preferences.
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
  // Every product's notification rules (its product.ts `notifications`), through the schema-free
  // generated list: the platform names no product, and CDK makes one EventBridge rule per entry.
  subscriptions: NOTIFICATION_RULES.map(({ name, pattern }) => ({ name, pattern, handler: name })),
});
