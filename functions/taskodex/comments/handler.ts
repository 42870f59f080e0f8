import { createHttpHandler } from '@halooid/shared/http/adapter';
import { inTenant } from '../common/in-tenant';
import { addComment, editComment, findComments, removeComment } from './comment-use-cases';
import { commentsService } from './service';

export const handler = createHttpHandler(commentsService, {
  listTaskComments: async ({ params, query, principal }) => ({
    body: await inTenant(principal, (deps) => findComments(params.taskId, query, deps)),
  }),
  addTaskComment: async ({ params, body, principal }) => {
    const comment = await inTenant(principal, (deps) => addComment(params.taskId, body.body, deps));
    return {
      body: comment,
      headers: { Location: `/v1/taskodex/tasks/${params.taskId}/comments/${comment.id}` },
    };
  },
  updateTaskComment: async ({ params, body, principal }) => ({
    body: await inTenant(principal, (deps) => editComment(params.taskId, params.commentId, body.body, deps)),
  }),
  deleteTaskComment: async ({ params, principal }) => {
    await inTenant(principal, (deps) => removeComment(params.taskId, params.commentId, deps));
    return { body: undefined };
  },
});
