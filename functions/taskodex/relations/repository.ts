import type { Tx } from '@halooid/shared/db/transaction';
import type { RelationType, StoredRelationType } from './schemas';

/**
 * SQL for task relations. A relation is one row in its canonical direction
 * (`task_id` blocks / duplicates / relates_to `related_task_id`); a task
 * reads rows on either side, reversing the type when it is the target.
 */
export interface RelationRow {
  id: string;
  task_id: string;
  related_task_id: string;
  type: StoredRelationType;
  created_by: string;
  created_at: Date;
}

const COLUMNS = 'id, task_id, related_task_id, type, created_by, created_at';

/** "B blocked_by A" is stored as "A blocks B". */
export function canonical(
  taskId: string,
  type: RelationType,
  otherId: string,
): { from: string; to: string; type: StoredRelationType } {
  switch (type) {
    case 'blocked_by':
      return { from: otherId, to: taskId, type: 'blocks' };
    case 'duplicated_by':
      return { from: otherId, to: taskId, type: 'duplicates' };
    default:
      return { from: taskId, to: otherId, type };
  }
}

/** Inserts unless the pair already holds a relation of that kind (either direction); undefined then. */
export async function insertRelation(
  tx: Tx,
  row: {
    tenantId: string;
    id: string;
    from: string;
    to: string;
    type: StoredRelationType;
    createdBy: string;
  },
): Promise<RelationRow | undefined> {
  const { rows } = await tx.query<RelationRow>(
    `insert into taskodex.task_relations (tenant_id, id, task_id, related_task_id, type, created_by)
     values ($1, $2, $3, $4, $5, $6)
     on conflict do nothing
     returning ${COLUMNS}`,
    [row.tenantId, row.id, row.from, row.to, row.type, row.createdBy],
  );
  return rows[0];
}

/** Relations touching a task whose other end is a live task. */
export async function relationsOf(tx: Tx, tenantId: string, taskId: string): Promise<RelationRow[]> {
  const { rows } = await tx.query<RelationRow>(
    `select r.id, r.task_id, r.related_task_id, r.type, r.created_by, r.created_at
       from taskodex.task_relations r
       join taskodex.tasks t
         on t.tenant_id = r.tenant_id
        and t.id = case when r.task_id = $2 then r.related_task_id else r.task_id end
        and t.deleted_at is null
      where r.tenant_id = $1 and (r.task_id = $2 or r.related_task_id = $2)
      order by r.created_at, r.id`,
    [tenantId, taskId],
  );
  return rows;
}

export async function findRelation(
  tx: Tx,
  tenantId: string,
  taskId: string,
  id: string,
): Promise<RelationRow | undefined> {
  const { rows } = await tx.query<RelationRow>(
    `select ${COLUMNS} from taskodex.task_relations
      where tenant_id = $1 and id = $3 and (task_id = $2 or related_task_id = $2)`,
    [tenantId, taskId, id],
  );
  return rows[0];
}

export async function deleteRelation(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query('delete from taskodex.task_relations where tenant_id = $1 and id = $2', [tenantId, id]);
}
