import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import * as z from 'zod';

/**
 * The tenant's member directory as administrators see it, read from the
 * platform schema (members, users, roles, sign-in events: the kernel's) and
 * AdminHub's own employee links. Status is derived in SQL, so filtering and
 * paging by it stay in one query:
 * - disabled: the membership is suspended (refused in this tenant);
 * - invited: the membership is invited, or the person never signed in yet;
 * - locked: the sign-in abuse lock (functions/platform/auth/abuse-limits.ts,
 *   15 minutes after 10 failures) — seen through its `locked` sign-in event
 *   with no successful sign-in after it;
 * - active otherwise.
 */
export const MEMBER_STATUSES = ['active', 'invited', 'disabled', 'locked'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** How long a lock lasts (ABUSE_LIMITS.lockout.lockSeconds); the directory says "locked" for that long. */
export const LOCK_SECONDS = 900;

export const DirectoryMember = z.object({
  memberId: z.uuid().meta({ description: 'The platform user id of the member.' }),
  email: z.string(),
  name: z.string(),
  status: z.enum(MEMBER_STATUSES),
  membershipStatus: z.enum(['active', 'invited', 'suspended']),
  mfaEnrolled: z.boolean(),
  passwordResetRequired: z.boolean(),
  accountManaged: z.boolean().meta({
    description:
      'Whether this workspace manages the account (the person belongs to no other workspace, or their email domain is one of its verified domains): only then may it reset their MFA or password or sign them out.',
  }),
  lastSignInAt: z.iso.datetime().nullable(),
  joinedAt: z.iso.datetime(),
  roles: z.array(z.object({ id: z.uuid(), key: z.string(), name: z.string() })),
  employee: z
    .object({ id: z.uuid(), employeeNumber: z.string(), name: z.string(), status: z.string() })
    .nullable()
    .meta({ description: 'The linked Qultrix employee, when Qultrix is enabled and one is linked.' }),
});
export type DirectoryMember = z.infer<typeof DirectoryMember>;

export interface DirectoryFilter {
  status?: MemberStatus | undefined;
  /** A role id or key. */
  role?: string | undefined;
  /** Part of the name or email. */
  q?: string | undefined;
  mfa?: boolean | undefined;
}

interface DirectoryRow {
  user_id: string;
  email: string;
  name: string;
  status: MemberStatus;
  membership_status: DirectoryMember['membershipStatus'];
  mfa_enabled: boolean;
  password_reset_required: boolean;
  account_managed: boolean;
  last_sign_in_at: Date | null;
  created_at: Date;
  roles: DirectoryMember['roles'];
  employee: DirectoryMember['employee'];
}

/** One row per member of the current tenant, status derived; filtered and paged from the outside as `d`. */
const DIRECTORY = `(
  select m.user_id, u.email, lower(u.email) as email_key, u.name, m.status as membership_status,
         u.mfa_enabled, u.password_reset_required, u.last_sign_in_at, m.created_at,
         adminhub.manages_account(m.user_id) as account_managed,
         case
           when m.status = 'suspended' then 'disabled'
           when m.status = 'invited' or u.last_sign_in_at is null then 'invited'
           when exists (
             select 1 from platform.sign_in_events l
              where l.user_id = m.user_id and l.outcome = 'locked'
                and l.occurred_at > now() - make_interval(secs => ${LOCK_SECONDS})
                and not exists (select 1 from platform.sign_in_events s
                                 where s.user_id = m.user_id and s.outcome = 'success'
                                   and s.occurred_at > l.occurred_at))
             then 'locked'
           else 'active'
         end as status,
         coalesce((select json_agg(json_build_object('id', r.id, 'key', r.key, 'name', r.name) order by r.name, r.id)
                     from platform.member_roles mr
                     join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
                    where mr.tenant_id = m.tenant_id and mr.user_id = m.user_id), '[]') as roles,
         (select json_build_object('id', e.employee_id, 'employeeNumber', e.employee_number,
                                   'name', e.display_name, 'status', e.status)
            from adminhub.employee_links e
            join platform.tenants t on t.id = e.tenant_id and 'qultrix' = any(t.enabled_products)
           where e.tenant_id = m.tenant_id and e.user_id = m.user_id
           order by e.source_at desc, e.employee_id limit 1) as employee
    from platform.memberships m
    join platform.users u on u.id = m.user_id
   where m.tenant_id = platform.current_tenant_id()
) d`;

const COLUMNS =
  'd.user_id, d.email, d.name, d.status, d.membership_status, d.mfa_enabled, d.password_reset_required, d.account_managed, d.last_sign_in_at, d.created_at, d.roles, d.employee';

const SORTS: Record<string, SortColumn> = { email: { sql: 'd.email_key', type: 'text' } };
const ID: SortColumn = { sql: 'd.user_id', type: 'uuid' };

function toMember(row: DirectoryRow): DirectoryMember {
  return {
    memberId: row.user_id,
    email: row.email,
    name: row.name,
    status: row.status,
    membershipStatus: row.membership_status,
    mfaEnrolled: row.mfa_enabled,
    passwordResetRequired: row.password_reset_required,
    accountManaged: row.account_managed,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    joinedAt: row.created_at.toISOString(),
    roles: row.roles,
    employee: row.employee,
  };
}

function whereOf(filter: DirectoryFilter, params: unknown[] = []) {
  const where = filterOf(params, ['true']);
  if (filter.status) where.where.push(`d.status = ${where.bind(filter.status)}`);
  if (filter.mfa !== undefined) where.where.push(`d.mfa_enabled = ${where.bind(filter.mfa)}`);
  // Bound, never spliced: a search term is data, even its % and _.
  if (filter.q) {
    const q = where.bind(filter.q);
    where.where.push(`(strpos(lower(d.name), lower(${q})) > 0 or strpos(d.email_key, lower(${q})) > 0)`);
  }
  if (filter.role) {
    const role = where.bind(filter.role);
    where.where.push(`exists (select 1 from platform.member_roles mr
        join platform.roles r on r.tenant_id = mr.tenant_id and r.id = mr.role_id
       where mr.tenant_id = platform.current_tenant_id() and mr.user_id = d.user_id
         and (r.key = ${role} or r.id::text = ${role}))`);
  }
  return where;
}

/** One page of the directory by email (then id), keyset-paged. */
export function selectDirectory(
  tx: Tx,
  filter: DirectoryFilter,
  page: { cursor?: string | undefined; limit: number },
) {
  return selectPage(tx, whereOf(filter), {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from ${DIRECTORY}`,
    terms: parseSort(undefined, SORTS, 'email', ID),
    cursor: page.cursor,
    limit: page.limit,
    map: (row: DirectoryRow & Record<string, unknown>) => toMember(row),
  });
}

export async function findDirectoryMember(tx: Tx, userId: string): Promise<DirectoryMember | undefined> {
  const where = whereOf({}, [userId]);
  where.where.push('d.user_id = $1');
  const { rows } = await tx.query<DirectoryRow>(
    `select ${COLUMNS} from ${DIRECTORY} where ${where.where.join(' and ')}`,
    where.params,
  );
  return rows[0] && toMember(rows[0]);
}

/** The members a filter selects, by email, at most `max` of them (a bulk job's selection). */
export async function selectDirectoryMembers(
  tx: Tx,
  filter: DirectoryFilter,
  max: number,
): Promise<DirectoryMember[]> {
  const where = whereOf(filter);
  const { rows } = await tx.query<DirectoryRow>(
    `select ${COLUMNS} from ${DIRECTORY} where ${where.where.join(' and ')}
      order by d.email_key, d.user_id limit ${where.bind(max)}`,
    where.params,
  );
  return rows.map(toMember);
}

/** The given members of the current tenant (unknown ids are simply absent). */
export async function findDirectoryMembers(tx: Tx, userIds: readonly string[]): Promise<DirectoryMember[]> {
  const where = whereOf({}, [userIds]);
  where.where.push('d.user_id = any($1::uuid[])');
  const { rows } = await tx.query<DirectoryRow>(
    `select ${COLUMNS} from ${DIRECTORY} where ${where.where.join(' and ')} order by d.email_key, d.user_id`,
    where.params,
  );
  return rows.map(toMember);
}
