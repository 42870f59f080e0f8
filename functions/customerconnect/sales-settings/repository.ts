import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { VisibilityMode } from '../domain/visibility';
import type {
  CreateTeamInput,
  CreateViewInput,
  ListTeamsQuery,
  ListViewsQuery,
  SalesSettings,
  SavedView,
  Team,
  TeamMember,
  UpdateTeamInput,
  UpdateViewInput,
} from './schemas';

/** SQL for settings, teams and saved views; every statement filters by tenant_id (RLS is the backstop). */

// Settings -------------------------------------------------------------------

interface SettingsRow {
  company_visibility: VisibilityMode;
  contact_visibility: VisibilityMode;
  lead_visibility: VisibilityMode;
  opportunity_visibility: VisibilityMode;
  version: number;
  updated_at: Date;
}

const SETTINGS_COLUMNS =
  'company_visibility, contact_visibility, lead_visibility, opportunity_visibility, version, updated_at';

function toSettings(row: SettingsRow | undefined): SalesSettings {
  if (!row)
    return {
      visibility: { company: 'all', contact: 'all', lead: 'all', opportunity: 'all' },
      version: 1,
      updatedAt: null,
    };
  return {
    visibility: {
      company: row.company_visibility,
      contact: row.contact_visibility,
      lead: row.lead_visibility,
      opportunity: row.opportunity_visibility,
    },
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The tenant's settings; the defaults (everything `all`, version 1) until someone saves them. */
export async function selectSettings(
  tx: Tx,
  tenantId: string,
  options: { forUpdate?: boolean } = {},
): Promise<SalesSettings> {
  const { rows } = await tx.query<SettingsRow>(
    `select ${SETTINGS_COLUMNS} from customerconnect.settings where tenant_id = $1${options.forUpdate ? ' for update' : ''}`,
    [tenantId],
  );
  return toSettings(rows[0]);
}

/** Writes the visibility if the row is still at `version` (a missing row is version 1); undefined when stale. */
export async function writeSettings(
  tx: Tx,
  tenantId: string,
  visibility: SalesSettings['visibility'],
  version: number,
): Promise<SalesSettings | undefined> {
  const { rows } = await tx.query<SettingsRow>(
    `insert into customerconnect.settings as s
       (tenant_id, company_visibility, contact_visibility, lead_visibility, opportunity_visibility, version)
     select $1, $2, $3, $4, $5, 2 where $6 = 1
     on conflict (tenant_id) do update
       set company_visibility = excluded.company_visibility,
           contact_visibility = excluded.contact_visibility,
           lead_visibility = excluded.lead_visibility,
           opportunity_visibility = excluded.opportunity_visibility,
           version = s.version + 1, updated_at = now()
       where s.version = $6
     returning ${SETTINGS_COLUMNS}`,
    [tenantId, visibility.company, visibility.contact, visibility.lead, visibility.opportunity, version],
  );
  if (rows[0] || version === 1) return rows[0] ? toSettings(rows[0]) : undefined;
  // The insert's `where $6 = 1` skipped the upsert entirely: update an existing row at that version.
  const updated = await tx.query<SettingsRow>(
    `update customerconnect.settings
        set company_visibility = $2, contact_visibility = $3, lead_visibility = $4,
            opportunity_visibility = $5, version = version + 1, updated_at = now()
      where tenant_id = $1 and version = $6
      returning ${SETTINGS_COLUMNS}`,
    [tenantId, visibility.company, visibility.contact, visibility.lead, visibility.opportunity, version],
  );
  return updated.rows[0] ? toSettings(updated.rows[0]) : undefined;
}

// Teams ----------------------------------------------------------------------

interface TeamRow {
  id: string;
  name: string;
  territories: string[];
  members: TeamMember[];
  version: number;
  created_at: Date;
}

const TEAM_COLUMNS = `t.id, t.name, t.territories, t.version, t.created_at,
  coalesce((select json_agg(json_build_object(
              'userId', m.user_id, 'role', m.role,
              'joinedAt', to_char(m.joined_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
            order by m.role, m.joined_at, m.user_id)
     from customerconnect.team_members m
    where m.tenant_id = t.tenant_id and m.team_id = t.id), '[]'::json) as members`;
const TEAM_SORTS: Record<string, SortColumn> = { name: { sql: 'lower(t.name)', type: 'text' } };

function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    territories: row.territories,
    members: row.members,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export async function insertTeam(
  tx: Tx,
  team: CreateTeamInput & { tenantId: string; id: string },
): Promise<void> {
  await tx.query(
    'insert into customerconnect.teams (tenant_id, id, name, territories) values ($1, $2, $3, $4)',
    [team.tenantId, team.id, team.name, team.territories],
  );
}

export async function selectTeam(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Team | undefined> {
  const { rows } = await tx.query<TeamRow>(
    `select ${TEAM_COLUMNS} from customerconnect.teams t where t.tenant_id = $1 and t.id = $2${options.forUpdate ? ' for update of t' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toTeam(rows[0]) : undefined;
}

export async function teamNameTaken(
  tx: Tx,
  tenantId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `select 1 from customerconnect.teams
      where tenant_id = $1 and lower(name) = lower($2) and ($3::uuid is null or id <> $3)`,
    [tenantId, name, exceptId ?? null],
  );
  return (rowCount ?? 0) > 0;
}

export function selectTeams(tx: Tx, tenantId: string, query: ListTeamsQuery) {
  const terms = parseSort(undefined, TEAM_SORTS, 'name', { sql: 't.id', type: 'uuid' });
  const filter = filterOf([tenantId], ['t.tenant_id = $1']);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${TEAM_COLUMNS}, ${sortValues} from customerconnect.teams t`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: TeamRow & Record<string, unknown>) => toTeam(row),
  });
}

/** Applies the change if the row is still at `version`; false when stale. */
export async function updateTeam(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: UpdateTeamInput,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `update customerconnect.teams
        set name = coalesce($4, name), territories = coalesce($5, territories), version = version + 1
      where tenant_id = $1 and id = $2 and version = $3`,
    [tenantId, id, changes.version, changes.name ?? null, changes.territories ?? null],
  );
  return (rowCount ?? 0) > 0;
}

