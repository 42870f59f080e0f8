import { defineRoute, defineService } from '@halooid/shared/manifest';
import { DeadLetterList, RedriveBody, RedriveResult, UsageQuery, UsageReport } from './schemas';

/**
 * The tenant's usage: requests against its tier's daily quota, by API key
 * and product, error rate and latency per product, storage, webhook delivery
 * health and dead-lettered events with redrive. Read from what the platform
 * records (platform.request_usage, api_key_networks, webhooks, the event
 * bus); it keeps no table of its own. Reading is for Admins and Auditors;
 * redriving sends events to consumers again, so it is a write of its own.
 */
export const usageService = defineService({
  product: 'adminhub',
  capability: 'usage',
  description: "The tenant's usage, quota, latency, storage, webhook health and dead letters.",
  resources: { database: true },
  permissions: [
    {
      name: 'adminhub:usage:read',
      description: "See the workspace's usage, quota, latency, storage and dead letters.",
    },
    {
      name: 'adminhub:usage:write',
      description: "Send the workspace's dead-lettered events to their consumers again.",
    },
  ],
  routes: [
    defineRoute({
      operationId: 'getUsage',
      method: 'GET',
      path: '/v1/adminhub/usage',
      permission: 'adminhub:usage:read',
      summary: 'Usage of the workspace',
      description:
        "Requests per UTC day against the tier's quotaPerDay, by API key (with the client networks it was called from) and by product over the last `days` days; error rate and p95/p99 latency per product over the last 24 hours with an hourly series; storage (an estimate: rows per table × average row size); webhook delivery health over 24 hours; the dead-letter depth. Counts are of requests that reached a function, written in batches up to a minute late.",
      query: UsageQuery,
      response: UsageReport,
    }),
    defineRoute({
      operationId: 'listDeadLetters',
      method: 'GET',
      path: '/v1/adminhub/usage/dead-letters',
      permission: 'adminhub:usage:read',
      summary: "The workspace's dead-lettered events",
      description:
        'Events a consumer still failed after its retries, newest first. `available` is false where they cannot be told apart by tenant (AWS: one SQS queue per rule).',
      response: DeadLetterList,
    }),
    defineRoute({
      operationId: 'redriveDeadLetters',
      method: 'POST',
      path: '/v1/adminhub/usage/dead-letters/redrive',
      permission: 'adminhub:usage:write',
      summary: 'Send dead-lettered events again',
      description:
        "The named dead letters (all of the workspace's when `ids` is absent) go to their consumers again; an id that is not the workspace's is a 404 and nothing is sent. 422 `dead_letters_unavailable` where they cannot be read per tenant. Audited as `adminhub.dead_letter.redriven`.",
      body: RedriveBody,
      response: RedriveResult,
    }),
  ],
});
