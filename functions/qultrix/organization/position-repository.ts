import type { Tx } from '@halooid/shared/db/transaction';
import { asConflict } from './checks';
import type { Position } from './schemas';

/** SQL for qultrix.positions; every statement filters by tenant_id (RLS is the backstop). */
interface PositionRow {
  id: string;
  title: string;
  department_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export type PositionFields = Pick<Position, 'title' | 'departmentId'>;

const COLUMNS = 'id, title, department_id, version, created_at, updated_at';

function toPosition(row: PositionRow): Position {
  return {
    id: row.id,
    title: row.title,
    departmentId: row.department_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Every position of the tenant by title (a tenant has tens to hundreds: one list, no pages). */
export async function selectPositions(tx: Tx, tenantId: string): Promise<Position[]> {
  const { rows } = await tx.query<PositionRow>(
    `select ${COLUMNS} from qultrix.positions where tenant_id = $1 order by lower(title), id`,
    [tenantId],
  );
  return rows.map(toPosition);
}

export async function selectPosition(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Position | undefined> {
  const { rows } = await tx.query<PositionRow>(
    `select ${COLUMNS} from qultrix.positions where tenant_id = $1 and id = $2${options.forUpdate ? ' for no key update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toPosition(rows[0]) : undefined;
}

export async function insertPosition(tx: Tx, tenantId: string, id: string, fields: PositionFields) {
  try {
    const { rows } = await tx.query<PositionRow>(
      `insert into qultrix.positions (tenant_id, id, title, department_id) values ($1, $2, $3, $4)
       returning ${COLUMNS}`,
      [tenantId, id, fields.title, fields.departmentId],
    );
    return toPosition(rows[0] as PositionRow);
  } catch (error) {
    asConflict(error, 'position');
  }
}

export async function updatePosition(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  fields: PositionFields,
): Promise<Position | undefined> {
  try {
    const { rows } = await tx.query<PositionRow>(
      `update qultrix.positions set title = $4, department_id = $5, version = version + 1, updated_at = now()
        where tenant_id = $1 and id = $2 and version = $3
        returning ${COLUMNS}`,
      [tenantId, id, version, fields.title, fields.departmentId],
    );
    return rows[0] ? toPosition(rows[0]) : undefined;
  } catch (error) {
    asConflict(error, 'position');
  }
}

/** How many employees (any status) hold the position. */
export async function positionHolders(tx: Tx, tenantId: string, id: string): Promise<number> {
  const { rows } = await tx.query<{ count: number }>(
    'select count(*)::int as count from qultrix.employees where tenant_id = $1 and position_id = $2',
    [tenantId, id],
  );
  return rows[0]?.count ?? 0;
}

export async function deletePosition(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  try {
    const { rowCount } = await tx.query('delete from qultrix.positions where tenant_id = $1 and id = $2', [
      tenantId,
      id,
    ]);
    return (rowCount ?? 0) > 0;
  } catch (error) {
    asConflict(error, 'position');
  }
}
