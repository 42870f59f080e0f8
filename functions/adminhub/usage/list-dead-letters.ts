import type { TenantDeadLetters } from './dead-letters';
import type { DeadLetterList } from './schemas';

/** The caller's tenant's dead letters, newest first; `available: false` where they cannot be read per tenant. */
export function listDeadLetters(letters: TenantDeadLetters | undefined): DeadLetterList {
  return letters ? { available: true, items: letters.list() } : { available: false, items: [] };
}
