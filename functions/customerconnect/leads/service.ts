import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { ImportQuery } from '../domain/record-import';
import {
  AssignmentRule,
  AssignmentRuleList,
  AssignmentRuleParams,
  ConvertLeadBody,
  ConvertLeadResult,
  CreateAssignmentRuleBody,
  CreateLeadBody,
  CreateScoringRuleBody,
  ExportLeadsQuery,
  ImportLeadsBody,
  ImportLeadsResult,
  Lead,
  LeadParams,
  ListLeadsQuery,
  ScoringRule,
  ScoringRuleList,
  ScoringRuleParams,
  UpdateAssignmentRuleBody,
  UpdateLeadBody,
} from './schemas';

/**
 * Leads: people not yet qualified, with a source, a status, a score from the
 * tenant's scoring rules and an owner (given, the creator, or dealt by the
 * assignment rules). Reading and writing leads follows the lead grants and
 * the tenant's lead visibility (domain/visibility.ts); the rules are tenant
 * settings: `customerconnect:settings:read` sees them, `:admin` changes them.
 */
export const leadsService = defineService({
  product: 'customerconnect',
  capability: 'leads',
  description: 'Leads, their scoring rules and assignment rules.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [
    { name: 'customerconnect:lead:read', description: 'See leads (within the tenant’s lead visibility).' },
    {
      name: 'customerconnect:lead:write',
      description: 'Create, change and convert leads (within the tenant’s lead visibility).',
    },
  ],
  // Conversion creates contacts, companies and opportunities through their domain writes.
  emits: [
    { type: 'lead.created' },
    { type: 'lead.updated' },
    { type: 'lead.assigned' },
    { type: 'lead.converted' },
    { type: 'contact.created' },
    { type: 'company.created' },
    { type: 'opportunity.created' },
    { type: 'opportunity.won' },
    { type: 'opportunity.lost' },
  ],
  routes: [
    defineRoute({
      operationId: 'listLeads',
      method: 'GET',
      path: '/v1/customerconnect/leads',
      permission: 'customerconnect:lead:read',
      summary: 'List leads',
      description:
        'The leads the caller may see, newest first unless `sort` says otherwise, a page at a time (`cursor` from the previous page).',
      query: ListLeadsQuery,
      response: pageOf(Lead),
    }),
    defineRoute({
      operationId: 'exportLeads',
      method: 'GET',
      path: '/v1/customerconnect/leads/export',
      permission: 'customerconnect:lead:read',
      summary: 'Export leads as CSV',
      description:
        "Every lead the list would return for the same filters and sort (within the caller's visibility), as one `text/csv` download (UTF-8 with BOM, CRLF, RFC 4180 quoting; cells starting with = + - @ get a leading `'`). Columns: first name, last name, email, phone, company name, title, website, source, status, score, territory, owner (email), tags (`; `-separated), message, one `custom.<key>` per custom field, converted at, converted contact/company/opportunity id, id, created at, updated at. More than 25,000 leads is a 400: narrow the filters.",
      query: ExportLeadsQuery,
      produces: ['text/csv'],
    }),
    defineRoute({
      operationId: 'importLeads',
      method: 'POST',
      path: '/v1/customerconnect/leads/import',
      permission: 'customerconnect:lead:write',
      summary: 'Import leads from CSV',
      description:
        'Send JSON `{"csv": "...", "mapping": {"E-mail": "email"}, "dedupe": "update"}`, or the CSV as ' +
        '`Content-Type: text/csv` with `?dedupe=` and `?map=Header:field` (1 MB at most: about 5,000 rows). A row ' +
        'whose email (case-insensitive) an existing lead has, or an earlier row of the file, is a match: ' +
        '`dedupe=skip` (default) reports it in `skipped` with the matched id (null when you cannot see it), ' +
        '`update` changes the match with the row’s non-empty cells (tags are added), `create` makes a new lead ' +
        'anyway. Rows without an owner go through the assignment rules. Each row is written on its own through ' +
        'the same rules as POST and PATCH: a refused row is reported in `failed` with its row number (the header ' +
        'is row 1), column and reason, and the others land.',
      query: ImportQuery,
      body: ImportLeadsBody,
      textBodyTypes: ['text/csv'],
      response: ImportLeadsResult,
    }),
    defineRoute({
      operationId: 'createLead',
      method: 'POST',
      path: '/v1/customerconnect/leads',
      permission: 'customerconnect:lead:write',
      summary: 'Create a lead',
      description:
        'Owned by the caller unless `ownerId` names someone; `ownerId: null` (or an API key without one) lets the assignment rules choose. The score follows the scoring rules.',
      body: CreateLeadBody,
      status: 201,
      response: Lead,
    }),
    defineRoute({
      operationId: 'getLead',
      method: 'GET',
      path: '/v1/customerconnect/leads/{leadId}',
      permission: 'customerconnect:lead:read',
      summary: 'Get a lead',
      description: 'A lead outside the caller’s visibility, another tenant’s, or none, is a 404.',
      params: LeadParams,
      response: Lead,
    }),
    defineRoute({
      operationId: 'updateLead',
      method: 'PATCH',
      path: '/v1/customerconnect/leads/{leadId}',
      permission: 'customerconnect:lead:write',
      summary: 'Change a lead',
      description:
        'Partial update at the version last read (409 when stale). `status: converted` only through convert (422). A new owner is notified.',
      params: LeadParams,
      body: UpdateLeadBody,
      headers: IF_MATCH_HEADER,
      response: Lead,
    }),
    defineRoute({
      operationId: 'convertLead',
      method: 'POST',
      path: '/v1/customerconnect/leads/{leadId}/convert',
      permission: 'customerconnect:lead:write',
      summary: 'Convert a lead',
      description:
        'In one transaction: a contact (the one given, the one with the lead’s email, or a new one), a company (given, matched by domain, new from the lead’s company name, or none) and optionally an opportunity (the pipeline’s first open stage unless `stageId`). Any failure leaves nothing behind. New records are owned by the lead’s owner. Creating a contact, company or opportunity needs that object’s write permission too.',
      params: LeadParams,
      body: ConvertLeadBody,
      headers: IF_MATCH_HEADER,
      response: ConvertLeadResult,
    }),
    defineRoute({
      operationId: 'listLeadScoringRules',
      method: 'GET',
      path: '/v1/customerconnect/lead-scoring-rules',
      permission: 'customerconnect:settings:read',
      summary: 'List lead scoring rules',
      response: ScoringRuleList,
    }),
    defineRoute({
      operationId: 'createLeadScoringRule',
      method: 'POST',
      path: '/v1/customerconnect/lead-scoring-rules',
      permission: 'customerconnect:settings:admin',
      summary: 'Add a lead scoring rule',
      description:
        'Points when a field equals a value (or, with no value, is set), or per activity of a type linked to the lead. Every lead is rescored in the same transaction.',
      body: CreateScoringRuleBody,
      status: 201,
      response: ScoringRule,
    }),
    defineRoute({
      operationId: 'deleteLeadScoringRule',
      method: 'DELETE',
      path: '/v1/customerconnect/lead-scoring-rules/{scoringRuleId}',
      permission: 'customerconnect:settings:admin',
      summary: 'Remove a lead scoring rule',
      description: 'Every lead is rescored in the same transaction.',
      params: ScoringRuleParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'listAssignmentRules',
      method: 'GET',
      path: '/v1/customerconnect/assignment-rules',
      permission: 'customerconnect:settings:read',
      summary: 'List lead assignment rules',
      description: 'In the order they are tried.',
      response: AssignmentRuleList,
    }),
    defineRoute({
      operationId: 'createAssignmentRule',
      method: 'POST',
      path: '/v1/customerconnect/assignment-rules',
      permission: 'customerconnect:settings:admin',
      summary: 'Add a lead assignment rule',
      description:
        '`round_robin` deals leads in turn to the reps of a team; `territory` only leads whose territory is one of the team’s. `sources` limits the rule to leads from those sources.',
      body: CreateAssignmentRuleBody,
      status: 201,
      response: AssignmentRule,
    }),
    defineRoute({
      operationId: 'getAssignmentRule',
      method: 'GET',
      path: '/v1/customerconnect/assignment-rules/{assignmentRuleId}',
      permission: 'customerconnect:settings:read',
      summary: 'Get a lead assignment rule',
      params: AssignmentRuleParams,
      response: AssignmentRule,
    }),
    defineRoute({
      operationId: 'updateAssignmentRule',
      method: 'PATCH',
      path: '/v1/customerconnect/assignment-rules/{assignmentRuleId}',
      permission: 'customerconnect:settings:admin',
      summary: 'Change a lead assignment rule',
      description: 'At the version last read (409 when stale). Another team restarts the turn.',
      params: AssignmentRuleParams,
      body: UpdateAssignmentRuleBody,
      headers: IF_MATCH_HEADER,
      response: AssignmentRule,
    }),
    defineRoute({
      operationId: 'deleteAssignmentRule',
      method: 'DELETE',
      path: '/v1/customerconnect/assignment-rules/{assignmentRuleId}',
      permission: 'customerconnect:settings:admin',
      summary: 'Remove a lead assignment rule',
      params: AssignmentRuleParams,
      status: 204,
    }),
  ],
});
