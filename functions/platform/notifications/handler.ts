import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { NotFoundError, ValidationError } from '@halooid/shared/errors';
import { unknownEventFilters } from '@halooid/shared/events/catalog';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import type { InTenant } from '@halooid/shared/http/request-deps';
import { EVENT_NAME_CATALOGS } from '../../registry-names';
import { mutedTypes } from '../domain/notification-store';
import { listNotifications, markAllRead, markRead, saveMutedTypes } from './repository';
import { notificationsService } from './service';

/** The caller's own rows in the tenant of the request; a call with no tenant cannot have notifications. */
function asMember<T>(
  { principal, inTenant }: { principal: Principal; inTenant: InTenant },
  work: (tx: Tx, tenantId: string, userId: string) => Promise<T>,
) {
  if (!principal.tenantId)
    throw new ValidationError('Send X-Tenant-Id: notifications belong to a tenant.', [
      { field: 'headers.x-tenant-id', message: 'Required.', code: 'tenant_required' },
    ]);
  return inTenant(({ tx }) => work(tx, principal.tenantId, principal.principalId));
}

function checkTypes(types: readonly string[]): void {
  const unknown = unknownEventFilters(types, EVENT_NAME_CATALOGS);
  if (unknown.length > 0)
    throw new ValidationError(`Unknown event types: ${unknown.join(', ')}.`, [
      { field: 'body.mutedTypes', message: `Unknown: ${unknown.join(', ')}.`, code: 'unknown_event_type' },
    ]);
}

export const handler = createHttpHandler(notificationsService, {
  listNotifications: async ({ query, principal, inTenant }) => ({
    body: await asMember({ principal, inTenant }, (tx, tenantId, userId) =>
      listNotifications(tx, tenantId, userId, query),
    ),
  }),
  markNotificationRead: async ({ params, principal, inTenant }) => {
    const notification = await asMember({ principal, inTenant }, (tx, tenantId, userId) =>
      markRead(tx, tenantId, userId, params.notificationId),
    );
    if (!notification) throw new NotFoundError('Notification');
    return { body: notification };
  },
  markAllNotificationsRead: async ({ principal, inTenant }) => ({
    body: {
      updated: await asMember({ principal, inTenant }, (tx, tenantId, userId) =>
        markAllRead(tx, tenantId, userId),
      ),
    },
  }),
  getNotificationPreferences: async ({ principal, inTenant }) => ({
    body: {
      mutedTypes: await asMember({ principal, inTenant }, (tx, tenantId, userId) =>
        mutedTypes(tx, tenantId, userId),
      ),
    },
  }),
  updateNotificationPreferences: async ({ body, principal, inTenant }) => {
    checkTypes(body.mutedTypes);
    return {
      body: {
        mutedTypes: await asMember({ principal, inTenant }, (tx, tenantId, userId) =>
          saveMutedTypes(tx, tenantId, userId, body.mutedTypes),
        ),
      },
    };
  },
});
