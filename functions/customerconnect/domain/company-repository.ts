import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { customerconnectEvents } from '../events';
import { type Address, type Company, companySnapshot } from './company';
import { loadFields, validateCustom } from './custom-fields';
import { recordChange } from './record-changes';
import { binderFor, type Visibility, visibilityOf, visibleCondition } from './visibility';

/**
 * SQL for customerconnect.companies shared by the companies capability, its
 * import and lead conversion (which creates or matches a company in its own
 * transaction). Every statement filters by tenant_id (RLS is the backstop);
 * reads for a caller take their Visibility (domain/visibility.ts).
 */
export interface CompanyRow {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  size: Company['size'];
  phone: string | null;
  website: string | null;
  address: Address | null;
  owner_id: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  merged_into: string | null;
  merged_at: Date | null;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The columns toCompany needs; prefix-free, so use them on the bare table (or alias it in a subquery). */
export const COMPANY_COLUMNS =
  'id, name, domain, industry, size, phone, website, address, owner_id, tags, custom, merged_into, merged_at, created_by, version, created_at, updated_at';

export function toCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    industry: row.industry,
    size: row.size,
    phone: row.phone,
    website: row.website,
    address: row.address,
    ownerId: row.owner_id,
    tags: row.tags,
    custom: row.custom,
    mergedInto: row.merged_into,
    mergedAt: row.merged_at ? row.merged_at.toISOString() : null,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What a new company row holds; `domain` already normalized (company.ts normalizeDomain), `custom` already validated. */
export interface NewCompany {
  tenantId: string;
  id: string;
  name: string;
  domain?: string | null;
  industry?: string | null;
  size?: Company['size'];
  phone?: string | null;
  website?: string | null;
  address?: Address | null;
  ownerId: string | null;
  tags?: readonly string[];
  custom?: Record<string, unknown>;
  createdBy: string | null;
}

/** Inserts the row as given: no duplicate check, no event (createCompanyRecord does both). */
export async function insertCompany(tx: Tx, company: NewCompany): Promise<Company> {
  const { rows } = await tx.query<CompanyRow>(
    `insert into customerconnect.companies
       (tenant_id, id, name, domain, industry, size, phone, website, address, owner_id, tags, custom, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11::text[], $12::jsonb, $13)
     returning ${COMPANY_COLUMNS}`,
    [
      company.tenantId,
      company.id,
      company.name,
      company.domain ?? null,
      company.industry ?? null,
      company.size ?? null,
      company.phone ?? null,
      company.website ?? null,
      company.address ? JSON.stringify(company.address) : null,
      company.ownerId,
      [...(company.tags ?? [])],
      JSON.stringify(company.custom ?? {}),
      company.createdBy,
    ],
  );
  return toCompany(rows[0] as CompanyRow);
}

/**
 * The live (non-tombstone) company with this normalized domain, oldest first:
 * the dedupe lookup of create, import and lead conversion. Without
 * `visibility` it searches the whole tenant (a duplicate is one whoever owns
 * it); with it, only companies the caller may see. `exceptId` leaves one out
 * (a company changing its own domain).
 */
export async function findCompanyByDomain(
  tx: Tx,
  tenantId: string,
  domain: string,
  options: { visibility?: Visibility; exceptId?: string } = {},
): Promise<Company | undefined> {
  const values: unknown[] = [tenantId, domain, options.exceptId ?? null];
  const visible = options.visibility
    ? visibleCondition(options.visibility, tenantId, 'owner_id', binderFor(values))
    : 'true';
  const { rows } = await tx.query<CompanyRow>(
    `select ${COMPANY_COLUMNS} from customerconnect.companies
      where tenant_id = $1 and domain = $2 and merged_into is null
        and ($3::uuid is null or id <> $3::uuid) and ${visible}
      order by created_at, id
      limit 1`,
    values,
  );
  return rows[0] ? toCompany(rows[0]) : undefined;
}

/**
 * One company (tombstones included: check `mergedInto`) inside `visibility`,
 * optionally locked for an update.
 */
export async function selectCompany(
  tx: Tx,
  tenantId: string,
  id: string,
  visibility: Visibility,
  options: { forUpdate?: boolean } = {},
): Promise<Company | undefined> {
  const values: unknown[] = [tenantId, id];
  const visible = visibleCondition(visibility, tenantId, 'owner_id', binderFor(values));
  const { rows } = await tx.query<CompanyRow>(
    `select ${COMPANY_COLUMNS} from customerconnect.companies
      where tenant_id = $1 and id = $2 and ${visible}${options.forUpdate ? ' for update' : ''}`,
    values,
  );
  return rows[0] ? toCompany(rows[0]) : undefined;
}

/** A record's owner must be a member of the tenant (active or invited): else a 422 `unknown_owner` on `field`. */
export async function assertOwnerInTenant(
  tx: Tx,
  ownerId: string | null | undefined,
  field: string,
): Promise<void> {
  if (!ownerId) return;
  const { rows } = await tx.query(
    `select 1 from platform.memberships
      where tenant_id = platform.current_tenant_id() and user_id = $1 and status <> 'suspended'`,
    [ownerId],
  );
  if (rows.length === 0)
    throw new BusinessRuleError('unknown_owner', 'The owner is not a member of this tenant.', [
      { field, message: 'Not a member of this tenant.', code: 'unknown_owner' },
    ]);
}

/**
 * The 409 of a company whose domain another live company has. `existingId`
 * names it when the caller may see it; otherwise the problem names nothing
 * (no `existingId`): a company they cannot see has that domain.
 */
export function duplicateCompany(existing: Company, visible = true): ConflictError {
  if (!visible)
    return new ConflictError(
      `A company you cannot see already has the domain ${existing.domain}. Ask its owner, or send "force": true to create another.`,
      'duplicate_company',
    );
  return new ConflictError(
    `Company ${existing.id} (${existing.name}) already has the domain ${existing.domain}. Open it, or send "force": true to create another.`,
    'duplicate_company',
    { existingId: existing.id },
  );
}

/**
 * The duplicate rule: a 409 `duplicate_company` when another live company
 * (whoever owns it) has `domain`, naming `existingId` when it is inside
 * `visibility`. Takes a transaction-scoped lock on the domain first, so two
 * writes of the same new domain at once cannot both pass.
 */
export async function assertDomainFree(
  tx: Tx,
  tenantId: string,
  domain: string,
  visibility: Visibility,
  exceptId?: string,
): Promise<void> {
  await tx.query(
    "select pg_advisory_xact_lock(hashtextextended('customerconnect.company.domain:' || $1 || ':' || $2, 0))",
    [tenantId, domain],
  );
  const existing = await findCompanyByDomain(tx, tenantId, domain, exceptId ? { exceptId } : {});
  if (!existing) return;
  const visible = (await selectCompany(tx, tenantId, existing.id, visibility)) !== undefined;
  throw duplicateCompany(existing, visible);
}

export interface CreateCompanyFields {
  name: string;
  domain?: string | null | undefined;
  industry?: string | null | undefined;
  size?: Company['size'] | undefined;
  phone?: string | null | undefined;
  website?: string | null | undefined;
  address?: Address | null | undefined;
  /** Undefined: the caller (a user) owns it; null: nobody. */
  ownerId?: string | null | undefined;
  tags?: readonly string[] | undefined;
  /** The body's `custom`, validated here against the tenant's definitions. */
  custom?: Record<string, unknown> | undefined;
}

/**
 * Creates a company the whole way: custom values validated (errors under
 * `customPrefix`), the owner checked, the duplicate-domain rule (409
 * `duplicate_company` naming `existingId` unless `force`), the row, its
 * `created` timeline row, `company.created` and the audit record. Lead
 * conversion and import call this in their own transaction; `id` is the new
 * company's id when the caller made it already (an import), else newId().
 */
export async function createCompanyRecord(
  deps: Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'events' | 'newId'>,
  input: CreateCompanyFields,
  options: { force?: boolean; customPrefix?: string; fieldPrefix?: string; id?: string } = {},
): Promise<Company> {
  const { tx, principal } = deps;
  const userId = principal.principalType === 'user' ? principal.principalId : null;
  const prefix = options.fieldPrefix ?? 'body';
  const fields = await loadFields(tx, principal.tenantId, 'company');
  const custom = validateCustom(fields, input.custom, { prefix: options.customPrefix ?? `${prefix}.custom` });
  const ownerId = input.ownerId === undefined ? userId : input.ownerId;
  if (input.ownerId) await assertOwnerInTenant(tx, input.ownerId, `${prefix}.ownerId`);
  if (input.domain && !options.force)
    await assertDomainFree(
      tx,
      principal.tenantId,
      input.domain,
      await visibilityOf(tx, principal, 'company'),
    );
  const company = await insertCompany(tx, {
    tenantId: principal.tenantId,
    id: options.id ?? deps.newId(),
    name: input.name,
    domain: input.domain ?? null,
    industry: input.industry ?? null,
    size: input.size ?? null,
    phone: input.phone ?? null,
    website: input.website ?? null,
    address: input.address ?? null,
    ownerId,
    tags: input.tags ?? [],
    custom,
    createdBy: userId,
  });
  await recordChange(tx, {
    tenantId: principal.tenantId,
    recordType: 'company',
    recordId: company.id,
    kind: 'created',
    changes: [],
    changedBy: userId,
    id: deps.newId(),
  });
  await deps.events.record(customerconnectEvents, 'company.created', { company: companySnapshot(company) });
  await recordAudit(tx, deps.actor, {
    action: 'company.created',
    targetType: 'company',
    targetId: company.id,
    details: { name: company.name, domain: company.domain, forced: Boolean(options.force && company.domain) },
  });
  return company;
}
