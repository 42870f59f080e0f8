import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  Activity,
  ActivityParams,
  CreateActivityBody,
  ListActivitiesQuery,
  Timeline,
  TimelineParams,
  TimelineQuery,
  UpdateActivityBody,
} from './schemas';

/**
 * Activities (notes, calls, meetings, logged emails, tasks) linked to
 * companies, contacts, leads and opportunities, with @mentions that notify,
 * and the unified timeline of a record. Who sees an activity follows the
 * records it is linked to (domain/visibility.ts): its author and assignee,
 * and anyone who sees one of its records. Only the author, or a holder of
 * `customerconnect:record:admin`, changes or deletes one.
 */
export const activitiesService = defineService({
  product: 'customerconnect',
  capability: 'activities',
  description: 'Notes, calls, meetings, logged emails and tasks on CRM records, and each record’s timeline.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [{ type: 'activity.created' }],
  permissions: [
    {
      name: 'customerconnect:activity:read',
      description: 'See activities and timelines of the records you see.',
    },
    {
      name: 'customerconnect:activity:write',
      description: 'Log activities on the records you see; change your own.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listActivities',
      method: 'GET',
      path: '/v1/customerconnect/activities',
      permission: 'customerconnect:activity:read',
      summary: 'List activities',
      description:
        'Newest first (by `occurredAt`), a page at a time. Filter by record (`recordType` + `recordId`, 404 when you cannot see it), `type`, `assigneeId` (or `me`), `done` and an `occurredAt` range (`from`, `to`). Only activities you may see are listed.',
      query: ListActivitiesQuery,
      response: pageOf(Activity),
    }),
    defineRoute({
      operationId: 'createActivity',
      method: 'POST',
      path: '/v1/customerconnect/activities',
      permission: 'customerconnect:activity:write',
      summary: 'Log an activity',
      description:
        'Links 1–10 records you can see (another record is a 404; a merged-away id links its survivor). Mentioned members are notified. Linking a lead rescores it. Honours `Idempotency-Key`.',
      body: CreateActivityBody,
      status: 201,
      response: Activity,
    }),
    defineRoute({
      operationId: 'getActivity',
      method: 'GET',
      path: '/v1/customerconnect/activities/{activityId}',
      permission: 'customerconnect:activity:read',
      summary: 'Get an activity',
      description: 'An activity you may not see is a 404. The ETag is its version.',
      params: ActivityParams,
      response: Activity,
    }),
    defineRoute({
      operationId: 'updateActivity',
      method: 'PATCH',
      path: '/v1/customerconnect/activities/{activityId}',
      permission: 'customerconnect:activity:write',
      summary: 'Change an activity',
      description:
        'The author or a record admin only (403 otherwise). Partial update with optimistic concurrency: send `version` (or `If-Match`); a stale one gets 409. `links` replaces the links as a whole; the type cannot change.',
      params: ActivityParams,
      body: UpdateActivityBody,
      headers: IF_MATCH_HEADER,
      response: Activity,
    }),
    defineRoute({
      operationId: 'deleteActivity',
      method: 'DELETE',
      path: '/v1/customerconnect/activities/{activityId}',
      permission: 'customerconnect:activity:write',
      summary: 'Delete an activity',
      description: 'The author or a record admin only (403 otherwise). The audit log keeps what it was.',
      params: ActivityParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'getTimeline',
      method: 'GET',
      path: '/v1/customerconnect/timelines/{recordType}/{recordId}',
      permission: 'customerconnect:activity:read',
      summary: "A record's timeline",
      description:
        'Activities linked to the record (for a company, also those of its contacts you can see), its field changes and (opportunities) stage moves, newest first, a page at a time; `types` narrows it. A record you cannot see is a 404; a merged-away id shows its survivor’s timeline.',
      params: TimelineParams,
      query: TimelineQuery,
      response: Timeline,
    }),
  ],
});
