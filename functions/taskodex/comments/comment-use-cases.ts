import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import type { EventRecorder } from '@halooid/shared/events/outbox';
import { grantsInTenant } from '../../system-roles';
import { canSeeProject, findVisibleTask } from '../domain/project-access';
import { recordActivity } from '../domain/task-activity';
import type { Task } from '../domain/task-schemas';
import { taskodexEvents } from '../events';
import { currentNames } from './mention-names';
import { FORMER_MEMBER, MAX_MENTIONS, mentionedUserIds, plainMentions, withCurrentNames } from './mentions';
import {
  findComment,
  insertComment,
  listComments,
  type StoredComment,
  softDeleteComment,
  updateCommentBody,
} from './repository';
import type { Comment, ListCommentsQuery } from './schemas';

export interface CommentDeps {
  tx: Tx;
  principal: Principal;
  newId: () => string;
  events: EventRecorder;
}

/** Every comment route starts here: a task the caller cannot see is a 404, whatever the comment. */
async function visibleTask(taskId: string, deps: CommentDeps, forUpdate = false): Promise<Task> {
  const task = await findVisibleTask(deps.tx, deps.principal, taskId, { forUpdate });
  if (!task) throw new NotFoundError('Task');
  return task;
}

/** Could this user open the task? Active member, may read tasks, and sees the task's project. */
async function userCanSeeTask(tx: Tx, task: Task, tenantId: string, userId: string): Promise<boolean> {
  const grants = await grantsInTenant(tx, userId);
  if (!grants || !permits(grants, 'taskodex:task:read')) return false;
  if (!task.projectId) return true;
  return canSeeProject(tx, { tenantId, principalId: userId, principalType: 'user', grants }, task.projectId);
}

/** Mentions must name people who can follow the link: tenant members who can see the task. */
async function checkedMentions(text: string, task: Task, deps: CommentDeps): Promise<string[]> {
  const ids = mentionedUserIds(text);
  if (ids.length > MAX_MENTIONS)
    throw new BusinessRuleError(
      'too_many_mentions',
      `Mention at most ${MAX_MENTIONS} people in one comment.`,
      [{ field: 'body.body', message: `At most ${MAX_MENTIONS} mentions.`, code: 'too_many_mentions' }],
    );
  const refused: string[] = [];
  for (const id of ids)
    if (!(await userCanSeeTask(deps.tx, task, deps.principal.tenantId, id))) refused.push(id);
  if (refused.length > 0)
    throw new BusinessRuleError(
      'mention_not_allowed',
      `You can only mention members of this tenant who can see the task: ${refused.join(', ')}.`,
      refused.map((id) => ({
        field: 'body.body',
        message: `User ${id} is not a member who can see this task.`,
        code: 'mention_not_allowed',
      })),
    );
  return ids;
}

/**
 * Comments as the API shows them: every mention token carries the mentioned
 * user's current name (not the one typed into the body), and `mentions`
 * lists them. One query for the whole page.
 */
async function presented(comments: readonly StoredComment[], tx: Tx): Promise<Comment[]> {
  const names = await currentNames(
    tx,
    comments.flatMap((comment) => comment.mentionedUserIds),
  );
  return comments.map((comment) => ({
    ...comment,
    body: comment.body === null ? null : withCurrentNames(comment.body, names),
    mentions: comment.mentionedUserIds.map((userId) => ({
      userId,
      name: names.get(userId) ?? FORMER_MEMBER,
    })),
  }));
}

export async function findComments(taskId: string, query: ListCommentsQuery, deps: CommentDeps) {
  await visibleTask(taskId, deps);
  const page = await listComments(deps.tx, deps.principal.tenantId, taskId, query);
  return { ...page, items: await presented(page.items, deps.tx) };
}

