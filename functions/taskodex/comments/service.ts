import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  Comment,
  CommentParams,
  CreateCommentBody,
  ListCommentsQuery,
  TaskCommentsParams,
  UpdateCommentBody,
} from './schemas';

export const commentsService = defineService({
  product: 'taskodex',
  capability: 'comments',
  description: 'Comments on tasks, with @mentions that notify.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [{ type: 'task.comment_added' }, { type: 'task.comment_updated' }, { type: 'task.comment_deleted' }],
  // Commenting is working on a task: the task permissions cover it.
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listTaskComments',
      method: 'GET',
      path: '/v1/taskodex/tasks/{taskId}/comments',
      permission: 'taskodex:task:read',
      summary: "List a task's comments",
      description:
        'Oldest first, cursor-paginated. Deleted comments stay in place with `deleted: true` and no body.',
      params: TaskCommentsParams,
      query: ListCommentsQuery,
      response: pageOf(Comment),
    }),
    defineRoute({
      operationId: 'addTaskComment',
      method: 'POST',
      path: '/v1/taskodex/tasks/{taskId}/comments',
      permission: 'taskodex:task:write',
      summary: 'Comment on a task',
      description:
        'Mention people with `@[Display name](userId)` tokens in the body; each mentioned member gets a notification. ' +
        'Mentioning someone who is not a member or cannot see the task is a 422.',
      params: TaskCommentsParams,
      body: CreateCommentBody,
      status: 201,
      response: Comment,
    }),
    defineRoute({
      operationId: 'updateTaskComment',
      method: 'PATCH',
      path: '/v1/taskodex/tasks/{taskId}/comments/{commentId}',
      permission: 'taskodex:task:write',
      summary: 'Edit your comment',
      description: 'Only the author edits (403 for anyone else). Newly added mentions notify.',
      params: CommentParams,
      body: UpdateCommentBody,
      response: Comment,
    }),
    defineRoute({
      operationId: 'deleteTaskComment',
      method: 'DELETE',
      path: '/v1/taskodex/tasks/{taskId}/comments/{commentId}',
      permission: 'taskodex:task:write',
      summary: 'Delete a comment',
      description:
        'The author, or a holder of `taskodex:task:delete`, deletes a comment. It stays in the thread as deleted.',
      params: CommentParams,
      status: 204,
    }),
  ],
});
