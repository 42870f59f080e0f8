import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse } from '@halooid/shared/http/csv';
import { etag } from '@halooid/shared/http/versioning';
import { importRequestOf } from '../domain/record-import';
import {
  changeAssignmentRule,
  createAssignmentRule,
  deleteAssignmentRule,
  getAssignmentRule,
  listAssignmentRules,
} from './assignment-rules';
import { changeLead } from './change-lead';
import { convertLead } from './convert-lead';
import { createLead } from './create-lead';
import { exportLeads } from './export-leads';
import { getLead } from './get-lead';
import { importLeads } from './import-leads';
import { listLeads } from './list-leads';
import { createScoringRule, deleteScoringRule, listScoringRules } from './scoring-rules';
import { leadsService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(leadsService, {
  listLeads: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listLeads(query, deps)),
  }),
  exportLeads: async ({ query, inTenant }) => {
    const csv = await inTenant((deps) => exportLeads(query, deps));
    return csvResponse(`leads-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  },
  importLeads: async ({ body, query, inTenant }) => {
    const request = importRequestOf(body, query);
    return { body: await inTenant((deps) => importLeads(request, deps)) };
  },
  createLead: async ({ body, inTenant }) => {
    const lead = await inTenant((deps) => createLead(body, deps));
    return {
      body: lead,
      headers: { Location: `/v1/customerconnect/leads/${lead.id}`, ...etag(lead.version) },
    };
  },
  getLead: async ({ params, inTenant }) => {
    const lead = await inTenant((deps) => getLead(params.leadId, deps));
    return { body: lead, headers: etag(lead.version) };
  },
  updateLead: async ({ params, body, headers, inTenant }) => {
    const { version, ...changes } = body;
    const expected = { sent: version, ifMatch: headers['if-match'] };
    const lead = await inTenant((deps) => changeLead(params.leadId, expected, changes, deps));
    return { body: lead, headers: etag(lead.version) };
  },
  convertLead: async ({ params, body, headers, inTenant }) => {
    const result = await inTenant((deps) => convertLead(params.leadId, body, headers['if-match'], deps));
    return { body: result, headers: etag(result.lead.version) };
  },
  listLeadScoringRules: async ({ inTenant }) => ({ body: await inTenant((deps) => listScoringRules(deps)) }),
  createLeadScoringRule: async ({ body, inTenant }) => ({
    body: await inTenant((deps) => createScoringRule(body, deps)),
  }),
  deleteLeadScoringRule: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteScoringRule(params.scoringRuleId, deps));
    return { body: undefined };
  },
  listAssignmentRules: async ({ inTenant }) => ({
    body: await inTenant((deps) => listAssignmentRules(deps)),
  }),
  createAssignmentRule: async ({ body, inTenant }) => {
    const rule = await inTenant((deps) => createAssignmentRule(body, deps));
    return {
      body: rule,
      headers: { Location: `/v1/customerconnect/assignment-rules/${rule.id}`, ...etag(rule.version) },
    };
  },
  getAssignmentRule: async ({ params, inTenant }) => {
    const rule = await inTenant((deps) => getAssignmentRule(params.assignmentRuleId, deps));
    return { body: rule, headers: etag(rule.version) };
  },
  updateAssignmentRule: async ({ params, body, headers, inTenant }) => {
    const { version, ...changes } = body;
    const expected = { sent: version, ifMatch: headers['if-match'] };
    const rule = await inTenant((deps) =>
      changeAssignmentRule(params.assignmentRuleId, expected, changes, deps),
    );
    return { body: rule, headers: etag(rule.version) };
  },
  deleteAssignmentRule: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteAssignmentRule(params.assignmentRuleId, deps));
    return { body: undefined };
  },
});
