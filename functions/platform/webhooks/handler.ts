import { recordAudit } from '@halooid/shared/audit';
import { getConfig } from '@halooid/shared/config';
import { dataKeyring } from '@halooid/shared/crypto/data-keys';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, NotFoundError, ValidationError } from '@halooid/shared/errors';
import { unknownEventFilters } from '@halooid/shared/events/catalog';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { uuidv7 } from '@halooid/shared/ids';
import { tenantState } from '@halooid/shared/tenancy';
import { TIER_LIMITS } from '@halooid/shared/tiers';
import { EVENT_NAME_CATALOGS } from '../../registry-names';
import {
  countWebhooksForCreate,
  deleteWebhook,
  findDeliveryPayload,
  findWebhook,
  insertDelivery,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  updateWebhook,
} from './repository';
import { sealWebhookSecret } from './secrets';
import { webhooksService } from './service';
import { newWebhookSecret } from './signature';
import { refuseUrl, urlPolicyFor } from './url-guard';

async function checkTarget(url: string | undefined, events: string[] | undefined): Promise<void> {
  const errors = [];
  if (url !== undefined) {
    const refused = await refuseUrl(url, urlPolicyFor(getConfig().STAGE));
    if (refused) errors.push({ field: 'body.url', message: refused, code: 'url_refused' });
  }
  const unknown = events ? unknownEventFilters(events, EVENT_NAME_CATALOGS) : [];
  if (unknown.length > 0)
    errors.push({
      field: 'body.events',
      message: `Unknown events: ${unknown.join(', ')}.`,
      code: 'unknown_event',
    });
  if (errors.length > 0) throw new ValidationError(errors.map((error) => error.message).join(' '), errors);
}

/**
 * Every event fans out into one delivery per webhook, so their number is
 * capped by tier (shared/src/tiers.ts): one more is a 422, not a silent drop.
 */
async function checkWebhookCap(tx: Tx, tenantId: string): Promise<void> {
  const tier = (await tenantState(tx))?.tier ?? 'free';
  const { maxWebhooks } = TIER_LIMITS[tier];
  if ((await countWebhooksForCreate(tx, tenantId)) >= maxWebhooks)
    throw new BusinessRuleError(
      'webhook_limit_reached',
      `The ${tier} plan allows ${maxWebhooks} webhooks and this tenant has them all; delete one or upgrade the plan.`,
    );
}

export const handler = createHttpHandler(webhooksService, {
  listWebhooks: async ({ query, principal, inTenant }) => ({
    body: await inTenant(({ tx }) => listWebhooks(tx, principal.tenantId, query)),
  }),
  createWebhook: async ({ body, principal, inTenant }) => {
    await checkTarget(body.url, body.events);
    const secret = newWebhookSecret();
    const identity = { tenantId: principal.tenantId, id: uuidv7() };
    // Stored sealed with the data key; the plain secret exists only in this response.
    const sealed = sealWebhookSecret(await dataKeyring(), identity, secret);
    const webhook = await inTenant(async ({ tx, actor }) => {
      await checkWebhookCap(tx, principal.tenantId);
      const created = await insertWebhook(tx, {
        ...body,
        ...identity,
        secret: sealed,
        createdBy: principal.principalId,
      });
      await recordAudit(tx, actor, {
        action: 'webhook.created',
        targetType: 'webhook',
        targetId: created.id,
        details: { url: created.url, events: created.events },
      });
      return created;
    });
    return {
      body: { ...webhook, secret },
      headers: { Location: `/v1/webhooks/${webhook.id}`, 'Cache-Control': 'no-store' },
    };
  },
  updateWebhook: async ({ body, params, principal, inTenant }) => {
    // Another tenant's (or a missing) webhook is a 404 before anything about the body is said.
    if (!(await inTenant(({ tx }) => findWebhook(tx, principal.tenantId, params.webhookId))))
      throw new NotFoundError('Webhook');
    await checkTarget(body.url, body.events);
    const webhook = await inTenant(async ({ tx, actor }) => {
      const updated = await updateWebhook(tx, principal.tenantId, params.webhookId, body);
      if (!updated) throw new NotFoundError('Webhook');
      await recordAudit(tx, actor, {
        action: 'webhook.updated',
        targetType: 'webhook',
        targetId: updated.id,
        details: { fields: Object.keys(body) },
      });
      return updated;
    });
    return { body: webhook };
  },
  deleteWebhook: async ({ params, principal, inTenant }) => {
    await inTenant(async ({ tx, actor }) => {
      if (!(await deleteWebhook(tx, principal.tenantId, params.webhookId)))
        throw new NotFoundError('Webhook');
      await recordAudit(tx, actor, {
        action: 'webhook.deleted',
        targetType: 'webhook',
        targetId: params.webhookId,
      });
    });
    return { body: undefined };
  },
  listWebhookDeliveries: async ({ params, query, principal, inTenant }) => ({
    body: await inTenant(async ({ tx }) => {
      if (!(await findWebhook(tx, principal.tenantId, params.webhookId))) throw new NotFoundError('Webhook');
      return listDeliveries(tx, principal.tenantId, params.webhookId, query);
    }),
  }),
  redeliverWebhookDelivery: async ({ params, principal, inTenant }) => {
    const delivery = await inTenant(async ({ tx, actor }) => {
      const original = await findDeliveryPayload(tx, principal.tenantId, params.webhookId, params.deliveryId);
      if (!original) throw new NotFoundError('Delivery');
      const created = await insertDelivery(tx, {
        tenantId: principal.tenantId,
        id: uuidv7(),
        webhookId: params.webhookId,
        eventId: original.eventId,
        eventType: original.eventType,
        payload: original.payload,
        redeliveryOf: params.deliveryId,
      });
      await recordAudit(tx, actor, {
        action: 'webhook.redelivered',
        targetType: 'webhook',
        targetId: params.webhookId,
        details: { deliveryId: params.deliveryId, newDeliveryId: created.id },
      });
      return created;
    });
    return { body: delivery };
  },
});
