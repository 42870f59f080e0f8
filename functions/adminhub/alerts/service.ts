import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { Alert, AlertParams, ListAlertsQuery, ResolveAlertBody } from './schemas';

/**
 * Security alerts: what the detectors (detectors/, run every minute by the
 * `alert-detectors` job) found in the sign-in stream, the audit log and API
 * key usage, for the tenant's administrators to acknowledge and resolve.
 * Reading is `adminhub:alert:read` (Auditors too, through `*:*:read`);
 * acknowledging and resolving are `adminhub:alert:write`. Nobody creates an
 * alert through the API: only detectors raise them.
 */
export const alertsService = defineService({
  product: 'adminhub',
  capability: 'alerts',
  description: 'Security alerts raised by the detectors: list, read, acknowledge, resolve.',
  // mail: its subscriber emails a new alert to the tenant's admins (subscribers.ts).
  resources: { database: true, mail: true },
  // alert.raised comes from the detectors job (product.ts), in the same transaction as the alert.
  emits: [{ type: 'alert.raised' }, { type: 'alert.acknowledged' }, { type: 'alert.resolved' }],
  // A new alert is emailed to the tenant's administrators (subscribers.ts); the in-app notification is
  // the platform's rule (product.ts notify-alert-raised).
  subscriptions: [
    {
      name: 'email-alert-raised',
      pattern: { source: ['halooid.adminhub'], 'detail-type': ['alert.raised'] },
      handler: 'emailAdmins',
    },
  ],
  permissions: [
    { name: 'adminhub:alert:read', description: 'See security alerts and their evidence.' },
    { name: 'adminhub:alert:write', description: 'Acknowledge and resolve security alerts.' },
  ],
  routes: [
    defineRoute({
      operationId: 'listAlerts',
      method: 'GET',
      path: '/v1/adminhub/alerts',
      permission: 'adminhub:alert:read',
      summary: 'List security alerts',
      description:
        'Newest first, a page at a time (`cursor` from the previous page), filtered by status, severity and detector.',
      query: ListAlertsQuery,
      response: pageOf(Alert),
    }),
    defineRoute({
      operationId: 'getAlert',
      method: 'GET',
      path: '/v1/adminhub/alerts/{alertId}',
      permission: 'adminhub:alert:read',
      summary: 'Get a security alert with its evidence',
      description: "Another tenant's alert, or none, is a 404.",
      params: AlertParams,
      response: Alert,
    }),
    defineRoute({
      operationId: 'acknowledgeAlert',
      method: 'POST',
      path: '/v1/adminhub/alerts/{alertId}/acknowledge',
      permission: 'adminhub:alert:write',
      summary: 'Acknowledge a security alert',
      description:
        'Someone is looking into it. Acknowledging an acknowledged alert answers it unchanged; a resolved one is a 409.',
      params: AlertParams,
      response: Alert,
    }),
    defineRoute({
      operationId: 'resolveAlert',
      method: 'POST',
      path: '/v1/adminhub/alerts/{alertId}/resolve',
      permission: 'adminhub:alert:write',
      summary: 'Resolve a security alert',
      description:
        'Closes the alert with a note. The next detection of the same incident raises a new alert. A resolved alert is a 409.',
      params: AlertParams,
      body: ResolveAlertBody,
      response: Alert,
    }),
  ],
});
