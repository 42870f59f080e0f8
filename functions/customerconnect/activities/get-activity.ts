import { NotFoundError } from '@halooid/shared/errors';
import { binderFor } from '../domain/visibility';
import { presented, type ReadDeps } from './activity-rules';
import { activityVisibleCondition } from './record-access';
import { type StoredActivity, selectActivity } from './repository';
import type { Activity } from './schemas';

/** The activity as stored, if the caller may see it (404 otherwise); `forUpdate` locks it. */
export async function getVisibleActivity(
  id: string,
  deps: ReadDeps,
  options: { forUpdate?: boolean } = {},
): Promise<StoredActivity> {
  const values: unknown[] = [deps.principal.tenantId];
  const visible = await activityVisibleCondition(deps.tx, deps.principal, 'a', binderFor(values));
  const activity = await selectActivity(deps.tx, values, id, visible, options);
  if (!activity) throw new NotFoundError('Activity');
  return activity;
}

/** One activity: its author's, its assignee's, or on a record the caller sees. */
export async function getActivity(id: string, deps: ReadDeps): Promise<Activity> {
  const [shown] = await presented(deps.tx, [await getVisibleActivity(id, deps)]);
  return shown as Activity;
}
