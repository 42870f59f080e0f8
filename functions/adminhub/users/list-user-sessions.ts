import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { listSessions } from '@halooid/shared/sessions';
import { requireDirectoryMember } from '../domain/members-access';

/** A member's open sessions, newest first; a non-member is a 404 (not an empty list). */
export async function listUserSessions(memberId: string, deps: Pick<RequestDeps, 'tx'>) {
  await requireDirectoryMember(deps.tx, memberId);
  const sessions = await listSessions(deps.tx, memberId);
  return {
    items: sessions.map((session) => ({
      id: session.id,
      device: session.device,
      userAgent: session.userAgent,
      ip: session.ip,
      country: session.country,
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
    })),
  };
}
