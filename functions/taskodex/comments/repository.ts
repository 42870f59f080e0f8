import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { Comment, ListCommentsQuery } from './schemas';

/** SQL for task comments; every statement filters by tenant_id (RLS is the backstop). */
interface CommentRow {
  id: string;
  task_id: string;
  author_id: string;
  body: string;
  mentioned_user_ids: string[];
  created_at: Date;
  updated_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
}

const COLUMNS = `id, task_id, author_id, body, mentioned_user_ids, created_at, updated_at, edited_at, deleted_at`;

/** A thread reads oldest first; the id breaks ties. */
const COMMENT_SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

/** A comment as stored: mention tokens still carry the names typed into them (see presented()). */
export type StoredComment = Omit<Comment, 'mentions'>;

export function toComment(row: CommentRow): StoredComment {
  const deleted = row.deleted_at !== null;
  return {
    id: row.id,
    taskId: row.task_id,
    authorId: row.author_id,
    body: deleted ? null : row.body,
    deleted,
    mentionedUserIds: deleted ? [] : row.mentioned_user_ids,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
  };
}

export async function insertComment(
  tx: Tx,
  comment: {
    tenantId: string;
    id: string;
    taskId: string;
    authorId: string;
    body: string;
    mentionedUserIds: string[];
  },
): Promise<StoredComment> {
  const { rows } = await tx.query<CommentRow>(
    `insert into taskodex.task_comments (tenant_id, id, task_id, author_id, body, mentioned_user_ids)
     values ($1, $2, $3, $4, $5, $6::uuid[])
     returning ${COLUMNS}`,
    [comment.tenantId, comment.id, comment.taskId, comment.authorId, comment.body, comment.mentionedUserIds],
  );
  return toComment(rows[0] as CommentRow);
}

/** A comment of a task, deleted or not; `forUpdate` locks it for an edit. */
export async function findComment(
  tx: Tx,
  tenantId: string,
  taskId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredComment | undefined> {
  const { rows } = await tx.query<CommentRow>(
    `select ${COLUMNS} from taskodex.task_comments
      where tenant_id = $1 and task_id = $2 and id = $3${options.forUpdate ? ' for update' : ''}`,
    [tenantId, taskId, id],
  );
  return rows[0] ? toComment(rows[0]) : undefined;
}

export async function listComments(tx: Tx, tenantId: string, taskId: string, query: ListCommentsQuery) {
  const terms = parseSort(undefined, COMMENT_SORTS, 'createdAt');
  return selectPage(tx, filterOf([tenantId, taskId], ['tenant_id = $1', 'task_id = $2']), {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from taskodex.task_comments`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: CommentRow & Record<string, unknown>) => toComment(row),
  });
}

export async function updateCommentBody(
  tx: Tx,
  tenantId: string,
  id: string,
  body: string,
  mentionedUserIds: string[],
): Promise<StoredComment> {
  const { rows } = await tx.query<CommentRow>(
    `update taskodex.task_comments
        set body = $3, mentioned_user_ids = $4::uuid[], edited_at = now(), updated_at = now()
      where tenant_id = $1 and id = $2 and deleted_at is null
      returning ${COLUMNS}`,
    [tenantId, id, body, mentionedUserIds],
  );
  return toComment(rows[0] as CommentRow);
}

export async function softDeleteComment(
  tx: Tx,
  tenantId: string,
  id: string,
  deletedBy: string,
): Promise<void> {
  await tx.query(
    `update taskodex.task_comments set deleted_at = now(), deleted_by = $3, updated_at = now()
      where tenant_id = $1 and id = $2 and deleted_at is null`,
    [tenantId, id, deletedBy],
  );
}
