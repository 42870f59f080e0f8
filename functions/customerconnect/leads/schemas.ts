import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import { UUID_SOURCE } from '@halooid/shared/ids';
import * as z from 'zod';
import { CustomFilterQuery, CustomValues } from '../domain/custom-fields';
import { CUSTOM_FIELD_PATTERN, SCORABLE_FIELDS } from '../domain/lead-scoring';
import { LEAD_SOURCES, LEAD_STATUSES, Lead } from '../domain/leads';
import { importBodySchema, recordImportResultSchema } from '../domain/record-import';

/**
 * Leads, scoring rules and assignment rules as the API shows them, and what
 * requests may send. Every request string has a maximum length (Spectral);
 * names go through displayText, which refuses direction controls and
 * invisible characters.
 */
export { Lead };

export const LeadParams = z.strictObject({ leadId: z.uuid() });

const WEBSITE = /^(https?:\/\/)?[^\s/$.?#][^\s]*$/i;

/** The writable fields; on create `lastName` is required, on PATCH everything is optional. */
const leadFields = {
  firstName: displayText().max(100).nullable().optional(),
  lastName: displayText().min(1, 'Give the lead a last name.').max(100),
  email: z
    .email('An email address such as ana@example.com.')
    .max(254)
    .overwrite((email) => email.toLowerCase())
    .nullable()
    .optional(),
  phone: displayText().max(40).nullable().optional(),
  companyName: displayText().max(200).nullable().optional(),
  title: displayText().max(150).nullable().optional(),
  website: z
    .string()
    .trim()
    .max(2048)
    .regex(WEBSITE, 'A web address such as https://acme.com.')
    .nullable()
    .optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  territory: displayText().max(100).nullable().optional(),
  ownerId: z.uuid().nullable().optional().meta({
    description:
      'The owner (a member of the organization). Left out on create: the creating user (an API key: the assignment rules). `null`: the assignment rules decide.',
  }),
  message: z.string().trim().max(5000).nullable().optional(),
  tags: z
    .array(displayText().min(1).max(50))
    .max(50)
    .refine(
      (tags) => new Set(tags.map((tag) => tag.toLowerCase())).size === tags.length,
      'Each tag at most once.',
    )
    .optional(),
  custom: CustomValues.optional(),
};

export const CreateLeadBody = z.strictObject({
  ...leadFields,
  status: z.enum(['new', 'contacted', 'qualified', 'unqualified']).optional(),
});
export type CreateLeadInput = z.output<typeof CreateLeadBody>;

export const UpdateLeadBody = z.strictObject({
  ...leadFields,
  lastName: leadFields.lastName.optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  status: z
    .enum(LEAD_STATUSES)
    .optional()
    .meta({ description: '`converted` only through POST …/convert (422 here).' }),
  version: VersionField,
});
export type UpdateLeadInput = z.output<typeof UpdateLeadBody>;

export const ListLeadsQuery = z.strictObject({
  ...paginationQuery,
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Only leads whose name, email or company name contains this.' }),
  status: z.enum(LEAD_STATUSES).optional(),
  source: z.enum(LEAD_SOURCES).optional(),
  // One string schema (not a union): OpenAPI then types it, which the id rules need.
  ownerId: z
    .string()
    .max(36)
    .regex(new RegExp(`^(me|none|${UUID_SOURCE})$`), 'A user id, `me` or `none`.')
    .optional()
    .meta({ description: 'A user id, `me` (the caller) or `none` (unowned).' }),
  tag: z.string().trim().min(1).max(50).optional(),
  custom: CustomFilterQuery,
  sort: z.string().max(200).optional().meta({
    description:
      'Comma-separated, `-` for descending: createdAt, updatedAt, score, lastName, companyName, status, custom.<key>. Default `-createdAt`.',
  }),
});
export type ListLeadsQuery = z.output<typeof ListLeadsQuery>;

// Scoring rules.

export const ScoringRule = z.object({
  id: z.uuid(),
  kind: z.enum(['field', 'activity']),
  field: z.string().nullable(),
  value: z.string().nullable(),
  activityType: z.enum(['note', 'call', 'meeting', 'email', 'task']).nullable(),
  points: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type ScoringRule = z.infer<typeof ScoringRule>;

export const ScoringRuleParams = z.strictObject({ scoringRuleId: z.uuid() });

const points = z.number().int().min(-1000).max(1000);

export const CreateScoringRuleBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('field'),
    field: z
      .union([
        z.enum(SCORABLE_FIELDS),
        z.string().max(47).regex(CUSTOM_FIELD_PATTERN, 'custom.<key> of a lead custom field.'),
      ])
      .meta({ description: `One of ${SCORABLE_FIELDS.join(', ')}, or custom.<key>.` }),
    value: z.string().trim().min(1).max(200).nullable().optional().meta({
      description: 'The value that scores (case-insensitive); null or left out: the field being set scores.',
    }),
    points,
  }),
  z.strictObject({
    kind: z.literal('activity'),
    activityType: z.enum(['note', 'call', 'meeting', 'email', 'task']),
    points,
  }),
]);
export type CreateScoringRuleInput = z.output<typeof CreateScoringRuleBody>;

