import * as z from 'zod';

/**
 * Records as events carry them: identity, ownership and the figures other
 * products and webhooks route on, not every field (custom fields, addresses,
 * phones stay behind the API and its visibility rules).
 */
export const CompanySnapshot = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  ownerId: z.uuid().nullable(),
});
export type CompanySnapshot = z.infer<typeof CompanySnapshot>;

export const ContactSnapshot = z.object({
  id: z.uuid(),
  firstName: z.string().nullable(),
  lastName: z.string(),
  primaryEmail: z.string().nullable(),
  companyId: z.uuid().nullable(),
  lifecycleStage: z.string(),
  ownerId: z.uuid().nullable(),
});
export type ContactSnapshot = z.infer<typeof ContactSnapshot>;

export const LeadSnapshot = z.object({
  id: z.uuid(),
  firstName: z.string().nullable(),
  lastName: z.string(),
  email: z.string().nullable(),
  companyName: z.string().nullable(),
  source: z.string(),
  status: z.string(),
  score: z.number().int(),
  ownerId: z.uuid().nullable(),
});
export type LeadSnapshot = z.infer<typeof LeadSnapshot>;

/** `amount` is a decimal string (never a float) beside its ISO 4217 `currency`. */
export const OpportunitySnapshot = z.object({
  id: z.uuid(),
  name: z.string(),
  pipelineId: z.uuid(),
  stageId: z.uuid(),
  status: z.enum(['open', 'won', 'lost']),
  amount: z.string().nullable(),
  currency: z.string().nullable(),
  expectedCloseDate: z.iso.date().nullable(),
  ownerId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
});
export type OpportunitySnapshot = z.infer<typeof OpportunitySnapshot>;
