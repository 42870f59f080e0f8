import type { Tx } from '@halooid/shared/db/transaction';

export interface RoleRow {
  id: string;
  key: string;
  name: string;
  description: string;
  system: boolean;
  grants: string[];
  member_count: number;
}

const SELECT = `select r.id, r.key, r.name, r.description, r.system, r.grants,
    (select count(*)::int from platform.member_roles mr where mr.tenant_id = r.tenant_id and mr.role_id = r.id) as member_count
  from platform.roles r`;

export async function listRoleRows(tx: Tx): Promise<RoleRow[]> {
  const { rows } = await tx.query<RoleRow>(
    `${SELECT} where r.tenant_id = platform.current_tenant_id() order by r.system desc, r.name, r.id`,
  );
  return rows;
}

export async function findRoleRows(tx: Tx, ids: readonly string[]): Promise<RoleRow[]> {
  const { rows } = await tx.query<RoleRow>(
    `${SELECT} where r.tenant_id = platform.current_tenant_id() and r.id = any($1::uuid[])`,
    [ids],
  );
  return rows;
}

export async function insertRole(
  tx: Tx,
  role: { id: string; key: string; name: string; description: string; grants: string[] },
): Promise<void> {
  await tx.query(
    `insert into platform.roles (tenant_id, id, key, name, description, system, grants)
     values (platform.current_tenant_id(), $1, $2, $3, $4, false, $5)`,
    [role.id, role.key, role.name, role.description, role.grants],
  );
}

export async function updateRoleRow(
  tx: Tx,
  id: string,
  changes: { name?: string; description?: string; grants?: string[] },
): Promise<void> {
  await tx.query(
    `update platform.roles
        set name = coalesce($2, name), description = coalesce($3, description), grants = coalesce($4, grants),
            updated_at = now()
      where tenant_id = platform.current_tenant_id() and id = $1`,
    [id, changes.name ?? null, changes.description ?? null, changes.grants ?? null],
  );
}

export async function deleteRoleRow(tx: Tx, id: string): Promise<void> {
  await tx.query('delete from platform.roles where tenant_id = platform.current_tenant_id() and id = $1', [
    id,
  ]);
}

export async function roleKeyTaken(tx: Tx, key: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    'select 1 from platform.roles where tenant_id = platform.current_tenant_id() and key = $1',
    [key],
  );
  return (rowCount ?? 0) > 0;
}
