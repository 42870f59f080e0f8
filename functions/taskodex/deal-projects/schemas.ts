import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';

/**
 * What Taskodex reads of CustomerConnect's `opportunity.won` (v1): its own
 * copy of the fields it needs, so Taskodex never imports another product.
 * Extra fields are ignored; the kernel has checked the event against
 * CustomerConnect's catalog already.
 */
export const WonDeal = z.object({
  opportunity: z.object({
    id: z.uuid(),
    name: z.string().min(1),
    ownerId: z.uuid().nullable(),
    amount: z.string().nullable(),
    currency: z.string().nullable(),
  }),
  pipelineName: z.string(),
  projectTemplateId: z.uuid().nullable(),
});
export type WonDeal = z.infer<typeof WonDeal>;

export const ORIGIN = { product: 'customerconnect', type: 'opportunity' } as const;

/** How many open tasks of a template a deal's project copies at most. */
export const MAX_TEMPLATE_TASKS = 500;

export const DealProject = z.object({
  opportunityId: z.uuid().meta({ description: 'The won CustomerConnect opportunity.' }),
  projectId: z.uuid(),
  key: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
});
export type DealProject = z.infer<typeof DealProject>;

export const ListDealProjectsQuery = z.strictObject({
  ...paginationQuery,
  opportunityId: z.uuid().optional().meta({ description: 'Only the project of this opportunity.' }),
});
export type ListDealProjectsQuery = z.output<typeof ListDealProjectsQuery>;
