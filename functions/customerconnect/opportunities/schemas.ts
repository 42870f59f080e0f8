import { calendarDate } from '@halooid/shared/calendar';
import { paginationQuery } from '@halooid/shared/db/pagination';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { CustomFilterQuery } from '../domain/custom-fields';
import {
  AmountInput,
  CreateOpportunityBody,
  OPPORTUNITY_STATUSES,
  Opportunity,
  OpportunityDetail,
  opportunityFields,
} from '../domain/opportunity';
import { Pipeline, Stage } from '../domain/pipelines';
import { importBodySchema, recordImportResultSchema } from '../domain/record-import';
import { OwnerFilter } from '../domain/user-filter';

export { CreateOpportunityBody, Opportunity, OpportunityDetail };

export const OpportunityParams = z.strictObject({ opportunityId: z.uuid() });

/** PATCH: everything but the stage (POST …/stage moves it) and the pipeline. */
export const ChangeOpportunityBody = z
  .strictObject({
    version: VersionField,
    ...opportunityFields,
    name: opportunityFields.name.optional(),
    contacts: opportunityFields.contacts.meta({
      description: 'The whole list of contacts with their roles (replaces the current one).',
    }),
  })
  .refine((body) => Object.entries(body).some(([key, value]) => key !== 'version' && value !== undefined), {
    message: 'Send at least one field to change.',
  });
export type ChangeOpportunityInput = z.output<typeof ChangeOpportunityBody>;

export const MoveStageBody = z
  .strictObject({
    stageId: z
      .uuid()
      .meta({ description: 'A stage of the opportunity’s pipeline (its current one to reorder only).' }),
    afterId: z
      .uuid()
      .optional()
      .meta({ description: 'Place the card right below this opportunity of the stage.' }),
    beforeId: z
      .uuid()
      .optional()
      .meta({ description: 'Place the card right above this opportunity of the stage.' }),
    rank: z
      .string()
      .max(30)
      .regex(/^-?\d{1,12}(\.\d{1,12})?$/, 'A decimal string such as "3.5".')
      .optional()
      .meta({ description: 'The card’s exact rank in the stage (a decimal string).' }),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .meta({ description: 'Why it was won or lost (kept as closeReason); ignored for an open stage.' }),
    version: VersionField,
  })
  .refine(
    (body) => [body.afterId, body.beforeId, body.rank].filter((value) => value !== undefined).length <= 1,
    { message: 'Send at most one of afterId, beforeId and rank.', path: ['afterId'] },
  );
export type MoveStageInput = z.output<typeof MoveStageBody>;

export const StageHistoryEntry = z.object({
  id: z.uuid(),
  fromStageId: z.uuid().nullable(),
  fromStageName: z.string().nullable(),
  toStageId: z.uuid(),
  toStageName: z.string().nullable(),
  changedBy: z.uuid().nullable(),
  changedAt: z.iso.datetime(),
  secondsInFromStage: z
    .number()
    .int()
    .nullable()
    .meta({ description: 'Time spent in the stage it left; null for the first entry (creation).' }),
});

export const StageHistoryQuery = z.strictObject({ ...paginationQuery });

export const ListOpportunitiesQuery = z.strictObject({
  ...paginationQuery,
  pipelineId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  ownerId: OwnerFilter,
  companyId: z.uuid().optional(),
  contactId: z.uuid().optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Only opportunities whose name contains this.' }),
  closeFrom: calendarDate().optional().meta({ description: 'Expected close date on or after.' }),
  closeTo: calendarDate().optional().meta({ description: 'Expected close date on or before.' }),
  minAmount: AmountInput.optional(),
  custom: CustomFilterQuery,
  sort: z.string().max(200).optional().meta({
    description:
      'Comma-separated, `-` for descending: createdAt, updatedAt, name, amount, expectedCloseDate, rank, stageEnteredAt, custom.<key>. Default -createdAt.',
  }),
});
export type ListOpportunitiesQuery = z.output<typeof ListOpportunitiesQuery>;

/** The list's filters and sort without paging: an export is every matching opportunity you can see. */
export const ExportOpportunitiesQuery = ListOpportunitiesQuery.omit({ limit: true, cursor: true });
export type ExportOpportunitiesQuery = z.output<typeof ExportOpportunitiesQuery>;

export const BoardQuery = z.strictObject({
  pipelineId: z.uuid().optional().meta({ description: 'Defaults to the default pipeline.' }),
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'Cards per stage.' }),
  ownerId: OwnerFilter,
});
export type BoardQuery = z.output<typeof BoardQuery>;

export const MoneyTotal = z.object({ currency: z.string(), total: z.string() });

export const BoardStage = Stage.extend({
  count: z.number().int().meta({ description: 'Opportunities in the stage you can see.' }),
  totals: z.array(MoneyTotal).meta({ description: 'Sum of amounts per currency.' }),
  cards: z.array(Opportunity),
  nextCursor: z.string().nullable().meta({
    description:
      'More cards: GET /v1/customerconnect/opportunities?pipelineId=…&stageId=…&sort=rank&cursor=…',
  }),
});

export const Board = z.object({
  pipeline: Pipeline.omit({ stages: true }),
  stages: z.array(BoardStage),
});
export type Board = z.infer<typeof Board>;

export const ImportOpportunitiesBody = importBodySchema(
  'CSV with a header row. Columns (any order; case, spaces and punctuation ignored; or map yours with `mapping` to ' +
    'name, amount, currency, expectedCloseDate, companyName, pipeline, stage, ownerEmail, tags): `name` (required; ' +
    'also `deal name`), `amount` (a decimal such as 1250.50) with `currency` (ISO 4217), `expected close date` ' +
    '(YYYY-MM-DD), `company` (the name of a company you can see), `pipeline` and `stage` (names; the default ' +
    'pipeline and its first open stage when absent), `owner` (a member’s email), `tags` (`;`-separated), and ' +
    'custom fields as `custom.<key>` or by their label. Other columns (such as the export’s id) are ignored and ' +
    'counted. At most 100 columns and 5,000 rows.',
);

export const ImportOpportunitiesResult = recordImportResultSchema('opportunity');
