import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';

const MENTION_HELP =
  'Markdown, 1–10,000 characters. Mention someone with a token `@[Display name](userId)`: ' +
  'the user must be a member of the tenant who can see the task, and gets a notification ' +
  '(not when you mention yourself). The mentions are read from the body, so text and ' +
  'notifications never disagree; on an edit only newly added mentions notify.';

const CommentBody = z
  .string()
  .max(10_000, 'A comment has at most 10,000 characters.')
  .refine((text) => text.trim().length > 0, 'A comment cannot be empty.')
  .meta({ description: MENTION_HELP });

export const Comment = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  authorId: z.uuid(),
  body: z.string().nullable().meta({ description: 'Null once the comment is deleted.' }),
  deleted: z
    .boolean()
    .meta({ description: 'A deleted comment keeps its place in the thread, without text.' }),
  mentionedUserIds: z.array(z.uuid()),
  mentions: z.array(z.strictObject({ userId: z.uuid(), name: z.string() })).meta({
    description:
      "Who the comment mentions, with each person's current name; the body's tokens carry the same names.",
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
  deletedAt: z.iso.datetime().nullable(),
});
export type Comment = z.infer<typeof Comment>;

export const TaskCommentsParams = z.strictObject({ taskId: z.uuid() });
export const CommentParams = z.strictObject({ taskId: z.uuid(), commentId: z.uuid() });

export const CreateCommentBody = z.strictObject({ body: CommentBody });
export const UpdateCommentBody = z.strictObject({ body: CommentBody });

export const ListCommentsQuery = z.strictObject({ ...paginationQuery });
export type ListCommentsQuery = z.output<typeof ListCommentsQuery>;
