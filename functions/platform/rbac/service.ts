import { defineRoute, defineService } from '@halooid/shared/manifest';
import { CreateRoleBody, PermissionList, Role, RoleList, RoleParams, UpdateRoleBody } from './schemas';

export const rbacService = defineService({
  product: 'platform',
  capability: 'rbac',
  description: 'The permission catalog and the roles of a tenant.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [
    { name: 'platform:role:read', description: 'See roles and the permission catalog.' },
    { name: 'platform:role:write', description: 'Create, change and delete custom roles.' },
  ],
  routes: [
    defineRoute({
      operationId: 'listPermissions',
      method: 'GET',
      path: '/v1/rbac/permissions',
      permission: 'platform:role:read',
      summary: 'The permission catalog',
      description: 'Every permission of every capability, from the manifests, grouped by product.',
      response: PermissionList,
    }),
    defineRoute({
      operationId: 'listRoles',
      method: 'GET',
      path: '/v1/rbac/roles',
      permission: 'platform:role:read',
      summary: 'Roles of the tenant, system and custom',
      response: RoleList,
    }),
    defineRoute({
      operationId: 'createRole',
      method: 'POST',
      path: '/v1/rbac/roles',
      permission: 'platform:role:write',
      summary: 'Create a custom role',
      description: 'You can only grant permissions you hold yourself.',
      body: CreateRoleBody,
      status: 201,
      response: Role,
    }),
    defineRoute({
      operationId: 'updateRole',
      method: 'PATCH',
      path: '/v1/rbac/roles/{roleId}',
      permission: 'platform:role:write',
      summary: 'Change a custom role',
      params: RoleParams,
      body: UpdateRoleBody,
      response: Role,
    }),
    defineRoute({
      operationId: 'deleteRole',
      method: 'DELETE',
      path: '/v1/rbac/roles/{roleId}',
      permission: 'platform:role:write',
      summary: 'Delete a custom role',
      description: 'Members holding it lose it.',
      params: RoleParams,
      status: 204,
    }),
  ],
});
