import { permits } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '@halooid/shared/errors';
import type { EventRecorder } from '@halooid/shared/events/outbox';
import { grantsInTenant } from '@halooid/shared/tenancy';
import { taskodexEvents } from '../events';
import { canSeeProject, findVisibleTask } from '../projects/access';
import { recordActivity } from '../tasks/activity';
import type { Task } from '../tasks/schemas';
import { MAX_MENTIONS, mentionedUserIds } from './mentions';
import { findComment, insertComment, listComments, softDeleteComment, updateCommentBody } from './repository';
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

export async function findComments(taskId: string, query: ListCommentsQuery, deps: CommentDeps) {
  await visibleTask(taskId, deps);
  return listComments(deps.tx, deps.principal.tenantId, taskId, query);
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
    excerpt: excerptOf(body),
    mentionedUserIds: mentions,
  });
  await commentActivity(taskId, comment.id, 'added', deps);
  return comment;
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
    excerpt: excerptOf(body),
    mentionedUserIds: added,
  });
  await commentActivity(taskId, commentId, 'edited', deps);
  return updated;
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

/** What a notification or webhook shows of a comment: the first line or so, mention tokens as names. */
function excerptOf(body: string): string {
  const plain = body
    .replace(/@\[([^\]\n]{1,200})\]\([0-9a-fA-F-]{36}\)/g, '@$1')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 200 ? `${plain.slice(0, 199)}…` : plain;
}
