import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { TIER_LIMITS } from '@halooid/shared/tiers';
import {
  CreatedWebhook,
  CreateWebhookBody,
  DeliveryParams,
  ListQuery,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
  WebhookParams,
} from './schemas';

export const webhooksService = defineService({
  product: 'platform',
  capability: 'webhooks',
  description:
    'Outgoing webhooks: signed deliveries of events to integrators, with retries and a delivery log.',
  // dataKeys: signing secrets are stored sealed (shared/src/crypto/secret-box.ts).
  resources: { database: true, dataKeys: true },
  permissions: [
    { name: 'platform:webhook:read', description: "See the tenant's webhooks and their delivery log." },
    { name: 'platform:webhook:write', description: 'Create, change, delete webhooks and redeliver events.' },
  ],
  routes: [
    defineRoute({
      operationId: 'listWebhooks',
      method: 'GET',
      path: '/v1/webhooks',
      permission: 'platform:webhook:read',
      summary: 'List webhooks',
      query: ListQuery,
      response: pageOf(Webhook),
    }),
    defineRoute({
      operationId: 'createWebhook',
      method: 'POST',
      path: '/v1/webhooks',
      permission: 'platform:webhook:write',
      summary: 'Create a webhook',
      description:
        'Deliveries are signed with `Halooid-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">`; the secret is in this response only. ' +
        'The URL must reach a public address (https in AWS); redirects are not followed. ' +
        `Each plan allows a number of webhooks (free ${TIER_LIMITS.free.maxWebhooks}, pro ${TIER_LIMITS.pro.maxWebhooks}, ` +
        `enterprise ${TIER_LIMITS.enterprise.maxWebhooks}); one more is a 422 \`webhook_limit_reached\`.`,
      body: CreateWebhookBody,
      status: 201,
      response: CreatedWebhook,
    }),
    defineRoute({
      operationId: 'updateWebhook',
      method: 'PATCH',
      path: '/v1/webhooks/{webhookId}',
      permission: 'platform:webhook:write',
      summary: 'Change a webhook',
      description: 'Enabling a webhook that was disabled for failing clears its failure record.',
      params: WebhookParams,
      body: UpdateWebhookBody,
      response: Webhook,
    }),
    defineRoute({
      operationId: 'deleteWebhook',
      method: 'DELETE',
      path: '/v1/webhooks/{webhookId}',
      permission: 'platform:webhook:write',
      summary: 'Delete a webhook',
      params: WebhookParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'listWebhookDeliveries',
      method: 'GET',
      path: '/v1/webhooks/{webhookId}/deliveries',
      permission: 'platform:webhook:read',
      summary: "A webhook's delivery log",
      params: WebhookParams,
      query: ListQuery,
      response: pageOf(WebhookDelivery),
    }),
    defineRoute({
      operationId: 'redeliverWebhookDelivery',
      method: 'POST',
      path: '/v1/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver',
      permission: 'platform:webhook:write',
      summary: 'Send a delivery again',
      description: 'Queues a new delivery of the same event (same body, a fresh signature).',
      params: DeliveryParams,
      status: 202,
      response: WebhookDelivery,
    }),
  ],
  subscriptions: [
    {
      name: 'fan-out-webhooks',
      pattern: { source: [{ prefix: 'halooid.' }] },
      handler: 'fanOutWebhooks',
    },
  ],
});
