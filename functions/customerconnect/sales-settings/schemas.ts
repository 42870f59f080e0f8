import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { RecordObjectSchema } from '../domain/records';
import { VISIBILITY_MODES } from '../domain/visibility';

/**
 * The sales side of CustomerConnect's administration: per-object record
 * visibility, sales teams with their reps and managers, and saved list views.
 */

const Mode = z.enum(VISIBILITY_MODES).meta({
  description:
    "`all`: every record; `team`: the caller's own and their teammates'; `own`: the caller's own. Team managers always see their members' records; `customerconnect:record:admin` sees everything.",
});

export const Visibility = z.strictObject({
  company: Mode,
  contact: Mode,
  lead: Mode,
  opportunity: Mode,
});

export const SalesSettings = z.object({
  visibility: Visibility,
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
});
export type SalesSettings = z.infer<typeof SalesSettings>;

export const PutSettingsBody = z.strictObject({ version: VersionField, visibility: Visibility });
export type PutSettingsInput = z.output<typeof PutSettingsBody> & { version: number };

// Teams ---------------------------------------------------------------------

export const TEAM_ROLES = ['rep', 'manager'] as const;

export const TeamMember = z.object({
  userId: z.uuid(),
  role: z.enum(TEAM_ROLES),
  joinedAt: z.iso.datetime(),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const Team = z.object({
  id: z.uuid(),
  name: z.string(),
  territories: z.array(z.string()),
  members: z.array(TeamMember),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Team = z.infer<typeof Team>;

const TeamName = displayText().min(1, 'Name the team.').max(100);
const Territories = z
  .array(displayText().min(1).max(100))
  .max(100)
  .refine((values) => new Set(values.map((value) => value.toLowerCase())).size === values.length, {
    message: 'Each territory at most once.',
  })
  .meta({ description: 'Territories whose leads territory-assignment rules route to this team.' });

export const TeamParams = z.strictObject({ teamId: z.uuid() });
export const MemberParams = z.strictObject({ teamId: z.uuid(), userId: z.uuid() });

export const CreateTeamBody = z.strictObject({ name: TeamName, territories: Territories.default([]) });
export type CreateTeamInput = z.output<typeof CreateTeamBody>;

export const UpdateTeamBody = z
  .strictObject({ version: VersionField, name: TeamName.optional(), territories: Territories.optional() })
  .refine((body) => body.name !== undefined || body.territories !== undefined, {
    message: 'Change at least one field.',
  });
export type UpdateTeamInput = z.output<typeof UpdateTeamBody> & { version: number };

export const PutMemberBody = z.strictObject({
  role: z
    .enum(TEAM_ROLES)
    .default('rep')
    .meta({ description: "A manager sees the records the team's members own." }),
});

export const ListTeamsQuery = z.strictObject({ ...paginationQuery });
export type ListTeamsQuery = z.output<typeof ListTeamsQuery>;

// Saved views ----------------------------------------------------------------

export const ViewQuery = z
  .record(
    z
      .string()
      .max(60)
      .regex(/^[a-zA-Z][a-zA-Z0-9_.]{0,59}$/, 'A query parameter name.'),
    z.string().max(500),
  )
  .refine((query) => Object.keys(query).length <= 30, 'At most 30 parameters.')
  .meta({
    description:
      'The list\'s query parameters as strings, e.g. `{ "status": "new", "custom": "tier:gold", "sort": "-createdAt" }`; the list validates them when the view is opened.',
  });

export const SavedView = z.object({
  id: z.uuid(),
  object: RecordObjectSchema,
  name: z.string(),
  ownerId: z.uuid().nullable(),
  shared: z.boolean(),
  query: z.record(z.string(), z.string()),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type SavedView = z.infer<typeof SavedView>;

export const ViewParams = z.strictObject({ savedViewId: z.uuid() });

const ViewName = displayText().min(1, 'Name the view.').max(100);

export const CreateViewBody = z.strictObject({
  object: RecordObjectSchema,
  name: ViewName,
  query: ViewQuery.default({}),
  shared: z
    .boolean()
    .default(false)
    .meta({ description: 'Shared views are listed for everyone in the tenant.' }),
});
export type CreateViewInput = z.output<typeof CreateViewBody>;

export const UpdateViewBody = z
  .strictObject({
    version: VersionField,
    name: ViewName.optional(),
    query: ViewQuery.optional(),
    shared: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  });
export type UpdateViewInput = z.output<typeof UpdateViewBody> & { version: number };

export const ListViewsQuery = z.strictObject({
  ...paginationQuery,
  object: RecordObjectSchema.optional().meta({ description: 'Only views of this object.' }),
});
export type ListViewsQuery = z.output<typeof ListViewsQuery>;
