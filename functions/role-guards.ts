import { permits } from '@halooid/shared/auth/permissions';
import { ForbiddenError } from '@halooid/shared/errors';
import { roleGrants } from './system-roles';

/**
 * Beside system-roles.ts, not in a product, because every product that
 * changes someone's access applies it (the platform's member and role APIs,
 * AdminHub's user administration).
 *
 * The rule against escalation: a person can hand out, or take away, only
 * what they hold themselves. A role whose every grant the actor holds is
 * within their reach; `taskodex:*:*` needs the actor to hold that pattern (or
 * a wider one), not just today's task permissions.
 */
export function assertCanGrant(
  actorGrants: readonly string[],
  grants: readonly string[],
  what: string,
): void {
  const beyond = grants.filter((grant) => !permits(actorGrants, grant));
  if (beyond.length > 0) {
    throw new ForbiddenError(`You cannot ${what}: it grants ${beyond.join(', ')}, which you do not hold.`);
  }
}

export function assertCanGrantRoles(
  actorGrants: readonly string[],
  roles: readonly { key: string; name: string; system: boolean; grants: string[] | null }[],
  verb: 'assign' | 'remove',
): void {
  for (const role of roles) assertCanGrant(actorGrants, roleGrants(role), `${verb} the role ${role.name}`);
}
