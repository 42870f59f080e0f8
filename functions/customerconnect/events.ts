import { defineCatalog } from '@halooid/shared/events/catalog';
import * as z from 'zod';
import { CompanySnapshot, ContactSnapshot, LeadSnapshot, OpportunitySnapshot } from './domain/snapshots';

const changes = z.array(z.string()).min(1);

/**
 * CustomerConnect's event catalog: what other products, notifications and
 * webhooks may rely on, each `<resource>.<verb>` with a versioned zod schema
 * of its `data`. Records travel as snapshots (domain/snapshots.ts). A
 * breaking change to a schema is a new version, never an edit.
 */
export const customerconnectEvents = defineCatalog('customerconnect', {
  'company.created': {
    version: 1,
    description: 'A company was created.',
    schema: z.object({ company: CompanySnapshot }),
  },
  'company.updated': {
    version: 1,
    description: 'A company changed; `changes` names the fields (custom ones as `custom.<key>`).',
    schema: z.object({ company: CompanySnapshot, changes }),
  },
  'company.merged': {
    version: 1,
    description: 'Two companies became one: `mergedId` is now a tombstone that answers with `survivorId`.',
    schema: z.object({ survivorId: z.uuid(), mergedId: z.uuid() }),
  },
  'contact.created': {
    version: 1,
    description: 'A contact was created.',
    schema: z.object({ contact: ContactSnapshot }),
  },
  'contact.updated': {
    version: 1,
    description: 'A contact changed; `changes` names the fields (custom ones as `custom.<key>`).',
    schema: z.object({ contact: ContactSnapshot, changes }),
  },
  'contact.merged': {
    version: 1,
    description: 'Two contacts became one: `mergedId` is now a tombstone that answers with `survivorId`.',
    schema: z.object({ survivorId: z.uuid(), mergedId: z.uuid() }),
  },
  'lead.created': {
    version: 1,
    description: 'A lead was created (by hand, import or web capture).',
    schema: z.object({ lead: LeadSnapshot }),
  },
  'lead.updated': {
    version: 1,
    description: 'A lead changed; `changes` names the fields.',
    schema: z.object({ lead: LeadSnapshot, changes }),
  },
  'lead.assigned': {
    version: 1,
    description: 'A lead got an owner, by hand or by an assignment rule (`ruleId`); the owner is notified.',
    schema: z.object({
      lead: LeadSnapshot,
      ownerId: z.uuid(),
      previousOwnerId: z.uuid().nullable(),
      ruleId: z.uuid().nullable(),
    }),
  },
  'lead.converted': {
    version: 1,
    description:
      'A lead became a contact, a company (matched or new) and optionally an opportunity, in one transaction.',
    schema: z.object({
      leadId: z.uuid(),
      contactId: z.uuid(),
      companyId: z.uuid().nullable(),
      opportunityId: z.uuid().nullable(),
    }),
  },
  'opportunity.created': {
    version: 1,
    description: 'An opportunity was created.',
    schema: z.object({ opportunity: OpportunitySnapshot }),
  },
  'opportunity.updated': {
    version: 1,
    description: 'An opportunity changed other than its stage; `changes` names the fields.',
    schema: z.object({ opportunity: OpportunitySnapshot, changes }),
  },
  'opportunity.stage_changed': {
    version: 1,
    description:
      'An opportunity moved from one stage to another; `secondsInFromStage` is the time it spent in the old one.',
    schema: z.object({
      opportunity: OpportunitySnapshot,
      fromStageId: z.uuid(),
      toStageId: z.uuid(),
      secondsInFromStage: z.number().int().nonnegative(),
    }),
  },
  'opportunity.won': {
    version: 1,
    description:
      "An opportunity reached a won stage. `projectTemplateId` is its pipeline's Taskodex project template (Taskodex makes the deal's project from it).",
    schema: z.object({
      opportunity: OpportunitySnapshot,
      reason: z.string().nullable(),
      pipelineName: z.string(),
      projectTemplateId: z.uuid().nullable(),
    }),
  },
  'opportunity.lost': {
    version: 1,
    description: 'An opportunity reached a lost stage, with the reason given.',
    schema: z.object({ opportunity: OpportunitySnapshot, reason: z.string().nullable() }),
  },
  'activity.created': {
    version: 1,
    description:
      'A note, call, meeting, logged email or task was recorded on records; `mentionedUserIds` are notified.',
    schema: z.object({
      activity: z.object({
        id: z.uuid(),
        type: z.enum(['note', 'call', 'meeting', 'email', 'task']),
        subject: z.string().nullable(),
        links: z.array(
          z.object({ recordType: z.enum(['company', 'contact', 'lead', 'opportunity']), recordId: z.uuid() }),
        ),
      }),
      authorId: z.uuid().nullable(),
      mentionedUserIds: z.array(z.uuid()),
    }),
  },
});
