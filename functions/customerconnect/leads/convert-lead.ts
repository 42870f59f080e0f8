import { recordAudit } from '@halooid/shared/audit';
import { permits } from '@halooid/shared/auth/permissions';
import {
  AppError,
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { expectedVersion } from '@halooid/shared/http/versioning';
import { normalizeDomain } from '../domain/company';
import { createCompanyRecord, findCompanyByDomain, selectCompany } from '../domain/company-repository';
import { findEmailOwners, selectVisibleContact } from '../domain/contact-repository';
import { createContact } from '../domain/contact-writes';
import { type Lead, selectLeadById, selectVisibleLead } from '../domain/leads';
import { insertOpportunity } from '../domain/opportunity-repository';
import { recordChange } from '../domain/record-changes';
import { visibilitiesOf } from '../domain/visibility';
import { customerconnectEvents } from '../events';
import type { ConvertLeadInput, ConvertLeadResult } from './schemas';

export type ConvertLeadDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events' | 'now'>;

/** Mail providers whose domain says nothing about the sender's company. */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'yandex.com',
  'zoho.com',
  'qq.com',
  '163.com',
]);

/** The company domain a lead suggests: its website's host, else its email's domain unless a free mail provider. */
export function leadDomain(lead: Pick<Lead, 'website' | 'email'>): string | null {
  const fromWebsite = lead.website ? normalizeDomain(lead.website) : null;
  if (fromWebsite) return fromWebsite;
  const emailDomain = lead.email?.split('@')[1];
  if (!emailDomain) return null;
  const domain = normalizeDomain(emailDomain);
  return domain && !FREE_MAIL.has(domain) ? domain : null;
}

function notFound(code: string, field: string, message: string): BusinessRuleError {
  return new BusinessRuleError(code, message, [{ field, message, code }]);
}

function requireGrant(deps: ConvertLeadDeps, permission: string): void {
  if (!permits(deps.principal.grants, permission))
    throw new ForbiddenError(`Converting this way needs the ${permission} permission.`);
}

/** Errors of the shared opportunity checks name `body.x`; here the fields sit under `body.opportunity`. */
function underOpportunity(error: unknown): unknown {
  if (error instanceof AppError)
    for (const fieldError of error.errors)
      if (fieldError.field.startsWith('body.') && !fieldError.field.startsWith('body.opportunity.'))
        fieldError.field = `body.opportunity.${fieldError.field.slice(5)}`;
  return error;
}

/**
 * Converts a visible lead into a contact (linked, matched by email, or new),
 * a company (linked, matched by domain, new, or none) and optionally an
 * opportunity in a pipeline's first open stage, all in the caller's one
 * transaction: any failure (a pipeline that is not the tenant's, a
 * duplicate) rolls back everything, leaving no contact, company or
 * opportunity behind. New records are owned by the lead's owner (the caller
 * when unowned). The lead ends `converted` with its converted_* links, a
 * `converted` timeline row and lead.converted.
 */
