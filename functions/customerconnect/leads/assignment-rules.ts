import { recordAudit } from '@halooid/shared/audit';
import { ConflictError, NotFoundError, ValidationError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { expectedVersion } from '@halooid/shared/http/versioning';
import {
  deleteAssignmentRule as deleteRuleRow,
  insertAssignmentRule,
  selectAssignmentRule,
  selectAssignmentRules,
  teamExists,
  updateAssignmentRule,
} from './rules-repository';
import type { AssignmentRule, CreateAssignmentRuleInput, UpdateAssignmentRuleInput } from './schemas';

export type AssignmentRuleDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

function unknownTeam(): ValidationError {
  return new ValidationError('No such team.', [
    { field: 'body.teamId', message: 'No team with this id in this organization.', code: 'unknown_team' },
  ]);
}

/** The tenant's assignment rules in the order they are tried. */
export async function listAssignmentRules(
  deps: Pick<RequestDeps, 'tx' | 'principal'>,
): Promise<{ items: AssignmentRule[] }> {
  return { items: await selectAssignmentRules(deps.tx, deps.principal.tenantId) };
}

export async function getAssignmentRule(
  ruleId: string,
  deps: Pick<RequestDeps, 'tx' | 'principal'>,
): Promise<AssignmentRule> {
  const rule = await selectAssignmentRule(deps.tx, deps.principal.tenantId, ruleId);
  if (!rule) throw new NotFoundError('Assignment rule');
  return rule;
}

/** A new rule; left without a position it is tried last. */
export async function createAssignmentRule(
  input: CreateAssignmentRuleInput,
  deps: AssignmentRuleDeps,
): Promise<AssignmentRule> {
  const { tx, principal } = deps;
  if (!(await teamExists(tx, principal.tenantId, input.teamId))) throw unknownTeam();
  const rule = await insertAssignmentRule(tx, {
    tenantId: principal.tenantId,
    id: deps.newId(),
    name: input.name,
    kind: input.kind,
    teamId: input.teamId,
    sources: input.sources ?? [],
    position: input.position,
    active: input.active ?? true,
  });
  await recordAudit(tx, deps.actor, {
    action: 'lead_assignment_rule.created',
    targetType: 'lead_assignment_rule',
    targetId: rule.id,
    details: { name: rule.name, kind: rule.kind, teamId: rule.teamId },
  });
  return rule;
}

/** PATCH at the version read (409 when stale); moving the rule to another team restarts its turn. */
export async function changeAssignmentRule(
  ruleId: string,
  expected: { sent: number | undefined; ifMatch: string | undefined },
  input: Omit<UpdateAssignmentRuleInput, 'version'>,
  deps: AssignmentRuleDeps,
): Promise<AssignmentRule> {
  const { tx, principal } = deps;
  const current = await selectAssignmentRule(tx, principal.tenantId, ruleId, { forUpdate: true });
  if (!current) throw new NotFoundError('Assignment rule');
  const version = expectedVersion(expected.sent, expected.ifMatch);
  if (current.version !== version)
    throw new ConflictError(
      `The rule changed since you read it (now version ${current.version}).`,
      'version_conflict',
    );
  if (
    input.teamId !== undefined &&
    input.teamId !== current.teamId &&
    !(await teamExists(tx, principal.tenantId, input.teamId))
  )
    throw unknownTeam();
  const next: AssignmentRule = {
    ...current,
    ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
  };
  const updated = await updateAssignmentRule(tx, principal.tenantId, next, version);
  if (!updated) throw new ConflictError('The rule changed since you read it.', 'version_conflict');
  await recordAudit(tx, deps.actor, {
    action: 'lead_assignment_rule.updated',
    targetType: 'lead_assignment_rule',
    targetId: ruleId,
    details: { changes: Object.keys(input).filter((key) => input[key as keyof typeof input] !== undefined) },
  });
  return updated;
}

export async function deleteAssignmentRule(ruleId: string, deps: AssignmentRuleDeps): Promise<void> {
  if (!(await deleteRuleRow(deps.tx, deps.principal.tenantId, ruleId)))
    throw new NotFoundError('Assignment rule');
  await recordAudit(deps.tx, deps.actor, {
    action: 'lead_assignment_rule.deleted',
    targetType: 'lead_assignment_rule',
    targetId: ruleId,
  });
}
