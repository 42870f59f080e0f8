import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';

export const Notification = z.object({
  id: z.uuid(),
  type: z.string().meta({ description: 'The event that caused it, `<product>.<resource>.<verb>`.' }),
  title: z.string(),
  body: z.string(),
  resource: z.object({ type: z.string(), id: z.string() }).nullable(),
  actorId: z.string().nullable(),
  eventId: z.uuid(),
  read: z.boolean(),
  readAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationParams = z.strictObject({ notificationId: z.uuid() });

export const ListNotificationsQuery = z.strictObject({
  ...paginationQuery,
  unread: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: '`true`: only unread notifications.' }),
});
export type ListNotificationsQuery = z.output<typeof ListNotificationsQuery>;

export const ReadAllResult = z.object({ updated: z.number().int() });

export const NotificationPreferences = z.object({
  mutedTypes: z.array(z.string()).meta({
    description: 'Event names you get no notification for, e.g. `taskodex.task.assigned`, or `taskodex.*`.',
  }),
});
export const UpdateNotificationPreferencesBody = z.strictObject({
  mutedTypes: z
    .array(z.string().min(1).max(200))
    .max(200)
    .transform((types) => [...new Set(types)]),
});