/** The assignment rules routing to the team (a team they use cannot be deleted). */
export async function rulesUsingTeam(tx: Tx, tenantId: string, id: string): Promise<number> {
  const { rows } = await tx.query<{ count: number }>(
    'select count(*)::int as count from customerconnect.assignment_rules where tenant_id = $1 and team_id = $2',
    [tenantId, id],
  );
  return rows[0]?.count ?? 0;
}

export async function deleteTeam(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query('delete from customerconnect.teams where tenant_id = $1 and id = $2', [tenantId, id]);
}

export async function upsertMember(
  tx: Tx,
  tenantId: string,
  teamId: string,
  userId: string,
  role: TeamMember['role'],
): Promise<{ previousRole: TeamMember['role'] | null }> {
  const before = await tx.query<{ role: TeamMember['role'] }>(
    'select role from customerconnect.team_members where tenant_id = $1 and team_id = $2 and user_id = $3 for update',
    [tenantId, teamId, userId],
  );
  await tx.query(
    `insert into customerconnect.team_members (tenant_id, team_id, user_id, role) values ($1, $2, $3, $4)
     on conflict (tenant_id, team_id, user_id) do update set role = excluded.role`,
    [tenantId, teamId, userId, role],
  );
  return { previousRole: before.rows[0]?.role ?? null };
}

export async function deleteMember(
  tx: Tx,
  tenantId: string,
  teamId: string,
  userId: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    'delete from customerconnect.team_members where tenant_id = $1 and team_id = $2 and user_id = $3',
    [tenantId, teamId, userId],
  );
  return (rowCount ?? 0) > 0;
}

/** Marks a team change (membership) on the team's version, so ETags move. */
export async function touchTeam(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query('update customerconnect.teams set version = version + 1 where tenant_id = $1 and id = $2', [
    tenantId,
    id,
  ]);
}

// Saved views ----------------------------------------------------------------

interface ViewRow {
  id: string;
  object: SavedView['object'];
  name: string;
  owner_id: string | null;
  shared: boolean;
  query: Record<string, string>;
  version: number;
  created_at: Date;
}

const VIEW_COLUMNS = 'id, object, name, owner_id, shared, query, version, created_at';
const VIEW_SORTS: Record<string, SortColumn> = { name: { sql: 'lower(name)', type: 'text' } };

function toView(row: ViewRow): SavedView {
  return {
    id: row.id,
    object: row.object,
    name: row.name,
    ownerId: row.owner_id,
    shared: row.shared,
    query: row.query,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export async function insertView(
  tx: Tx,
  view: CreateViewInput & { tenantId: string; id: string; ownerId: string | null },
): Promise<SavedView> {
  const { rows } = await tx.query<ViewRow>(
    `insert into customerconnect.saved_views (tenant_id, id, object, name, owner_id, shared, query)
     values ($1, $2, $3, $4, $5, $6, $7) returning ${VIEW_COLUMNS}`,
    [view.tenantId, view.id, view.object, view.name, view.ownerId, view.shared, JSON.stringify(view.query)],
  );
  return toView(rows[0] as ViewRow);
}

export async function selectView(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SavedView | undefined> {
  const { rows } = await tx.query<ViewRow>(
    `select ${VIEW_COLUMNS} from customerconnect.saved_views where tenant_id = $1 and id = $2${options.forUpdate ? ' for update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toView(rows[0]) : undefined;
}

/** The caller's views and the shared ones, of the objects they may read, by name. */
export function selectViews(
  tx: Tx,
  tenantId: string,
  userId: string | null,
  objects: readonly string[],
  query: ListViewsQuery,
) {
  const terms = parseSort(undefined, VIEW_SORTS, 'name');
  const filter = filterOf(
    [tenantId, userId, objects],
    ['tenant_id = $1', '(shared or owner_id = $2)', 'object = any($3::text[])'],
  );
  if (query.object) filter.where.push(`object = ${filter.bind(query.object)}`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${VIEW_COLUMNS}, ${sortValues} from customerconnect.saved_views`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: ViewRow & Record<string, unknown>) => toView(row),
  });
}

export async function updateView(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: UpdateViewInput,
): Promise<SavedView | undefined> {
  const { rows } = await tx.query<ViewRow>(
    `update customerconnect.saved_views
        set name = coalesce($4, name), query = coalesce($5::jsonb, query), shared = coalesce($6, shared),
            version = version + 1
      where tenant_id = $1 and id = $2 and version = $3
      returning ${VIEW_COLUMNS}`,
    [
      tenantId,
      id,
      changes.version,
      changes.name ?? null,
      changes.query === undefined ? null : JSON.stringify(changes.query),
      changes.shared ?? null,
    ],
  );
  return rows[0] ? toView(rows[0]) : undefined;
}

export async function deleteView(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query('delete from customerconnect.saved_views where tenant_id = $1 and id = $2', [tenantId, id]);
}
