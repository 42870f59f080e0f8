import type { Principal } from '@halooid/shared/auth/principal';
import { actorOf, withTenantEvents } from '@halooid/shared/events/outbox';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { uuidv7 } from '@halooid/shared/ids';
import { addComment, type CommentDeps, editComment, findComments, removeComment } from './comment-use-cases';
import { commentsService } from './service';

/** Runs a use case in the caller's tenant transaction; its events are published after commit. */
function inTenant<T>(principal: Principal, work: (deps: CommentDeps) => Promise<T>): Promise<T> {
  return withTenantEvents(
    { tenantId: principal.tenantId, userId: principal.principalId, actor: actorOf(principal) },
    (tx, events) => work({ tx, principal, newId: uuidv7, events }),
  );
}

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
