import type { Principal } from '@halooid/shared/auth/principal';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { uuidv7 } from '@halooid/shared/ids';
import { INDEXED_SERVICES } from '../../registry-names';
import { permissionCatalog } from './permission-catalog';
import { createRole, deleteRole, listRoles, type RoleDeps, updateRole } from './role-use-cases';
import { rbacService } from './service';

const catalogEntries = permissionCatalog(INDEXED_SERVICES);
const catalog = catalogEntries.map((entry) => entry.name);

function inTenant<T>(
  request: { principal: Principal; sourceIp: string; correlationId: string },
  work: (deps: RoleDeps) => Promise<T>,
): Promise<T> {
  const { principal } = request;
  return withTenantTransaction({ tenantId: principal.tenantId, userId: principal.principalId }, (tx) =>
    work({
      tx,
      principal,
      actor: { principal, ip: request.sourceIp, correlationId: request.correlationId },
      catalog,
      newId: uuidv7,
    }),
  );
}

export const handler = createHttpHandler(rbacService, {
  listPermissions: async () => ({ body: { items: catalogEntries } }),
  listRoles: async (request) => ({ body: { items: await inTenant(request, listRoles) } }),
  createRole: async (request) => ({
    body: await inTenant(request, (deps) => createRole(request.body, deps)),
  }),
  updateRole: async (request) => ({
    body: await inTenant(request, (deps) => updateRole(request.params.roleId, request.body, deps)),
  }),
  deleteRole: async (request) => {
    await inTenant(request, (deps) => deleteRole(request.params.roleId, deps));
    return { body: undefined };
  },
});
