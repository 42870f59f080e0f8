import { type LocalDeadLetters, localDeadLetters } from '@halooid/shared/metrics/local-dead-letters';
import type { DeadLetter } from './schemas';

/**
 * One tenant's dead letters: events a consumer still failed after its
 * retries. Locally the event bus keeps them with their envelope, so they can
 * be told apart by tenant and sent again. In AWS they sit in one SQS queue
 * per rule, mixed across tenants, and reading them per tenant would mean
 * receiving every message: there this is undefined and the page says so
 * (operators see the queues' depths in their health view). See
 * docs/decisions.md.
 */
export interface TenantDeadLetters {
  list(): DeadLetter[];
  /** Sends those with these ids (all of the tenant's when absent) again; returns the ids sent. */
  redrive(ids?: readonly string[]): { redriven: string[]; unknown: string[] };
}

export function tenantDeadLetters(
  tenantId: string,
  source: LocalDeadLetters | undefined = localDeadLetters(),
): TenantDeadLetters | undefined {
  if (!source) return undefined;
  const mine = () => source.list().filter((letter) => letter.tenantId === tenantId);
  return {
    list: () =>
      mine()
        .map(({ tenantId: _tenant, ...letter }) => letter)
        .sort((a, b) => b.deadAt.localeCompare(a.deadAt) || a.id.localeCompare(b.id)),
    redrive(ids) {
      const held = new Set(mine().map((letter) => letter.id));
      const wanted = ids ?? [...held];
      const unknown = wanted.filter((id) => !held.has(id));
      if (unknown.length > 0) return { redriven: [], unknown };
      return { redriven: wanted.filter((id) => source.redrive(id)), unknown: [] };
    },
  };
}
