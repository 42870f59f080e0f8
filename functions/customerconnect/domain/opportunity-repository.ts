import { recordAudit } from '@halooid/shared/audit';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { customerconnectEvents } from '../events';
import { loadFields, validateCustom } from './custom-fields';
import {
  type NewOpportunity,
  type Opportunity,
  type OpportunityContact,
  type OpportunityDetail,
  snapshotOf,
} from './opportunity';
import { defaultPipeline, firstOpenStage, type Pipeline, selectPipeline } from './pipelines';
import { recordChange } from './record-changes';
import { type Bind, binderFor, type Visibility, visibilityOf, visibleCondition } from './visibility';

/**
 * SQL for opportunities shared by the opportunities capability, the board,
 * the forecast and lead conversion. Every read ANDs the caller's visibility
 * (domain/visibility.ts) into its WHERE; a row outside it does not exist.
 */
export interface OpportunityRow {
  id: string;
  name: string;
  pipeline_id: string;
  stage_id: string;
  stage_name: string;
  stage_kind: 'open' | 'won' | 'lost';
  stage_probability: string;
  status: 'open' | 'won' | 'lost';
  amount: string | null;
  currency: string | null;
  expected_close_date: string | null;
  owner_id: string | null;
  company_id: string | null;
  lead_id: string | null;
  rank: string;
  stage_entered_at: Date;
  closed_at: Date | null;
  close_reason: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Select list over `o` (opportunities) joined to `s` (its stage). */
export const OPPORTUNITY_COLUMNS = `o.id, o.name, o.pipeline_id, o.stage_id, s.name as stage_name, s.kind as stage_kind,
  s.probability::text as stage_probability, o.status, o.amount::text as amount, o.currency,
  o.expected_close_date::text as expected_close_date, o.owner_id, o.company_id, o.lead_id, o.rank::text as rank,
  o.stage_entered_at, o.closed_at, o.close_reason, o.tags, o.custom, o.created_by, o.version, o.created_at, o.updated_at`;

export const OPPORTUNITY_FROM = `customerconnect.opportunities o
  join customerconnect.stages s on s.tenant_id = o.tenant_id and s.id = o.stage_id`;

export function toOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id,
    name: row.name,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    stage: {
      id: row.stage_id,
      name: row.stage_name,
      kind: row.stage_kind,
      probability: row.stage_probability,
    },
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    expectedCloseDate: row.expected_close_date,
    ownerId: row.owner_id,
    companyId: row.company_id,
    leadId: row.lead_id,
    rank: row.rank,
    stageEnteredAt: row.stage_entered_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    closeReason: row.close_reason,
    tags: row.tags,
    custom: row.custom,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The caller's visibility condition over `o.owner_id`. */
export async function opportunityScope(tx: Tx, principal: Principal): Promise<(bind: Bind) => string> {
  const visibility: Visibility = await visibilityOf(tx, principal, 'opportunity');
  return (bind) => visibleCondition(visibility, principal.tenantId, 'o.owner_id', bind);
}

/**
 * One opportunity the caller may see (locked with `forUpdate`), else
 * undefined. `scope`: the caller's opportunityScope when the request already
 * has it (saves reading the visibility setting again).
 */
export async function selectVisibleOpportunity(
  tx: Tx,
  principal: Principal,
  id: string,
  options: { forUpdate?: boolean; scope?: (bind: Bind) => string } = {},
): Promise<Opportunity | undefined> {
  const scope = options.scope ?? (await opportunityScope(tx, principal));
  const values: unknown[] = [principal.tenantId, id];
  const visible = scope(binderFor(values));
  const { rows } = await tx.query<OpportunityRow>(
    `select ${OPPORTUNITY_COLUMNS} from ${OPPORTUNITY_FROM}
      where o.tenant_id = $1 and o.id = $2 and ${visible}
      ${options.forUpdate ? 'for update of o' : ''}`,
    values,
  );
  return rows[0] ? toOpportunity(rows[0]) : undefined;
}

/** Re-reads a row the caller just wrote (no visibility: they may have handed it to someone else). */
export async function selectOpportunityById(tx: Tx, tenantId: string, id: string): Promise<Opportunity> {
  const { rows } = await tx.query<OpportunityRow>(
    `select ${OPPORTUNITY_COLUMNS} from ${OPPORTUNITY_FROM} where o.tenant_id = $1 and o.id = $2`,
    [tenantId, id],
  );
  const row = rows[0];
  if (!row) throw new Error(`Opportunity ${id} vanished inside its own transaction.`);
  return toOpportunity(row);
}

export async function selectOpportunityContacts(
  tx: Tx,
  tenantId: string,
  opportunityId: string,
): Promise<OpportunityContact[]> {
  const { rows } = await tx.query<{
    contact_id: string;
    role: OpportunityContact['role'];
    first_name: string | null;
    last_name: string;
  }>(
    `select oc.contact_id, oc.role, c.first_name, c.last_name
       from customerconnect.opportunity_contacts oc
       join customerconnect.contacts c on c.tenant_id = oc.tenant_id and c.id = oc.contact_id
      where oc.tenant_id = $1 and oc.opportunity_id = $2
      order by lower(c.last_name), lower(coalesce(c.first_name, '')), c.id`,
    [tenantId, opportunityId],
  );
  return rows.map((row) => ({
    contactId: row.contact_id,
    role: row.role,
    firstName: row.first_name,
    lastName: row.last_name,
  }));
}

export async function withContacts(
  tx: Tx,
  opportunity: Opportunity,
  tenantId: string,
): Promise<OpportunityDetail> {
  return { ...opportunity, contacts: await selectOpportunityContacts(tx, tenantId, opportunity.id) };
}

/** Replaces the opportunity's contacts with `contacts` (one row per contact; the last role given wins). */
export async function replaceOpportunityContacts(
  tx: Tx,
  tenantId: string,
  opportunityId: string,
  contacts: readonly { contactId: string; role: string }[],
): Promise<void> {
  await tx.query(
    'delete from customerconnect.opportunity_contacts where tenant_id = $1 and opportunity_id = $2',
    [tenantId, opportunityId],
  );
  const byId = new Map(contacts.map((contact) => [contact.contactId, contact.role]));
  if (byId.size === 0) return;
  await tx.query(
    `insert into customerconnect.opportunity_contacts (tenant_id, opportunity_id, contact_id, role)
     select $1, $2, c.id, c.role from unnest($3::uuid[], $4::text[]) as c(id, role)`,
    [tenantId, opportunityId, [...byId.keys()], [...byId.values()]],
  );
}

function missing(code: string, field: string, message: string): BusinessRuleError {
  return new BusinessRuleError(code, message, [{ field, message, code }]);
}

/**
 * The records an opportunity points at must exist for the caller: a company
 * and contacts they can see (not merged away), an owner who is a member of
 * the tenant. Otherwise a 422 naming the field.
 */
export async function assertOpportunityReferences(
  tx: Tx,
  principal: Principal,
  refs: { companyId?: string | null; contactIds?: readonly string[]; ownerId?: string | null },
): Promise<void> {
  const tenantId = principal.tenantId;
  if (refs.companyId) {
    const visibility = await visibilityOf(tx, principal, 'company');
    const values: unknown[] = [tenantId, refs.companyId];
    const visible = visibleCondition(visibility, tenantId, 'c.owner_id', binderFor(values));
    const { rows } = await tx.query(
      `select 1 from customerconnect.companies c
        where c.tenant_id = $1 and c.id = $2 and c.merged_into is null and ${visible}`,
      values,
    );
    if (rows.length === 0) throw missing('company_not_found', 'body.companyId', 'No such company.');
  }
  const contactIds = [...new Set(refs.contactIds ?? [])];
  if (contactIds.length > 0) {
    const visibility = await visibilityOf(tx, principal, 'contact');
    const values: unknown[] = [tenantId, contactIds];
    const visible = visibleCondition(visibility, tenantId, 'c.owner_id', binderFor(values));
    const { rows } = await tx.query<{ id: string }>(
      `select c.id from customerconnect.contacts c
        where c.tenant_id = $1 and c.id = any($2::uuid[]) and c.merged_into is null and ${visible}`,
      values,
    );
    const found = new Set(rows.map((row) => row.id));
    const index = contactIds.findIndex((id) => !found.has(id));
    if (index >= 0)
      throw missing('contact_not_found', `body.contacts.${index}.contactId`, 'No such contact.');
  }
  if (refs.ownerId) {
    const { rows } = await tx.query(
      `select 1 from platform.memberships
        where tenant_id = platform.current_tenant_id() and user_id = $1 and status = 'active'`,
      [refs.ownerId],
    );
    if (rows.length === 0)
      throw missing('owner_not_member', 'body.ownerId', 'The owner must be an active member of the tenant.');
  }
}

export type OpportunityWriteDeps = Pick<
  RequestDeps,
  'tx' | 'principal' | 'actor' | 'newId' | 'events' | 'now'
>;

/**
 * The pipeline and stage a new opportunity starts in: the given pipeline (or
 * the default one, created as the standard pipeline if the tenant has none)
 * and the given stage of it (or its first open stage). A pipeline or stage
 * that is not the tenant's, or a stage of another pipeline, is a 422.
 */
export async function placementFor(
  deps: OpportunityWriteDeps,
  pipelineId: string | undefined,
  stageId: string | undefined,
): Promise<{ pipeline: Pipeline; stageId: string; kind: 'open' | 'won' | 'lost' }> {
  const pipeline = pipelineId
    ? await selectPipeline(deps.tx, deps.principal.tenantId, pipelineId)
    : await defaultPipeline(deps);
  if (!pipeline) throw missing('pipeline_not_found', 'body.pipelineId', 'No such pipeline.');
  const stage = stageId ? pipeline.stages.find((each) => each.id === stageId) : firstOpenStage(pipeline);
  if (!stage)
    throw missing(
      'stage_not_in_pipeline',
      'body.stageId',
      stageId ? 'Not a stage of the pipeline.' : 'The pipeline has no open stage.',
    );
  return { pipeline, stageId: stage.id, kind: stage.kind };
}

/**
 * Creates an opportunity and leaves its whole trace in the caller's
 * transaction: the row (at the end of its stage on the board), its contacts,
 * the first stage_history row (from nowhere), the timeline's `created` row,
 * `opportunity.created` (and `.won`/`.lost` when created in a closed stage)
 * and the audit. Custom values are validated here. Used by POST
 * /opportunities and by lead conversion.
 */
export async function insertOpportunity(
  deps: OpportunityWriteDeps,
  input: NewOpportunity,
): Promise<OpportunityDetail> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const userId = principal.principalType === 'user' ? principal.principalId : null;
  const ownerId = input.ownerId === undefined ? userId : input.ownerId;
  const contacts = input.contacts ?? [];
  await assertOpportunityReferences(tx, principal, {
    companyId: input.companyId ?? null,
    contactIds: contacts.map((contact) => contact.contactId),
    ownerId: input.ownerId ?? null,
  });
  const custom = validateCustom(await loadFields(tx, tenantId, 'opportunity'), input.custom);
  const { pipeline, stageId, kind } = await placementFor(deps, input.pipelineId, input.stageId);
  const id = deps.newId();
  await tx.query(
    `insert into customerconnect.opportunities
       (tenant_id, id, name, pipeline_id, stage_id, status, amount, currency, expected_close_date, owner_id,
        company_id, lead_id, rank, closed_at, tags, custom, created_by)
     values ($1, $2, $3, $4, $5, $6, $7::numeric, $8, $9::date, $10, $11, $12,
             (select coalesce(max(rank) + 1, 0) from customerconnect.opportunities
               where tenant_id = $1 and pipeline_id = $4 and stage_id = $5),
             case when $6 = 'open' then null else now() end, $13, $14::jsonb, $15)`,
    [
      tenantId,
      id,
      input.name,
      pipeline.id,
      stageId,
      kind,
      input.amount ?? null,
      input.currency ?? null,
      input.expectedCloseDate ?? null,
      ownerId,
      input.companyId ?? null,
      input.leadId ?? null,
      input.tags ?? [],
      JSON.stringify(custom),
      userId,
    ],
  );
  await replaceOpportunityContacts(tx, tenantId, id, contacts);
  await tx.query(
    `insert into customerconnect.stage_history
       (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, seconds_in_from_stage)
     values ($1, $2, $3, null, $4, $5, null)`,
    [tenantId, deps.newId(), id, stageId, userId],
  );
  const created = await withContacts(tx, await selectOpportunityById(tx, tenantId, id), tenantId);
  await recordChange(tx, {
    tenantId,
    id: deps.newId(),
    recordType: 'opportunity',
    recordId: id,
    kind: 'created',
    changes: [],
    changedBy: userId,
  });
  const snapshot = snapshotOf(created);
  await deps.events.record(customerconnectEvents, 'opportunity.created', { opportunity: snapshot });
  if (kind === 'won')
    await deps.events.record(customerconnectEvents, 'opportunity.won', {
      opportunity: snapshot,
      reason: null,
      pipelineName: pipeline.name,
      projectTemplateId: pipeline.projectTemplateId,
    });
  if (kind === 'lost')
    await deps.events.record(customerconnectEvents, 'opportunity.lost', {
      opportunity: snapshot,
      reason: null,
    });
  await recordAudit(tx, deps.actor, {
    action: 'opportunity.created',
    targetType: 'opportunity',
    targetId: id,
    details: {
      name: created.name,
      pipelineId: pipeline.id,
      stageId,
      ...(input.leadId ? { leadId: input.leadId } : {}),
    },
  });
  return created;
}