export async function addComment(taskId: string, body: string, deps: CommentDeps): Promise<Comment> {
  const task = await visibleTask(taskId, deps);
  const mentions = await checkedMentions(body, task, deps);
  const comment = await insertComment(deps.tx, {
    tenantId: deps.principal.tenantId,
    id: deps.newId(),
    taskId,
    authorId: deps.principal.principalId,
    body,
    mentionedUserIds: mentions,
  });
  await deps.events.record(taskodexEvents, 'task.comment_added', {
    taskId,
    title: task.title,
    commentId: comment.id,
    authorId: comment.authorId,
    excerpt: excerptOf(body, await currentNames(deps.tx, mentions)),
    mentionedUserIds: mentions,
  });
  await commentActivity(taskId, comment.id, 'added', deps);
  const [shown] = await presented([comment], deps.tx);
  return shown as Comment;
}

/** The comment of a visible task, or 404; deleted ones are still found (the thread shows them). */
async function existingComment(taskId: string, commentId: string, deps: CommentDeps) {
  const task = await visibleTask(taskId, deps);
  const comment = await findComment(deps.tx, deps.principal.tenantId, taskId, commentId, { forUpdate: true });
  if (!comment) throw new NotFoundError('Comment');
  return { task, comment };
}

export async function editComment(
  taskId: string,
  commentId: string,
  body: string,
  deps: CommentDeps,
): Promise<Comment> {
  const { task, comment } = await existingComment(taskId, commentId, deps);
  if (comment.authorId !== deps.principal.principalId)
    throw new ForbiddenError('Only the author can edit a comment.');
  if (comment.deleted) throw new ConflictError('The comment was deleted.', 'comment_deleted');
  const mentions = await checkedMentions(body, task, deps);
  const updated = await updateCommentBody(deps.tx, deps.principal.tenantId, commentId, body, mentions);
  // Only people newly mentioned by the edit hear about it; the others already did.
  const added = mentions.filter((id) => !comment.mentionedUserIds.includes(id));
  await deps.events.record(taskodexEvents, 'task.comment_updated', {
    taskId,
    title: task.title,
    commentId,
    authorId: comment.authorId,
    excerpt: excerptOf(body, await currentNames(deps.tx, mentions)),
    mentionedUserIds: added,
  });
  await commentActivity(taskId, commentId, 'edited', deps);
  const [shown] = await presented([updated], deps.tx);
  return shown as Comment;
}

/** The author, or anyone who may delete tasks (moderation), soft-deletes a comment. */
export async function removeComment(taskId: string, commentId: string, deps: CommentDeps): Promise<void> {
  const { task, comment } = await existingComment(taskId, commentId, deps);
  if (
    comment.authorId !== deps.principal.principalId &&
    !permits(deps.principal.grants, 'taskodex:task:delete')
  )
    throw new ForbiddenError('Only the author, or someone who may delete tasks, can delete a comment.');
  if (comment.deleted) return; // deleting twice is the same outcome
  await softDeleteComment(deps.tx, deps.principal.tenantId, commentId, deps.principal.principalId);
  await deps.events.record(taskodexEvents, 'task.comment_deleted', {
    taskId,
    title: task.title,
    commentId,
    authorId: comment.authorId,
  });
  await commentActivity(taskId, commentId, 'deleted', deps);
}

/** The task timeline's line for a comment: who added, edited or deleted which one. */
function commentActivity(
  taskId: string,
  commentId: string,
  action: 'added' | 'edited' | 'deleted',
  deps: CommentDeps,
): Promise<void> {
  return recordActivity(deps.tx, {
    tenantId: deps.principal.tenantId,
    taskId,
    actorId: deps.principal.principalId,
    kind: 'comment',
    to: { commentId, action },
  });
}

/**
 * What a notification or webhook shows of a comment: the first line or so,
 * mention tokens as the mentioned users' current names (never the typed ones).
 */
function excerptOf(body: string, names: ReadonlyMap<string, string>): string {
  const plain = plainMentions(body, names).replace(/\s+/g, ' ').trim();
  return plain.length > 200 ? `${plain.slice(0, 199)}…` : plain;
}
