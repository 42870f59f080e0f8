import { recordAudit } from '@halooid/shared/audit';
import { BusinessRuleError, NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { TenantDeadLetters } from './dead-letters';
import type { RedriveInput, RedriveResult } from './schemas';

export type RedriveDeps = Pick<RequestDeps, 'tx' | 'actor'> & { letters: TenantDeadLetters | undefined };

/**
 * Sends the tenant's dead letters (those named, or all) to their rules again.
 * An id that is not one of the tenant's is a 404 and nothing is sent. The
 * audit record is written first, in the request's transaction; the consumers
 * are idempotent (platform.inbox), so a letter sent again whose audit then
 * failed to commit has no second effect.
 */
export async function redriveDeadLetters(input: RedriveInput, deps: RedriveDeps): Promise<RedriveResult> {
  if (!deps.letters) {
    throw new BusinessRuleError(
      'dead_letters_unavailable',
      "Dead letters cannot be told apart by tenant here (AWS keeps them in one SQS queue per rule); the platform's operators redrive them.",
    );
  }
  const known = new Set(deps.letters.list().map((letter) => letter.id));
  const ids = input.ids ?? [...known];
  if (ids.some((id) => !known.has(id))) throw new NotFoundError('Dead letter');
  await recordAudit(deps.tx, deps.actor, {
    action: 'adminhub.dead_letter.redriven',
    targetType: 'dead_letter',
    details: { ids, count: ids.length },
  });
  const { redriven } = deps.letters.redrive(ids);
  return { redriven };
}
