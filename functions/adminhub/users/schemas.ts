import { pageOf, paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';
import { DirectoryMember, MEMBER_STATUSES } from '../domain/members-directory';

/**
 * User administration as the API shows it. A user here is a member of the
 * tenant, addressed by their platform user id (`memberId`); the directory
 * entry is domain/members-directory.ts. Every request string has a maximum
 * length (Spectral fails the build otherwise).
 */
export { DirectoryMember as User };

export const UserPage = pageOf(DirectoryMember);

export const ListUsersQuery = z.strictObject({
  ...paginationQuery,
  status: z.enum(MEMBER_STATUSES).optional(),
  role: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Only members holding this role (its id or key, e.g. `admin`).' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Only members whose name or email contains this.' }),
  mfa: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .meta({ description: 'Only members with (true) or without (false) MFA enrolled.' }),
});
export type ListUsersQuery = z.output<typeof ListUsersQuery>;

export const MemberParams = z.strictObject({ memberId: z.uuid() });
export const SessionParams = z.strictObject({ memberId: z.uuid(), sessionId: z.uuid() });

export const UserSession = z.object({
  id: z.uuid(),
  device: z.string().nullable().meta({ description: 'Such as "Chrome on macOS".' }),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  country: z.string().nullable(),
  createdAt: z.iso.datetime().meta({ description: 'First seen: when the person signed in.' }),
  lastSeenAt: z.iso.datetime(),
});
export const UserSessionList = z.object({ items: z.array(UserSession) });

export const SessionsEnded = z.object({
  ended: z.number().int().meta({ description: 'How many open sessions were ended.' }),
});

export const InvitationResent = z.object({
  memberId: z.uuid(),
  email: z.string(),
  sent: z
    .boolean()
    .meta({ description: 'False only on the local stand-in, whose Cognito cannot resend an invitation.' }),
});
