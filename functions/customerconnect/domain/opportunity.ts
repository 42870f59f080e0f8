import { calendarDate } from '@halooid/shared/calendar';
import { CurrencyInput, trimDecimal as trimNumeric } from '@halooid/shared/decimal';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';
import { CustomValues } from './custom-fields';
import { STAGE_KINDS } from './pipelines';
import type { OpportunitySnapshot } from './snapshots';

/**
 * The opportunity (deal) as the API shows it and what requests may send,
 * shared by the opportunities capability and lead conversion. Money is a
 * decimal string with at most two places beside its ISO 4217 currency (both
 * or neither); arithmetic on it happens in SQL.
 */
export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const CONTACT_ROLES = [
  'decision_maker',
  'economic_buyer',
  'champion',
  'influencer',
  'technical',
  'user',
  'other',
] as const;

export const AmountInput = z
  .string()
  .max(20)
  .regex(/^\d{1,16}(\.\d{1,2})?$/, 'A decimal amount as a string with at most two places, such as "1250.00".')
  .meta({
    description: 'A non-negative decimal string with at most two places ("1250.50"); never a number.',
  });

export { CurrencyInput };

export const ContactRole = z.enum(CONTACT_ROLES);

export const OpportunityContactInput = z.strictObject({
  contactId: z.uuid(),
  role: ContactRole.default('other'),
});

export const OpportunityContact = z.object({
  contactId: z.uuid(),
  role: ContactRole,
  firstName: z.string().nullable(),
  lastName: z.string(),
});
export type OpportunityContact = z.infer<typeof OpportunityContact>;

export const StageSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(STAGE_KINDS),
  probability: z.string(),
});

export const Opportunity = z.object({
  id: z.uuid(),
  name: z.string(),
  pipelineId: z.uuid(),
  stageId: z.uuid(),
  stage: StageSummary,
  status: z.enum(OPPORTUNITY_STATUSES),
  amount: z.string().nullable().meta({ description: 'Decimal string with two places ("1000.10").' }),
  currency: z.string().nullable(),
  expectedCloseDate: z.iso.date().nullable(),
  ownerId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
  leadId: z.uuid().nullable(),
  rank: z.string().meta({ description: 'Order within the stage on the board (a decimal string).' }),
  stageEnteredAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  closeReason: z.string().nullable(),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Opportunity = z.infer<typeof Opportunity>;

export const OpportunityDetail = Opportunity.extend({
  contacts: z.array(OpportunityContact),
});
export type OpportunityDetail = z.infer<typeof OpportunityDetail>;

const Tags = z.array(displayText().min(1).max(50)).max(50);

const fields = {
  name: displayText().min(1, 'Name the opportunity.').max(200),
  amount: AmountInput.nullable().optional(),
  currency: CurrencyInput.nullable().optional(),
  expectedCloseDate: calendarDate().nullable().optional(),
  ownerId: z.uuid().nullable().optional().meta({ description: 'A member of the tenant; defaults to you.' }),
  companyId: z.uuid().nullable().optional(),
  contacts: z.array(OpportunityContactInput).max(50).optional(),
  tags: Tags.optional(),
  custom: CustomValues.optional(),
};

/** Both or neither: a create needs both to set money; a PATCH clearing one clears both. */
function moneyTogether(
  value: { amount?: string | null | undefined; currency?: string | null | undefined },
  context: z.RefinementCtx,
) {
  const hasAmount = value.amount !== undefined && value.amount !== null;
  const hasCurrency = value.currency !== undefined && value.currency !== null;
  if (hasAmount !== hasCurrency)
    context.addIssue({
      code: 'custom',
      path: [hasAmount ? 'currency' : 'amount'],
      message: 'Send amount and currency together (or neither).',
    });
}

export const CreateOpportunityBody = z
  .strictObject({
    ...fields,
    pipelineId: z.uuid().optional().meta({ description: 'Defaults to the default pipeline.' }),
    stageId: z
      .uuid()
      .optional()
      .meta({ description: 'A stage of the pipeline; defaults to its first open stage.' }),
  })
  .superRefine(moneyTogether);
export type CreateOpportunityInput = z.output<typeof CreateOpportunityBody>;

/** What lead conversion and the create route hand to insertOpportunity. */
export type NewOpportunity = Omit<CreateOpportunityInput, 'custom'> & {
  custom?: Record<string, unknown> | undefined;
  leadId?: string | null;
};

export function snapshotOf(opportunity: Opportunity): OpportunitySnapshot {
  return {
    id: opportunity.id,
    name: opportunity.name,
    pipelineId: opportunity.pipelineId,
    stageId: opportunity.stageId,
    status: opportunity.status,
    amount: opportunity.amount,
    currency: opportunity.currency,
    expectedCloseDate: opportunity.expectedCloseDate,
    ownerId: opportunity.ownerId,
    companyId: opportunity.companyId,
  };
}

export { fields as opportunityFields, moneyTogether };

/**
 * A decimal string as Postgres' numeric(18,2) prints it ("1000.1" → "1000.10",
 * "007" → "7.00"), by string operations only, so a PATCH sending the stored
 * value in another spelling is not a change.
 */
export function normalizeAmount(amount: string | null | undefined): string | null {
  if (amount === null || amount === undefined) return null;
  const [whole = '0', fraction = ''] = amount.split('.');
  return `${whole.replace(/^0+(?=\d)/, '')}.${fraction.padEnd(2, '0')}`;
}

/**
 * A numeric's text with its trailing zeros beyond two decimals dropped
 * ("999.999990" → "999.99999", "1000.000000" → "1000.00"): exact, and money-shaped when it can be.
 */
export function trimDecimal(value: string): string {
  return trimNumeric(value, 2);
}
