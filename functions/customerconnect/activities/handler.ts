import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { changeActivity } from './change-activity';
import { createActivity } from './create-activity';
import { deleteActivity } from './delete-activity';
import { getActivity } from './get-activity';
import { listActivities } from './list-activities';
import { activitiesService } from './service';
import { getTimeline } from './timeline';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(activitiesService, {
  listActivities: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listActivities(query, deps)),
  }),
  createActivity: async ({ body, inTenant }) => {
    const activity = await inTenant((deps) => createActivity(body, deps));
    return {
      body: activity,
      headers: { Location: `/v1/customerconnect/activities/${activity.id}`, ...etag(activity.version) },
    };
  },
  getActivity: async ({ params, inTenant }) => {
    const activity = await inTenant((deps) => getActivity(params.activityId, deps));
    return { body: activity, headers: etag(activity.version) };
  },
  updateActivity: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const activity = await inTenant((deps) => changeActivity(params.activityId, version, changes, deps));
    return { body: activity, headers: etag(activity.version) };
  },
  deleteActivity: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteActivity(params.activityId, deps));
    return { body: undefined };
  },
  getTimeline: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) => getTimeline(params.recordType, params.recordId, query, deps)),
  }),
});
