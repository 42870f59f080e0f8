import { createHttpHandler } from '@halooid/shared/http/adapter';
import { addComment, editComment, findComments, removeComment } from './comment-use-cases';
import { commentsService } from './service';

export const handler = createHttpHandler(commentsService, {
  listTaskComments: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) => findComments(params.taskId, query, deps)),
  }),
  addTaskComment: async ({ params, body, inTenant }) => {
    const comment = await inTenant((deps) => addComment(params.taskId, body.body, deps));
    return {
      body: comment,
      headers: { Location: `/v1/taskodex/tasks/${params.taskId}/comments/${comment.id}` },
    };
  },
  updateTaskComment: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => editComment(params.taskId, params.commentId, body.body, deps)),
  }),
  deleteTaskComment: async ({ params, inTenant }) => {
    await inTenant((deps) => removeComment(params.taskId, params.commentId, deps));
    return { body: undefined };
  },
});