export const ScoringRuleList = z.object({ items: z.array(ScoringRule) });

// Assignment rules.

export const AssignmentRule = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['round_robin', 'territory']),
  teamId: z.uuid(),
  sources: z.array(z.enum(LEAD_SOURCES)),
  position: z.number().int(),
  active: z.boolean(),
  lastAssigneeId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type AssignmentRule = z.infer<typeof AssignmentRule>;

export const AssignmentRuleParams = z.strictObject({ assignmentRuleId: z.uuid() });

const sources = z
  .array(z.enum(LEAD_SOURCES))
  .max(LEAD_SOURCES.length)
  .refine((list) => new Set(list).size === list.length, 'Each source at most once.');

export const CreateAssignmentRuleBody = z.strictObject({
  name: displayText().min(1, 'Name the rule.').max(100),
  kind: z.enum(['round_robin', 'territory']),
  teamId: z.uuid(),
  sources: sources.optional().meta({ description: 'Only leads from these sources; empty or left out: any.' }),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});
export type CreateAssignmentRuleInput = z.output<typeof CreateAssignmentRuleBody>;

export const UpdateAssignmentRuleBody = z.strictObject({
  name: displayText().min(1).max(100).optional(),
  kind: z.enum(['round_robin', 'territory']).optional(),
  teamId: z.uuid().optional(),
  sources: sources.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
  version: VersionField,
});
export type UpdateAssignmentRuleInput = z.output<typeof UpdateAssignmentRuleBody>;

export const AssignmentRuleList = z.object({ items: z.array(AssignmentRule) });

// Conversion.

const ConvertCompany = z
  .strictObject({
    id: z.uuid().optional().meta({ description: 'Link this company (one you can see).' }),
    match: z.literal('domain').optional().meta({
      description:
        'The company whose domain is the lead’s website’s (or its email’s, unless a free mail provider); none found: a new company named after the lead’s company name.',
    }),
    create: z.literal(true).optional().meta({ description: 'Always a new company.' }),
    name: displayText()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'With `create`: the new company’s name (defaults to the lead’s company name).' }),
  })
  .superRefine((value, context) => {
    const chosen = [value.id, value.match, value.create].filter((choice) => choice !== undefined).length;
    if (chosen !== 1)
      context.addIssue({ code: 'custom', path: [], message: 'Give exactly one of id, match or create.' });
    if (value.name !== undefined && value.create === undefined)
      context.addIssue({ code: 'custom', path: ['name'], message: 'A name goes with create.' });
  })
  .nullable()
  .optional()
  .meta({
    description:
      'One of `{ id }`, `{ match: "domain" }`, `{ create: true, name? }`; `null`: no company. Left out: match by domain.',
  });

export const ConvertLeadBody = z.strictObject({
  company: ConvertCompany,
  contact: z
    .strictObject({ id: z.uuid().meta({ description: 'Link this contact (one you can see).' }) })
    .optional()
    .meta({ description: 'Left out: the contact with the lead’s email, or a new one from the lead.' }),
  opportunity: z
    .strictObject({
      name: displayText().min(1, 'Name the opportunity.').max(200),
      pipelineId: z.uuid().optional().meta({ description: 'Defaults to the default pipeline.' }),
      stageId: z.uuid().optional().meta({ description: 'Defaults to the pipeline’s first open stage.' }),
      amount: z
        .string()
        .max(19)
        .regex(/^\d{1,16}(\.\d{1,2})?$/, 'A decimal amount as a string, such as "1250.00".')
        .optional(),
      currency: z
        .string()
        .max(3)
        .regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as EUR.')
        .optional(),
      expectedCloseDate: z.iso.date().optional(),
    })
    .refine((value) => (value.amount === undefined) === (value.currency === undefined), {
      message: 'Send amount and currency together (or neither).',
      path: ['currency'],
    })
    .optional(),
  version: VersionField,
});
export type ConvertLeadInput = z.output<typeof ConvertLeadBody>;

export const ConvertLeadResult = z.object({
  lead: Lead,
  contactId: z.uuid(),
  contactCreated: z.boolean(),
  companyId: z.uuid().nullable(),
  companyCreated: z.boolean(),
  opportunityId: z.uuid().nullable(),
});
export type ConvertLeadResult = z.infer<typeof ConvertLeadResult>;

export const ExportLeadsQuery = ListLeadsQuery.omit({ limit: true, cursor: true });
export type ExportLeadsQuery = z.output<typeof ExportLeadsQuery>;

export const ImportLeadsBody = importBodySchema(
  'CSV with a header row. Columns (any order; case, spaces and punctuation ignored; or map yours with ' +
    '`mapping`): `last name` (required), `first name`, `email`, `phone`, `company name` (or `company`), `title` ' +
    '(or `job title`), `website`, `source` (one of the lead sources; `import` when empty), `status` (not ' +
    '`converted`), `territory`, `owner` (a user’s email; empty: the assignment rules), `tags` (`;`-separated), ' +
    '`message`, and custom fields as `custom.<key>` or by their label. Other columns (such as the export’s id) ' +
    'are ignored and counted. At most 100 columns and 5,000 rows.',
);

export const ImportLeadsResult = recordImportResultSchema('lead');
