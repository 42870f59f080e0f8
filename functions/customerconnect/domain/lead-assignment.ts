import type { Tx } from '@halooid/shared/db/transaction';

/**
 * Lead assignment rules: a lead created without an owner is offered to the
 * tenant's active rules in `position` order (then creation order); the first
 * rule that applies picks its owner.
 *   - A rule with `sources` applies only to leads from those sources.
 *   - `round_robin`: the next member of the rule's team.
 *   - `territory`: only when the lead's territory is one of the team's
 *     territories (case-insensitive); then the next member of that team.
 * "Next" is by user id after the rule's cursor (the last assignee), wrapping
 * around, among the team's reps (role `rep`; managers are not dealt leads).
 * Only active members of the tenant are dealt leads; a rule whose team has
 * none is skipped. The rule row is locked
 * (`select … for update`) while its cursor moves, so two concurrent leads
 * never get the same turn.
 */
export interface AssignableLead {
  source: string;
  territory: string | null;
}

export interface Assignment {
  ownerId: string;
  ruleId: string;
}

interface CandidateRule {
  id: string;
  team_id: string;
}

export async function assignLead(tx: Tx, tenantId: string, lead: AssignableLead): Promise<Assignment | null> {
  const { rows: rules } = await tx.query<CandidateRule>(
    `select r.id, r.team_id
       from customerconnect.assignment_rules r
       join customerconnect.teams t on t.tenant_id = r.tenant_id and t.id = r.team_id
      where r.tenant_id = $1 and r.active
        and (cardinality(r.sources) = 0 or $2 = any (r.sources))
        and (r.kind = 'round_robin'
             or ($3::text is not null
                 and exists (select 1 from unnest(t.territories) as tt(territory)
                              where lower(tt.territory) = lower($3::text))))
      order by r.position, r.created_at, r.id`,
    [tenantId, lead.source, lead.territory],
  );
  for (const rule of rules) {
    const ownerId = await nextInTurn(tx, tenantId, rule.id);
    if (ownerId) return { ownerId, ruleId: rule.id };
  }
  return null;
}

/** Locks the rule, takes the rep after its cursor (wrapping), moves the cursor; null when the team has no reps. */
async function nextInTurn(tx: Tx, tenantId: string, ruleId: string): Promise<string | null> {
  const { rows: locked } = await tx.query<{ cursor_user_id: string | null; team_id: string }>(
    `select cursor_user_id, team_id from customerconnect.assignment_rules
      where tenant_id = $1 and id = $2 and active for update`,
    [tenantId, ruleId],
  );
  const rule = locked[0];
  if (!rule) return null;
  const { rows: next } = await tx.query<{ user_id: string }>(
    `select m.user_id from customerconnect.team_members m
      where m.tenant_id = $1 and m.team_id = $2 and m.role = 'rep'
        and exists (select 1 from platform.memberships pm
                     where pm.tenant_id = m.tenant_id and pm.user_id = m.user_id and pm.status = 'active')
      order by ($3::uuid is not null and m.user_id <= $3::uuid), m.user_id
      limit 1`,
    [tenantId, rule.team_id, rule.cursor_user_id],
  );
  const ownerId = next[0]?.user_id;
  if (!ownerId) return null;
  await tx.query(
    `update customerconnect.assignment_rules set cursor_user_id = $3 where tenant_id = $1 and id = $2`,
    [tenantId, ruleId, ownerId],
  );
  return ownerId;
}
