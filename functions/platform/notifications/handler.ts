import type { Principal } from '@halooid/shared/auth/principal';
import { type Tx, withTenantTransaction } from '@halooid/shared/db/transaction';
import { NotFoundError, ValidationError } from '@halooid/shared/errors';
import { unknownEventFilters } from '@halooid/shared/events/catalog';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { EVENT_NAME_CATALOGS } from '../../registry-names';
import { listNotifications, markAllRead, markRead, mutedTypes, saveMutedTypes } from './repository';
import { notificationsService } from './service';

/** The caller's own rows in the tenant of the request; a call with no tenant cannot have notifications. */
function asMember<T>(principal: Principal, work: (tx: Tx, tenantId: string, userId: string) => Promise<T>) {
  if (!principal.tenantId)
    throw new ValidationError('Send X-Tenant-Id: notifications belong to a tenant.', [
      { field: 'headers.x-tenant-id', message: 'Required.', code: 'tenant_required' },
    ]);
  return withTenantTransaction({ tenantId: principal.tenantId, userId: principal.principalId }, (tx) =>
    work(tx, principal.tenantId, principal.principalId),
  );
}

function checkTypes(types: readonly string[]): void {
  const unknown = unknownEventFilters(types, EVENT_NAME_CATALOGS);
  if (unknown.length > 0)
    throw new ValidationError(`Unknown event types: ${unknown.join(', ')}.`, [
      { field: 'body.mutedTypes', message: `Unknown: ${unknown.join(', ')}.`, code: 'unknown_event_type' },
    ]);
}

export const handler = createHttpHandler(notificationsService, {
  listNotifications: async ({ query, principal }) => ({
    body: await asMember(principal, (tx, tenantId, userId) => listNotifications(tx, tenantId, userId, query)),
  }),
  markNotificationRead: async ({ params, principal }) => {
    const notification = await asMember(principal, (tx, tenantId, userId) =>
      markRead(tx, tenantId, userId, params.notificationId),
    );
    if (!notification) throw new NotFoundError('Notification');
    return { body: notification };
  },
  markAllNotificationsRead: async ({ principal }) => ({
    body: { updated: await asMember(principal, (tx, tenantId, userId) => markAllRead(tx, tenantId, userId)) },
  }),
  getNotificationPreferences: async ({ principal }) => ({
    body: {
      mutedTypes: await asMember(principal, (tx, tenantId, userId) => mutedTypes(tx, tenantId, userId)),
    },
  }),
  updateNotificationPreferences: async ({ body, principal }) => {
    checkTypes(body.mutedTypes);
    return {
      body: {
        mutedTypes: await asMember(principal, (tx, tenantId, userId) =>
          saveMutedTypes(tx, tenantId, userId, body.mutedTypes),
        ),
      },
    };
  },
});
