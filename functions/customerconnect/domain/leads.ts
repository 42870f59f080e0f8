import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import { ValidationError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import * as z from 'zod';
import { customerconnectEvents } from '../events';
import { CustomValues, loadFields, validateCustom } from './custom-fields';
import { assignLead } from './lead-assignment';
import { recomputeLeadScore } from './lead-scoring';
import { recordChange } from './record-changes';
import type { LeadSnapshot } from './snapshots';
import { binderFor, type Visibility, visibleCondition } from './visibility';

/**
 * Leads as the API shows them and the one way a lead is created (by hand,
 * by web capture, by import): insert, assignment rules when it has no owner,
 * score, timeline row, events and audit, in the caller's transaction. Kept in
 * domain/ because the leads and lead-capture capabilities both create leads.
 */
export const LEAD_SOURCES = [
  'web',
  'referral',
  'event',
  'cold_call',
  'email',
  'social',
  'partner',
  'advertising',
  'import',
  'other',
] as const;
export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'unqualified', 'converted'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const Lead = z.object({
  id: z.uuid(),
  firstName: z.string().nullable(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  companyName: z.string().nullable(),
  title: z.string().nullable(),
  website: z.string().nullable(),
  source: z.enum(LEAD_SOURCES),
  status: z.enum(LEAD_STATUSES),
  score: z.number().int(),
  territory: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  message: z.string().nullable(),
  tags: z.array(z.string()),
  custom: CustomValues,
  convertedAt: z.iso.datetime().nullable(),
  convertedBy: z.uuid().nullable(),
  convertedContactId: z.uuid().nullable(),
  convertedCompanyId: z.uuid().nullable(),
  convertedOpportunityId: z.uuid().nullable(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Lead = z.infer<typeof Lead>;

export interface LeadRow {
  id: string;
  first_name: string | null;
  last_name: string;
  email: string | null;
  phone: string | null;
  company_name: string | null;
  title: string | null;
  website: string | null;
  source: LeadSource;
  status: LeadStatus;
  score: number;
  territory: string | null;
  owner_id: string | null;
  message: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  converted_at: Date | null;
  converted_by: string | null;
  converted_contact_id: string | null;
  converted_company_id: string | null;
  converted_opportunity_id: string | null;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Columns of `customerconnect.leads l` in LeadRow's shape. */
export const LEAD_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'phone',
  'company_name',
  'title',
  'website',
  'source',
  'status',
  'score',
  'territory',
  'owner_id',
  'message',
  'tags',
  'custom',
  'converted_at',
  'converted_by',
  'converted_contact_id',
  'converted_company_id',
  'converted_opportunity_id',
  'created_by',
  'version',
  'created_at',
  'updated_at',
]
  .map((column) => `l.${column}`)
  .join(', ');

export function toLead(row: LeadRow): Lead {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    companyName: row.company_name,
    title: row.title,
    website: row.website,
    source: row.source,
    status: row.status,
    score: row.score,
    territory: row.territory,
    ownerId: row.owner_id,
    message: row.message,
    tags: row.tags,
    custom: row.custom,
    convertedAt: row.converted_at?.toISOString() ?? null,
    convertedBy: row.converted_by,
    convertedContactId: row.converted_contact_id,
    convertedCompanyId: row.converted_company_id,
    convertedOpportunityId: row.converted_opportunity_id,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function leadSnapshot(lead: Lead): LeadSnapshot {
  return {
    id: lead.id,
    firstName: lead.firstName,
    lastName: lead.lastName,
    email: lead.email,
    companyName: lead.companyName,
    source: lead.source,
    status: lead.status,
    score: lead.score,
    ownerId: lead.ownerId,
  };
}

/**
 * One lead the caller may see (visibility in the WHERE), or undefined: a
 * lead outside the caller's visibility is as absent as another tenant's.
 * `forUpdate` locks the row for a change.
 */
export async function selectVisibleLead(
  tx: Tx,
  tenantId: string,
  id: string,
  visibility: Visibility,
  options: { forUpdate?: boolean } = {},
): Promise<Lead | undefined> {
  const values: unknown[] = [tenantId, id];
  const bind = binderFor(values);
  const visible = visibleCondition(visibility, tenantId, 'l.owner_id', bind);
  const { rows } = await tx.query<LeadRow>(
    `select ${LEAD_COLUMNS} from customerconnect.leads l
      where l.tenant_id = $1 and l.id = $2 and ${visible}${options.forUpdate ? ' for update of l' : ''}`,
    values,
  );
  return rows[0] ? toLead(rows[0]) : undefined;
}

/** The lead as stored now (no visibility: for re-reading a row the caller has just written). */
export async function selectLeadById(tx: Tx, tenantId: string, id: string): Promise<Lead | undefined> {
  const { rows } = await tx.query<LeadRow>(
    `select ${LEAD_COLUMNS} from customerconnect.leads l where l.tenant_id = $1 and l.id = $2`,
    [tenantId, id],
  );
  return rows[0] ? toLead(rows[0]) : undefined;
}

/** An owner must be an active member of the tenant: a 400 naming `field` otherwise. */
export async function checkOwner(tx: Tx, tenantId: string, ownerId: string, field: string): Promise<void> {
  const { rows } = await tx.query(
    `select 1 from platform.memberships where tenant_id = $1 and user_id = $2 and status = 'active'`,
    [tenantId, ownerId],
  );
  if (rows.length === 0) {
    throw new ValidationError('The owner is not an active member of this organization.', [
      { field, message: 'Not an active member of this organization.', code: 'unknown_owner' },
    ]);
  }
}

export interface NewLead {
  firstName?: string | null | undefined;
  lastName: string;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  companyName?: string | null | undefined;
  title?: string | null | undefined;
  website?: string | null | undefined;
  source?: LeadSource | undefined;
  status?: Exclude<LeadStatus, 'converted'> | undefined;
  territory?: string | null | undefined;
  /** A user id; null: unowned, the assignment rules decide; undefined: the creating user (rules for an API key). */
  ownerId?: string | null | undefined;
  message?: string | null | undefined;
  tags?: string[] | undefined;
  custom?: Record<string, unknown> | undefined;
}

export type CreateLeadDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events'>;

/**
 * Creates a lead: custom fields validated, owner checked (or the assignment
 * rules when there is none), score computed, `created` timeline row,
 * lead.created (and lead.assigned when it got an owner someone else chose)
 * and the audit. `via` says how it came in (audit detail).
 */
export async function createLeadRecord(
  input: NewLead,
  deps: CreateLeadDeps,
  options: { via: 'api' | 'capture' | 'import'; customPrefix?: string; ownerField?: string; id?: string } = {
    via: 'api',
  },
): Promise<Lead> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const userId = principal.principalType === 'user' ? principal.principalId : null;
  const fields = await loadFields(tx, tenantId, 'lead');
  const custom = validateCustom(fields, input.custom, { prefix: options.customPrefix ?? 'body.custom' });
  let ownerId = input.ownerId === undefined ? userId : input.ownerId;
  if (ownerId) await checkOwner(tx, tenantId, ownerId, options.ownerField ?? 'body.ownerId');
  const id = options.id ?? deps.newId();
  const source = input.source ?? 'other';
  let ruleId: string | null = null;
  if (!ownerId) {
    const assigned = await assignLead(tx, tenantId, { source, territory: input.territory ?? null });
    if (assigned) {
      ownerId = assigned.ownerId;
      ruleId = assigned.ruleId;
    }
  }
  await tx.query(
    `insert into customerconnect.leads
       (tenant_id, id, first_name, last_name, email, phone, company_name, title, website, source, status,
        territory, owner_id, message, tags, custom, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17)`,
    [
      tenantId,
      id,
      input.firstName ?? null,
      input.lastName,
      input.email ?? null,
      input.phone ?? null,
      input.companyName ?? null,
      input.title ?? null,
      input.website ?? null,
      source,
      input.status ?? 'new',
      input.territory ?? null,
      ownerId,
      input.message ?? null,
      input.tags ?? [],
      JSON.stringify(custom),
      userId,
    ],
  );
  await recomputeLeadScore(tx, tenantId, id);
  const lead = (await selectLeadById(tx, tenantId, id)) as Lead;
  await recordChange(tx, {
    tenantId,
    id: deps.newId(),
    recordType: 'lead',
    recordId: id,
    kind: 'created',
    changes: [],
    changedBy: userId,
  });
  await deps.events.record(customerconnectEvents, 'lead.created', { lead: leadSnapshot(lead) });
  if (lead.ownerId && lead.ownerId !== userId) {
    await deps.events.record(customerconnectEvents, 'lead.assigned', {
      lead: leadSnapshot(lead),
      ownerId: lead.ownerId,
      previousOwnerId: null,
      ruleId,
    });
  }
  await recordAudit(tx, deps.actor, {
    action: 'lead.created',
    targetType: 'lead',
    targetId: id,
    details: { via: options.via, ownerId: lead.ownerId, ruleId },
  });
  return lead;
}
