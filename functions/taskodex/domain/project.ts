import * as z from 'zod';

// A project as the API returns it (events carry it without myRole): zod only, so the event
// catalog loads it without the request schemas (project-schemas.ts) or the kernel.

export const PROJECT_STATUSES = ['active', 'on_hold', 'completed', 'archived'] as const;
export const PROJECT_ROLES = ['admin', 'member', 'viewer'] as const;

export const ProjectStatus = z.enum(PROJECT_STATUSES);
export const ProjectRole = z.enum(PROJECT_ROLES);

/** The record in another product a project was made for (a won CustomerConnect deal); the web links back to it. */
export const ProjectOrigin = z
  .object({
    product: z.string(),
    type: z.string(),
    id: z.uuid(),
  })
  .meta({
    description: 'The record another product made this project for, e.g. a won CustomerConnect deal.',
  });
export type ProjectOrigin = z.infer<typeof ProjectOrigin>;

export const Project = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  leadId: z.uuid().nullable(),
  status: ProjectStatus,
  isPrivate: z.boolean(),
  startDate: z.iso.date().nullable(),
  targetDate: z.iso.date().nullable(),
  clientName: z.string().nullable(),
  billable: z.boolean().meta({ description: 'Default billable flag for time logged on this project.' }),
  hourlyRate: z.number().nullable(),
  archivedAt: z.iso.datetime().nullable(),
  myRole: ProjectRole.nullable().meta({
    description: "The caller's role in the project; null when not a member.",
  }),
  origin: ProjectOrigin.nullable().meta({
    description:
      'Set when another product made the project, e.g. `{ product: "customerconnect", type: "opportunity", id }` for a won deal; null otherwise.',
  }),
  version: z.number().int(),
  createdBy: z.uuid(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Project = z.infer<typeof Project>;
