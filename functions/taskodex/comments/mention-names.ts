import type { Tx } from '@halooid/shared/db/transaction';
import { peopleOf } from '../domain/tenant-people';

/** The current display names of mentioned users (members or former members of the tenant). */
export async function currentNames(tx: Tx, userIds: readonly string[]): Promise<Map<string, string>> {
  const people = await peopleOf(tx, userIds);
  return new Map([...people].map(([id, person]) => [id, person.name]));
}
