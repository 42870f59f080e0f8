import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { selectAlert } from './repository';
import type { Alert } from './schemas';

/** What this use case needs from the request (a subset, so tests can pass fakes). */
export type GetAlertDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** One alert of the caller's tenant; another tenant's, or none, is a 404. */
export async function getAlert(id: string, deps: GetAlertDeps): Promise<Alert> {
  const alert = await selectAlert(deps.tx, deps.principal.tenantId, id);
  if (!alert) throw new NotFoundError('Alert');
  return alert;
}