export async function convertLead(
  leadId: string,
  input: ConvertLeadInput,
  ifMatch: string | undefined,
  deps: ConvertLeadDeps,
): Promise<ConvertLeadResult> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const userId = principal.principalType === 'user' ? principal.principalId : null;
  const visibility = await visibilitiesOf(tx, principal);
  const lead = await selectVisibleLead(tx, tenantId, leadId, visibility('lead'), {
    forUpdate: true,
  });
  if (!lead) throw new NotFoundError('Lead');
  if (lead.status === 'converted')
    throw new BusinessRuleError('lead_already_converted', 'The lead is already converted.', [
      { field: 'path.leadId', message: 'Already converted.', code: 'lead_already_converted' },
    ]);
  if (input.version !== undefined || ifMatch !== undefined) {
    const version = expectedVersion(input.version, ifMatch);
    if (version !== lead.version)
      throw new ConflictError(
        `The lead changed since you read it (now version ${lead.version}).`,
        'version_conflict',
      );
  }
  // New records go to the lead's owner; undefined lets each create default to the caller.
  const ownerId = lead.ownerId ?? undefined;

  // Company.
  const companyChoice: NonNullable<ConvertLeadInput['company']> | null =
    input.company === undefined ? { match: 'domain' } : input.company;
  let companyId: string | null = null;
  let companyCreated = false;
  if (companyChoice !== null) {
    if (companyChoice.id !== undefined) {
      const company = await selectCompany(tx, tenantId, companyChoice.id, visibility('company'));
      if (!company) throw notFound('company_not_found', 'body.company.id', 'No such company.');
      companyId = company.mergedInto ?? company.id;
    } else {
      const domain = leadDomain(lead);
      if (companyChoice.match !== undefined && domain) {
        companyId =
          (await findCompanyByDomain(tx, tenantId, domain, { visibility: visibility('company') }))?.id ??
          null;
      }
      const name = companyChoice.name ?? lead.companyName;
      if (companyId === null && name) {
        requireGrant(deps, 'customerconnect:company:write');
        const company = await createCompanyRecord(
          deps,
          { name, domain, website: lead.website, ownerId },
          { fieldPrefix: 'body.company' },
        );
        companyId = company.id;
        companyCreated = true;
      } else if (companyId === null && companyChoice.create !== undefined) {
        throw notFound(
          'company_name_required',
          'body.company.name',
          'The lead has no company name: give one.',
        );
      }
    }
  }

  // Contact.
  let contactId: string;
  let contactCreated = false;
  const contactVisibility = visibility('contact');
  if (input.contact) {
    const contact = await selectVisibleContact(tx, tenantId, input.contact.id, contactVisibility);
    if (!contact) throw notFound('contact_not_found', 'body.contact.id', 'No such contact.');
    contactId = contact.mergedInto ?? contact.id;
  } else {
    const matched = lead.email
      ? (await findEmailOwners(tx, tenantId, [lead.email], contactVisibility)).find((owner) => owner.visible)
      : undefined;
    if (matched) contactId = matched.contactId;
    else {
      requireGrant(deps, 'customerconnect:contact:write');
      const contact = await createContact(
        {
          firstName: lead.firstName,
          lastName: lead.lastName,
          title: lead.title,
          companyId,
          emails: lead.email ? [{ email: lead.email, primary: true }] : [],
          phones:
            lead.phone && /^[0-9+()./\- ]+$/.test(lead.phone) ? [{ number: lead.phone, primary: true }] : [],
          lifecycleStage: input.opportunity ? 'opportunity' : 'sales_qualified',
          ownerId,
          tags: lead.tags,
        },
        deps,
      );
      contactId = contact.id;
      contactCreated = true;
    }
  }

  // Opportunity.
  let opportunityId: string | null = null;
  if (input.opportunity) {
    requireGrant(deps, 'customerconnect:opportunity:write');
    const { name, pipelineId, stageId, amount, currency, expectedCloseDate } = input.opportunity;
    try {
      const opportunity = await insertOpportunity(deps, {
        name,
        pipelineId,
        stageId,
        amount: amount ?? null,
        currency: currency ?? null,
        expectedCloseDate: expectedCloseDate ?? null,
        ownerId,
        companyId,
        contacts: [{ contactId, role: 'other' }],
        leadId,
      });
      opportunityId = opportunity.id;
    } catch (error) {
      throw underOpportunity(error);
    }
  }

  await tx.query(
    `update customerconnect.leads
        set status = 'converted', converted_at = now(), converted_by = $3, converted_contact_id = $4,
            converted_company_id = $5, converted_opportunity_id = $6, version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2`,
    [tenantId, leadId, userId, contactId, companyId, opportunityId],
  );
  await recordChange(tx, {
    tenantId,
    id: deps.newId(),
    recordType: 'lead',
    recordId: leadId,
    kind: 'converted',
    changes: [
      { field: 'status', from: lead.status, to: 'converted' },
      { field: 'convertedContactId', from: null, to: contactId },
      { field: 'convertedCompanyId', from: null, to: companyId },
      { field: 'convertedOpportunityId', from: null, to: opportunityId },
    ],
    changedBy: userId,
  });
  await deps.events.record(customerconnectEvents, 'lead.converted', {
    leadId,
    contactId,
    companyId,
    opportunityId,
  });
  await recordAudit(tx, deps.actor, {
    action: 'lead.converted',
    targetType: 'lead',
    targetId: leadId,
    details: { contactId, contactCreated, companyId, companyCreated, opportunityId },
  });
  return {
    lead: (await selectLeadById(tx, tenantId, leadId)) as Lead,
    contactId,
    contactCreated,
    companyId,
    companyCreated,
    opportunityId,
  };
}
