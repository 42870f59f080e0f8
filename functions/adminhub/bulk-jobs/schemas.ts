import { pageOf, paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';
import { MEMBER_STATUSES } from '../domain/members-directory';

/** The most members one job acts on; it runs within its request. */
export const MAX_BULK_SELECTION = 500;

export const BULK_ACTIONS = ['disable', 'enable', 'sign_out', 'assign_role'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

const BulkFilter = z.strictObject({
  status: z.enum(MEMBER_STATUSES).optional(),
  role: z.string().trim().min(1).max(100).optional().meta({ description: 'A role id or key.' }),
  q: z.string().trim().min(1).max(200).optional(),
  mfa: z.boolean().optional(),
});

const Selection = z.union([
  z.strictObject({
    userIds: z
      .array(z.uuid())
      .min(1)
      .max(MAX_BULK_SELECTION)
      .transform((ids) => [...new Set(ids)]),
  }),
  z.strictObject({
    filter: BulkFilter.meta({
      description: "The directory's filters; every member it selects (at most 500).",
    }),
  }),
]);

export const CreateBulkJobBody = z
  .strictObject({
    action: z.enum(BULK_ACTIONS),
    roleId: z.uuid().optional().meta({ description: 'The role to add, for `assign_role` (and only then).' }),
    selection: Selection,
  })
  .refine((body) => (body.action === 'assign_role') === (body.roleId !== undefined), {
    message: 'Give roleId with assign_role, and only then.',
    path: ['roleId'],
  });
export type CreateBulkJobInput = z.output<typeof CreateBulkJobBody>;

export const BulkJobResult = z.object({
  memberId: z.uuid(),
  email: z.string(),
  outcome: z.enum(['ok', 'skipped', 'failed']),
  reason: z.string().nullable(),
});
export type BulkJobResult = z.infer<typeof BulkJobResult>;

export const BulkJobSummary = z.object({
  id: z.uuid(),
  action: z.enum(BULK_ACTIONS),
  roleId: z.uuid().nullable(),
  selection: z.record(z.string(), z.unknown()),
  status: z.enum(['running', 'completed']),
  total: z.number().int(),
  succeeded: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type BulkJobSummary = z.infer<typeof BulkJobSummary>;

export const BulkJob = BulkJobSummary.extend({
  results: z.array(BulkJobResult).meta({ description: 'One per selected member, by email.' }),
});
export type BulkJob = z.infer<typeof BulkJob>;

export const BulkJobParams = z.strictObject({ bulkJobId: z.uuid() });
export const ListBulkJobsQuery = z.strictObject({ ...paginationQuery });
export const BulkJobPage = pageOf(BulkJobSummary);
