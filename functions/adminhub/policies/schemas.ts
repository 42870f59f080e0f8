import { SecurityPolicy } from '@halooid/shared/security-policy';
import * as z from 'zod';

/**
 * A tenant's security policy as the API shows and takes it. The policy
 * itself is the kernel's schema (shared/src/security-policy.ts), which the
 * auth capability and the authorizer enforce; versions are append-only.
 */
export const PolicyVersion = z.object({
  version: z
    .number()
    .int()
    .meta({ description: '0 until the workspace first saves a policy (the defaults apply).' }),
  policy: SecurityPolicy,
  createdBy: z
    .string()
    .nullable()
    .meta({ description: 'Who saved this version (user id, or `apikey:<id>`).' }),
  createdAt: z.iso.datetime().nullable(),
});
export type PolicyVersion = z.infer<typeof PolicyVersion>;

export const PutSecurityPolicyBody = z.strictObject({
  version: z.number().int().min(0).max(2_147_483_647).optional().meta({
    description:
      'The version you last read (0 for the defaults); a stale one gets 409. Required unless sent as If-Match.',
  }),
  policy: SecurityPolicy.meta({
    description: 'The whole policy: a section or field left out takes its default.',
  }),
});
export type PutSecurityPolicyInput = z.output<typeof PutSecurityPolicyBody>;

export const ListVersionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2048).optional(),
});
export type ListVersionsQuery = z.output<typeof ListVersionsQuery>;
