import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';

const Url = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .meta({ description: 'Where deliveries are POSTed (https in AWS).' });
const Events = z
  .array(z.string().min(1).max(200))
  .min(1)
  .max(100)
  .transform((events) => [...new Set(events)])
  .meta({ description: 'Event names (`taskodex.task.created`) or wildcards (`taskodex.*`, `*`).' });

export const Webhook = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  failingSince: z.iso.datetime().nullable(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Webhook = z.infer<typeof Webhook>;

export const CreatedWebhook = Webhook.extend({
  secret: z.string().meta({ description: 'The signing secret. Shown only in this response: store it now.' }),
});

export const WebhookParams = z.strictObject({ webhookId: z.uuid() });
export const DeliveryParams = z.strictObject({ webhookId: z.uuid(), deliveryId: z.uuid() });

export const CreateWebhookBody = z.strictObject({
  url: Url,
  events: Events,
  enabled: z.boolean().default(true),
  description: displayText().max(500).default(''),
});
export type CreateWebhookInput = z.output<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z
  .strictObject({
    url: Url.optional(),
    events: Events.optional(),
    enabled: z.boolean().optional(),
    description: displayText().max(500).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field.' });
export type UpdateWebhookInput = z.output<typeof UpdateWebhookBody>;

export const ListQuery = z.strictObject({ ...paginationQuery });
export type ListQuery = z.output<typeof ListQuery>;

export const WebhookDelivery = z.object({
  id: z.uuid(),
  webhookId: z.uuid(),
  eventId: z.uuid(),
  eventType: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed']),
  attempts: z.number().int(),
  responseCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int().nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  redeliveryOf: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
  completedAt: z.iso.datetime().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;
