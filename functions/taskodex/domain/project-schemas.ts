import { calendarDate, YEARS_NOTE } from '@halooid/shared/calendar';
import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { PROJECT_ROLES, PROJECT_STATUSES, Project, ProjectRole, ProjectStatus } from './project';
import { StateGroup, TaskStatus } from './task';

export { PROJECT_ROLES, PROJECT_STATUSES, Project, ProjectRole, ProjectStatus };

// The pattern sits on the input (any case) so the OpenAPI document shows it; the key is stored upper-case.
const ProjectKey = z
  .string()
  .max(10, '2–10 letters or digits, starting with a letter.')
  .regex(/^[A-Za-z][A-Za-z0-9]{1,9}$/, '2–10 letters or digits, starting with a letter.')
  .transform((key) => key.toUpperCase())
  .meta({
    description: 'Prefix of task numbers (`WEB` → `WEB-42`); unique in the tenant, fixed once created.',
    example: 'WEB',
  });
const Name = displayText().min(1, 'Name cannot be empty.').max(200).meta({ example: 'Website relaunch' });
const Description = z.string().max(20_000);
const Day = calendarDate().meta({ description: `Calendar date, YYYY-MM-DD. ${YEARS_NOTE}` });
const HourlyRate = z.number().min(0).max(1_000_000).multipleOf(0.01);

export const WorkflowStateSchema = z.strictObject({
  key: TaskStatus,
  name: displayText().min(1).max(50),
  colour: z
    .string()
    .max(7, 'A colour as #rrggbb.')
    .regex(/^#[0-9a-fA-F]{6}$/, 'A colour as #rrggbb.')
    .meta({ example: '#22c55e' }),
  group: StateGroup,
});
const States = z.array(WorkflowStateSchema).min(1).max(30);

export const ProjectParams = z.strictObject({ projectId: z.uuid() });
export const MemberParams = z.strictObject({ projectId: z.uuid(), userId: z.uuid() });

const dateOrder = (body: { startDate?: string | null; targetDate?: string | null }) =>
  !body.startDate || !body.targetDate || body.targetDate >= body.startDate;
const dateOrderIssue = { message: 'The target date cannot be before the start date.', path: ['targetDate'] };

export const CreateProjectBody = z
  .strictObject({
    key: ProjectKey,
    name: Name,
    description: Description.default(''),
    leadId: z.uuid().nullable().default(null),
    status: ProjectStatus.exclude(['archived']).default('active'),
    isPrivate: z.boolean().default(false),
    startDate: Day.nullable().default(null),
    targetDate: Day.nullable().default(null),
    clientName: displayText().min(1).max(200).nullable().default(null),
    billable: z.boolean().default(false),
    hourlyRate: HourlyRate.nullable().default(null),
    states: States.optional().meta({ description: 'A custom workflow; the default one when absent.' }),
  })
  .refine(dateOrder, dateOrderIssue);
export type CreateProjectInput = z.output<typeof CreateProjectBody>;

export const UpdateProjectBody = z
  .strictObject({
    version: VersionField,
    name: Name.optional(),
    description: Description.optional(),
    leadId: z.uuid().nullable().optional(),
    status: ProjectStatus.exclude(['archived'])
      .optional()
      .meta({ description: 'Archive and restore have their own actions.' }),
    isPrivate: z.boolean().optional(),
    startDate: Day.nullable().optional(),
    targetDate: Day.nullable().optional(),
    clientName: displayText().min(1).max(200).nullable().optional(),
    billable: z.boolean().optional(),
    hourlyRate: HourlyRate.nullable().optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one field.',
  })
  .refine(dateOrder, dateOrderIssue);
export type UpdateProjectInput = z.output<typeof UpdateProjectBody>;

export const ListProjectsQuery = z.strictObject({
  ...paginationQuery,
  status: z
    .string()
    .max(200)
    .transform((value) => value.split(',').map((part) => part.trim()))
    .pipe(z.array(ProjectStatus).min(1))
    .optional()
    .meta({
      description: 'One or more statuses, comma-separated. Archived projects are left out unless asked for.',
    }),
  q: z.string().trim().min(1).max(200).optional().meta({ description: 'Part of the name or key.' }),
  sort: z
    .string()
    .max(100)
    .optional()
    .meta({ description: 'name, key, createdAt, updatedAt; `-` for descending.' }),
});
export type ListProjectsQuery = z.output<typeof ListProjectsQuery>;

export const Member = z.object({
  userId: z.uuid(),
  role: ProjectRole,
  createdAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;

export const AddMemberBody = z.strictObject({ userId: z.uuid(), role: ProjectRole.default('member') });
export const UpdateMemberBody = z.strictObject({ role: ProjectRole });

export const Workflow = z.object({ states: z.array(WorkflowStateSchema) });
export const PutWorkflowBody = z.strictObject({
  states: States,
  moveTasksTo: z.record(TaskStatus, TaskStatus).optional().meta({
    description:
      'Where tasks in a removed state go: `{"qa": "in_review"}`. Removing a state that tasks use without it is a 409.',
  }),
});
export type PutWorkflowInput = z.output<typeof PutWorkflowBody>;

export const Label = z.object({ name: z.string(), taskCount: z.number().int() });
export const LabelList = z.object({ items: z.array(Label) });
