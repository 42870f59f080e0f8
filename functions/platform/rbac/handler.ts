import { createHttpHandler } from '@halooid/shared/http/adapter';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { INDEXED_SERVICES } from '../../registry-names';
import { permissionCatalog } from '../domain/permission-catalog';
import { createRole, deleteRole, listRoles, type RoleDeps, updateRole } from './role-use-cases';
import { rbacService } from './service';

const catalogEntries = permissionCatalog(INDEXED_SERVICES);
const catalog = catalogEntries.map((entry) => entry.name);

/** A request's dependencies plus the permission catalog roles are checked against. */
const withCatalog = (deps: RequestDeps): RoleDeps => ({ ...deps, catalog });

export const handler = createHttpHandler(rbacService, {
  listPermissions: async () => ({ body: { items: catalogEntries } }),
  listRoles: async ({ inTenant }) => ({
    body: { items: await inTenant((deps) => listRoles(withCatalog(deps))) },
  }),
  createRole: async ({ body, inTenant }) => ({
    body: await inTenant((deps) => createRole(body, withCatalog(deps))),
  }),
  updateRole: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => updateRole(params.roleId, body, withCatalog(deps))),
  }),
  deleteRole: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteRole(params.roleId, withCatalog(deps)));
    return { body: undefined };
  },
});
