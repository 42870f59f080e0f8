import type { Tx } from '@halooid/shared/db/transaction';
import type { AssignmentRule, ScoringRule } from './schemas';

/** SQL for lead scoring and assignment rules; every statement filters by tenant_id (RLS is the backstop). */
interface ScoringRuleRow {
  id: string;
  kind: 'field' | 'activity';
  field: string | null;
  value: string | null;
  activity_type: ScoringRule['activityType'];
  points: number;
  created_at: Date;
}

const SCORING_COLUMNS = 'id, kind, field, value, activity_type, points, created_at';

function toScoringRule(row: ScoringRuleRow): ScoringRule {
  return {
    id: row.id,
    kind: row.kind,
    field: row.field,
    value: row.value,
    activityType: row.activity_type,
    points: row.points,
    createdAt: row.created_at.toISOString(),
  };
}

export async function selectScoringRules(tx: Tx, tenantId: string): Promise<ScoringRule[]> {
  const { rows } = await tx.query<ScoringRuleRow>(
    `select ${SCORING_COLUMNS} from customerconnect.lead_scoring_rules
      where tenant_id = $1 order by created_at, id limit 1000`,
    [tenantId],
  );
  return rows.map(toScoringRule);
}

export async function insertScoringRule(
  tx: Tx,
  rule: Omit<ScoringRule, 'createdAt'> & { tenantId: string },
): Promise<ScoringRule> {
  const { rows } = await tx.query<ScoringRuleRow>(
    `insert into customerconnect.lead_scoring_rules (tenant_id, id, kind, field, value, activity_type, points)
     values ($1, $2, $3, $4, $5, $6, $7) returning ${SCORING_COLUMNS}`,
    [rule.tenantId, rule.id, rule.kind, rule.field, rule.value, rule.activityType, rule.points],
  );
  return toScoringRule(rows[0] as ScoringRuleRow);
}

export async function deleteScoringRule(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<ScoringRule | undefined> {
  const { rows } = await tx.query<ScoringRuleRow>(
    `delete from customerconnect.lead_scoring_rules where tenant_id = $1 and id = $2 returning ${SCORING_COLUMNS}`,
    [tenantId, id],
  );
  return rows[0] ? toScoringRule(rows[0]) : undefined;
}

export async function countScoringRules(tx: Tx, tenantId: string): Promise<number> {
  const { rows } = await tx.query<{ n: number }>(
    'select count(*)::int as n from customerconnect.lead_scoring_rules where tenant_id = $1',
    [tenantId],
  );
  return rows[0]?.n ?? 0;
}

interface AssignmentRuleRow {
  id: string;
  name: string;
  kind: AssignmentRule['kind'];
  team_id: string;
  sources: AssignmentRule['sources'];
  position: number;
  active: boolean;
  cursor_user_id: string | null;
  version: number;
  created_at: Date;
}

const ASSIGNMENT_COLUMNS =
  'id, name, kind, team_id, sources, position, active, cursor_user_id, version, created_at';

function toAssignmentRule(row: AssignmentRuleRow): AssignmentRule {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    teamId: row.team_id,
    sources: row.sources,
    position: row.position,
    active: row.active,
    lastAssigneeId: row.cursor_user_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export async function selectAssignmentRules(tx: Tx, tenantId: string): Promise<AssignmentRule[]> {
  const { rows } = await tx.query<AssignmentRuleRow>(
    `select ${ASSIGNMENT_COLUMNS} from customerconnect.assignment_rules
      where tenant_id = $1 order by position, created_at, id limit 1000`,
    [tenantId],
  );
  return rows.map(toAssignmentRule);
}

export async function selectAssignmentRule(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<AssignmentRule | undefined> {
  const { rows } = await tx.query<AssignmentRuleRow>(
    `select ${ASSIGNMENT_COLUMNS} from customerconnect.assignment_rules
      where tenant_id = $1 and id = $2${options.forUpdate ? ' for update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toAssignmentRule(rows[0]) : undefined;
}

export async function teamExists(tx: Tx, tenantId: string, teamId: string): Promise<boolean> {
  const { rows } = await tx.query('select 1 from customerconnect.teams where tenant_id = $1 and id = $2', [
    tenantId,
    teamId,
  ]);
  return rows.length > 0;
}

export async function insertAssignmentRule(
  tx: Tx,
  rule: Pick<AssignmentRule, 'id' | 'name' | 'kind' | 'teamId' | 'sources' | 'active'> & {
    tenantId: string;
    position: number | undefined;
  },
): Promise<AssignmentRule> {
  const { rows } = await tx.query<AssignmentRuleRow>(
    `insert into customerconnect.assignment_rules (tenant_id, id, name, kind, team_id, sources, position, active)
     values ($1, $2, $3, $4, $5, $6, coalesce($7::int,
       (select coalesce(max(position) + 1, 0) from customerconnect.assignment_rules where tenant_id = $1)), $8)
     returning ${ASSIGNMENT_COLUMNS}`,
    [
      rule.tenantId,
      rule.id,
      rule.name,
      rule.kind,
      rule.teamId,
      rule.sources,
      rule.position ?? null,
      rule.active,
    ],
  );
  return toAssignmentRule(rows[0] as AssignmentRuleRow);
}

export async function updateAssignmentRule(
  tx: Tx,
  tenantId: string,
  rule: AssignmentRule,
  expectedVersion: number,
): Promise<AssignmentRule | undefined> {
  const { rows } = await tx.query<AssignmentRuleRow>(
    `update customerconnect.assignment_rules
        set name = $4, kind = $5, team_id = $6, sources = $7, position = $8, active = $9,
            -- Another team's members: the turn starts again.
            cursor_user_id = case when team_id = $6 then cursor_user_id end,
            version = version + 1
      where tenant_id = $1 and id = $2 and version = $3
      returning ${ASSIGNMENT_COLUMNS}`,
    [
      tenantId,
      rule.id,
      expectedVersion,
      rule.name,
      rule.kind,
      rule.teamId,
      rule.sources,
      rule.position,
      rule.active,
    ],
  );
  return rows[0] ? toAssignmentRule(rows[0]) : undefined;
}

export async function deleteAssignmentRule(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'delete from customerconnect.assignment_rules where tenant_id = $1 and id = $2',
    [tenantId, id],
  );
  return rowCount === 1;
}
