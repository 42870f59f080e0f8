import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { StateGroup, TaskPriority, TaskStatus } from '../domain/task-schemas';

export const VIEW_LAYOUTS = ['list', 'board', 'calendar'] as const;

/** The list-tasks query a view replays (`GET /v1/taskodex/tasks`), stored as arrays rather than comma lists. */
export const ViewFilters = z
  .strictObject({
    status: z.array(TaskStatus).min(1).max(30).optional(),
    statusGroup: z.array(StateGroup).min(1).max(5).optional(),
    priority: z.array(TaskPriority).min(1).max(5).optional(),
    assigneeId: z.uuid().optional(),
    projectId: z.uuid().optional(),
    label: z.string().trim().min(1).max(50).optional(),
    q: z.string().trim().min(1).max(200).optional(),
  })
  .meta({ description: 'The filters of `GET /v1/taskodex/tasks`; lists are arrays here.' });

const Name = displayText().min(1, 'Name the view.').max(100);
const Sort = z
  .string()
  .max(200)
  .nullable()
  .meta({ description: 'As `sort` on the task list, e.g. `-priority,dueDate`; null for the default order.' });

export const SavedView = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  name: z.string(),
  projectId: z.uuid().nullable(),
  shared: z.boolean(),
  filters: ViewFilters,
  sort: z.string().nullable(),
  layout: z.enum(VIEW_LAYOUTS),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SavedView = z.infer<typeof SavedView>;

export const ViewParams = z.strictObject({ viewId: z.uuid() });

export const CreateViewBody = z.strictObject({
  name: Name,
  projectId: z
    .uuid()
    .nullable()
    .default(null)
    .meta({ description: 'The project the view belongs to, if any.' }),
  shared: z.boolean().default(false).meta({
    description:
      "Shared views are seen by the project's members (or, without a project, the whole tenant); only you edit it.",
  }),
  filters: ViewFilters.default({}),
  sort: Sort.default(null),
  layout: z.enum(VIEW_LAYOUTS).default('list'),
});
export type CreateViewInput = z.output<typeof CreateViewBody>;

export const UpdateViewBody = z
  .strictObject({
    version: VersionField,
    name: Name.optional(),
    projectId: z.uuid().nullable().optional(),
    shared: z.boolean().optional(),
    filters: ViewFilters.optional(),
    sort: Sort.optional(),
    layout: z.enum(VIEW_LAYOUTS).optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  });
/** The change with the expected version resolved (from the body or If-Match). */
export type UpdateViewInput = z.output<typeof UpdateViewBody> & { version: number };

export const ListViewsQuery = z.strictObject({
  ...paginationQuery,
  projectId: z.uuid().optional().meta({ description: 'Only views of this project.' }),
});
export type ListViewsQuery = z.output<typeof ListViewsQuery>;
