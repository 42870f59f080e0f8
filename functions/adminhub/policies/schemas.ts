import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';

/**
 * The policy as the API shows it, and what requests may send. Every
 * request string has a maximum length (the Spectral rules in .spectral.yaml
 * fail the build otherwise); names go through displayText, which refuses
 * direction controls and invisible characters.
 */
export const Policy = z.object({
  id: z.uuid(),
  name: z.string(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Policy = z.infer<typeof Policy>;

export const PolicyParams = z.strictObject({ policyId: z.uuid() });

export const CreatePolicyBody = z.strictObject({
  name: displayText().min(1, 'Name the policy.').max(200),
});
export type CreatePolicyInput = z.output<typeof CreatePolicyBody>;

export const ListPoliciesQuery = z.strictObject({
  ...paginationQuery,
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Only policies whose name contains this.' }),
});
export type ListPoliciesQuery = z.output<typeof ListPoliciesQuery>;
