import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { RecordObjectSchema } from '../domain/records';
import { userFilter } from '../domain/user-filter';

/**
 * Activities (notes, calls, meetings, logged emails, tasks) and the timeline
 * as the API shows them. Every request string has a maximum length (the
 * Spectral rules); subjects go through displayText (no direction controls or
 * invisible characters); bodies are markdown.
 */
export const ACTIVITY_TYPES = ['note', 'call', 'meeting', 'email', 'task'] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;

/** At most this many records per activity: an activity is about a few records, not a mailing. */
export const MAX_LINKS = 10;

export const MENTION_HELP =
  'Markdown, up to 20,000 characters. Mention someone with a token `@[Display name](userId)` ' +
  '(the same syntax as Taskodex comments): the user must be an active member of the tenant who may read ' +
  'activities and can see every linked record, and gets a notification linking to the first record. ' +
  'The mentions are read from the body, so text and notifications never disagree; names in tokens are ' +
  "shown as the users' current names.";

export const ActivityLink = z.strictObject({
  recordType: RecordObjectSchema,
  recordId: z.uuid(),
});
export type ActivityLink = z.infer<typeof ActivityLink>;

export const Activity = z.object({
  id: z.uuid(),
  type: ActivityType,
  subject: z.string().nullable(),
  body: z.string().nullable(),
  occurredAt: z.iso.datetime().meta({ description: "When it happened (or will); a task's due time." }),
  durationMinutes: z.number().int().nullable(),
  outcome: z.string().nullable(),
  done: z.boolean(),
  assigneeId: z.uuid().nullable(),
  mentionedUserIds: z.array(z.uuid()),
  mentions: z.array(z.object({ userId: z.uuid(), name: z.string() })).meta({
    description: "Who the body mentions, with each person's current name.",
  }),
  links: z.array(ActivityLink),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Activity = z.infer<typeof Activity>;

const Subject = displayText().trim().max(300);
const Body = z.string().max(20_000).meta({ description: MENTION_HELP });
const Outcome = displayText().trim().max(40).meta({
  description: "Free text such as a call's `connected` / `no_answer` or an email's `sent` / `received`.",
});
const Duration = z.number().int().min(0).max(1440).meta({ description: 'Minutes, 0–1440.' });
const Links = z
  .array(ActivityLink)
  .min(1, 'Link the activity to at least one record.')
  .max(MAX_LINKS, `Link at most ${MAX_LINKS} records.`)
  .meta({
    description:
      'The records the activity is about (1–10). Each must be visible to you; a merged-away id is linked to its survivor.',
  });

export const CreateActivityBody = z.strictObject({
  type: ActivityType,
  subject: Subject.optional(),
  body: Body.optional(),
  occurredAt: z.iso.datetime({ offset: true }).max(40).optional().meta({ description: 'Defaults to now.' }),
  durationMinutes: Duration.optional(),
  outcome: Outcome.optional(),
  done: z.boolean().optional().meta({ description: 'Tasks only: whether it is done (default false).' }),
  assigneeId: z.uuid().optional().meta({ description: 'Who should do it (tasks); an active member.' }),
  links: Links,
});
export type CreateActivityInput = z.output<typeof CreateActivityBody>;

export const UpdateActivityBody = z
  .strictObject({
    version: VersionField,
    subject: Subject.nullable().optional(),
    body: Body.nullable().optional(),
    occurredAt: z.iso.datetime({ offset: true }).max(40).optional(),
    durationMinutes: Duration.nullable().optional(),
    outcome: Outcome.nullable().optional(),
    done: z.boolean().optional(),
    assigneeId: z.uuid().nullable().optional(),
    links: Links.optional().meta({ description: 'Replaces the links as a whole.' }),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), 'Send at least one field to change.');
export type UpdateActivityInput = z.output<typeof UpdateActivityBody>;

export const ActivityParams = z.strictObject({ activityId: z.uuid() });

export const ListActivitiesQuery = z
  .strictObject({
    ...paginationQuery,
    recordType: RecordObjectSchema.optional().meta({
      description: 'With `recordId`: activities of that record.',
    }),
    recordId: z.uuid().optional(),
    type: ActivityType.optional(),
    assigneeId: userFilter('Activities assigned to this user, or `me`.'),
    done: z.stringbool().optional().meta({ maxLength: 8 }),
    from: z.iso
      .datetime({ offset: true })
      .max(40)
      .optional()
      .meta({ description: "occurredAt (a task's due time) at or after this instant." }),
    to: z.iso
      .datetime({ offset: true })
      .max(40)
      .optional()
      .meta({ description: 'occurredAt before this instant.' }),
  })
  .superRefine((query, context) => {
    if ((query.recordType === undefined) !== (query.recordId === undefined))
      context.addIssue({
        code: 'custom',
        path: [query.recordType === undefined ? 'recordType' : 'recordId'],
        message: 'Send recordType and recordId together.',
      });
    if (query.from && query.to && Date.parse(query.from) >= Date.parse(query.to))
      context.addIssue({ code: 'custom', path: ['to'], message: '`to` must be after `from`.' });
  });
export type ListActivitiesQuery = z.output<typeof ListActivitiesQuery>;

/* ---------- the timeline ---------- */

export const TIMELINE_TYPES = [...ACTIVITY_TYPES, 'change', 'stage'] as const;
export type TimelineType = (typeof TIMELINE_TYPES)[number];

export const TimelineParams = z.strictObject({ recordType: RecordObjectSchema, recordId: z.uuid() });

export const TimelineQuery = z.strictObject({
  ...paginationQuery,
  types: z
    .string()
    .max(200)
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const parts = [...new Set(value.split(',').map((part) => part.trim()))].filter(Boolean);
      const unknown = parts.filter((part) => !(TIMELINE_TYPES as readonly string[]).includes(part));
      if (unknown.length > 0 || parts.length === 0) {
        context.addIssue({
          code: 'custom',
          message: `Types are a comma-separated list of: ${TIMELINE_TYPES.join(', ')}.`,
        });
        return z.NEVER;
      }
      return parts as TimelineType[];
    })
    .meta({
      description: `Only these entries, comma-separated: ${TIMELINE_TYPES.join(', ')} (activity types, \`change\` for field history, \`stage\` for stage moves).`,
    }),
});
export type TimelineQuery = z.output<typeof TimelineQuery>;

const FieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });

export const TimelineEntry = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('activity'),
    id: z.uuid(),
    at: z.iso.datetime(),
    activity: Activity,
  }),
  z.object({
    kind: z.literal('change'),
    id: z.uuid(),
    at: z.iso.datetime(),
    change: z.object({
      kind: z.enum(['created', 'updated', 'merged', 'converted']),
      changes: z.array(FieldChange),
      changedBy: z.uuid().nullable(),
    }),
  }),
  z.object({
    kind: z.literal('stage'),
    id: z.uuid(),
    at: z.iso.datetime(),
    stage: z.object({
      fromStageId: z.uuid().nullable(),
      fromStageName: z.string().nullable(),
      toStageId: z.uuid(),
      toStageName: z.string().nullable(),
      secondsInFromStage: z.number().int().nullable(),
      changedBy: z.uuid().nullable(),
    }),
  }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Timeline = z.object({
  recordType: RecordObjectSchema,
  recordId: z
    .uuid()
    .meta({ description: 'The record shown: the survivor when the path named a merged-away id.' }),
  items: z.array(TimelineEntry),
  nextCursor: z.string().nullable(),
});
