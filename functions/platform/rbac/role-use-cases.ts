import { type AuditActor, bumpRbacVersion, recordAudit } from '@halooid/shared/audit';
import { effectivePermissions } from '@halooid/shared/auth/permissions';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ConflictError, NotFoundError, ValidationError } from '@halooid/shared/errors';
import { assertCanGrant } from '../../role-guards';
import { roleGrants } from '../../system-roles';
import {
  deleteRoleRow,
  findRoleRows,
  insertRole,
  listRoleRows,
  type RoleRow,
  roleKeyTaken,
  updateRoleRow,
} from '../domain/roles-repository';
import type { CreateRoleInput, Role, UpdateRoleInput } from './schemas';

export interface RoleDeps {
  tx: Tx;
  principal: Principal;
  actor: AuditActor;
  catalog: readonly string[];
  newId: () => string;
}

function toRole(row: RoleRow, catalog: readonly string[]): Role {
  const grants = [...roleGrants(row)];
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    system: row.system,
    grants,
    permissions: effectivePermissions(grants, catalog),
    memberCount: row.member_count,
  };
}

export async function listRoles(deps: RoleDeps): Promise<Role[]> {
  return (await listRoleRows(deps.tx)).map((row) => toRole(row, deps.catalog));
}

function assertKnown(permissions: readonly string[], catalog: readonly string[]): void {
  const unknown = permissions.filter((permission) => !catalog.includes(permission));
  if (unknown.length > 0) {
    throw new ValidationError(`Unknown permissions: ${unknown.join(', ')}.`, [
      {
        field: 'body.permissions',
        message: `Not in the catalog: ${unknown.join(', ')}.`,
        code: 'unknown_permission',
      },
    ]);
  }
}

/** `Sales lead (EU)` → `sales-lead-eu`, unique within the tenant. */
async function keyFor(tx: Tx, name: string): Promise<string> {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'role';
  const start = /^[a-z]/.test(base) ? base : `role-${base}`;
  for (let suffix = 1; ; suffix++) {
    const key = suffix === 1 ? start : `${start}-${suffix}`;
    if (!(await roleKeyTaken(tx, key))) return key;
  }
}

async function loadCustomRole(tx: Tx, roleId: string): Promise<RoleRow> {
  const [row] = await findRoleRows(tx, [roleId]);
  if (!row) throw new NotFoundError('Role');
  if (row.system)
    throw new BusinessRuleError(
      'system_role_read_only',
      `${row.name} is a system role and cannot be changed.`,
    );
  return row;
}

export async function createRole(input: CreateRoleInput, deps: RoleDeps): Promise<Role> {
  assertKnown(input.permissions, deps.catalog);
  assertCanGrant(deps.principal.grants, input.permissions, 'create this role');
  const id = deps.newId();
  const key = await keyFor(deps.tx, input.name);
  await insertRole(deps.tx, {
    id,
    key,
    name: input.name,
    description: input.description,
    grants: input.permissions,
  });
  await recordAudit(deps.tx, deps.actor, {
    action: 'role.created',
    targetType: 'role',
    targetId: id,
    details: { name: input.name, permissions: input.permissions },
  });
  const [row] = await findRoleRows(deps.tx, [id]);
  if (!row) throw new ConflictError('The role disappeared while it was created.');
  return toRole(row, deps.catalog);
}

export async function updateRole(roleId: string, input: UpdateRoleInput, deps: RoleDeps): Promise<Role> {
  const before = await loadCustomRole(deps.tx, roleId);
  if (input.permissions) {
    assertKnown(input.permissions, deps.catalog);
    assertCanGrant(deps.principal.grants, input.permissions, 'give the role these permissions');
    // Taking permissions away from a role is handing out less; it still needs reach over what it had.
    assertCanGrant(deps.principal.grants, before.grants, `change the role ${before.name}`);
  }
  await updateRoleRow(deps.tx, roleId, { ...input, grants: input.permissions });
  if (input.permissions) await bumpRbacVersion(deps.tx);
  await recordAudit(deps.tx, deps.actor, {
    action: 'role.updated',
    targetType: 'role',
    targetId: roleId,
    details: { before: { name: before.name, permissions: before.grants }, after: input },
  });
  const [row] = await findRoleRows(deps.tx, [roleId]);
  if (!row) throw new NotFoundError('Role');
  return toRole(row, deps.catalog);
}

export async function deleteRole(roleId: string, deps: RoleDeps): Promise<void> {
  const before = await loadCustomRole(deps.tx, roleId);
  assertCanGrant(deps.principal.grants, before.grants, `delete the role ${before.name}`);
  await deleteRoleRow(deps.tx, roleId);
  await bumpRbacVersion(deps.tx);
  await recordAudit(deps.tx, deps.actor, {
    action: 'role.deleted',
    targetType: 'role',
    targetId: roleId,
    details: { name: before.name, permissions: before.grants, members: before.member_count },
  });
}
