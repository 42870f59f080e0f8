import { recordAudit } from '@halooid/shared/audit';
import { NotFoundError, ValidationError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { loadFields } from '../domain/custom-fields';
import { CUSTOM_FIELD_PATTERN, recomputeLeadScores } from '../domain/lead-scoring';
import {
  countScoringRules,
  deleteScoringRule as deleteRuleRow,
  insertScoringRule,
  selectScoringRules,
} from './rules-repository';
import type { CreateScoringRuleInput, ScoringRule } from './schemas';

export type ScoringRuleDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId'>;

/** A tenant has at most this many scoring rules (each lead's score sums over them). */
export const MAX_SCORING_RULES = 200;

export async function listScoringRules(
  deps: Pick<RequestDeps, 'tx' | 'principal'>,
): Promise<{ items: ScoringRule[] }> {
  return { items: await selectScoringRules(deps.tx, deps.principal.tenantId) };
}

/**
 * Adds a rule and rescoring every lead of the tenant in the same transaction
 * (one statement), so scores never disagree with the rules. A `custom.<key>`
 * field must name a defined lead custom field.
 */
export async function createScoringRule(
  input: CreateScoringRuleInput,
  deps: ScoringRuleDeps,
): Promise<ScoringRule> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  if (input.kind === 'field') {
    const key = CUSTOM_FIELD_PATTERN.exec(input.field)?.[1];
    if (key !== undefined && !(await loadFields(tx, tenantId, 'lead')).byKey.has(key)) {
      throw new ValidationError(`No lead custom field "${key}" is defined.`, [
        { field: 'body.field', message: `No lead custom field "${key}" is defined.`, code: 'unknown_field' },
      ]);
    }
  }
  if ((await countScoringRules(tx, tenantId)) >= MAX_SCORING_RULES) {
    throw new ValidationError(`At most ${MAX_SCORING_RULES} scoring rules.`, [
      { field: 'body', message: `At most ${MAX_SCORING_RULES} scoring rules.`, code: 'too_many_rules' },
    ]);
  }
  const rule = await insertScoringRule(tx, {
    tenantId,
    id: deps.newId(),
    kind: input.kind,
    field: input.kind === 'field' ? input.field : null,
    value: input.kind === 'field' ? (input.value ?? null) : null,
    activityType: input.kind === 'activity' ? input.activityType : null,
    points: input.points,
  });
  const rescored = await recomputeLeadScores(tx, tenantId);
  await recordAudit(tx, deps.actor, {
    action: 'lead_scoring_rule.created',
    targetType: 'lead_scoring_rule',
    targetId: rule.id,
    details: {
      kind: rule.kind,
      field: rule.field,
      activityType: rule.activityType,
      points: rule.points,
      rescored,
    },
  });
  return rule;
}

/** Removes a rule and rescoring every lead of the tenant in the same transaction. */
export async function deleteScoringRule(ruleId: string, deps: ScoringRuleDeps): Promise<void> {
  const { tx, principal } = deps;
  const rule = await deleteRuleRow(tx, principal.tenantId, ruleId);
  if (!rule) throw new NotFoundError('Scoring rule');
  const rescored = await recomputeLeadScores(tx, principal.tenantId);
  await recordAudit(tx, deps.actor, {
    action: 'lead_scoring_rule.deleted',
    targetType: 'lead_scoring_rule',
    targetId: ruleId,
    details: { rescored },
  });
}
