import { getCognitoClient } from '@halooid/shared/auth/cognito-client';
import type { Principal } from '@halooid/shared/auth/principal';
import { getConfig, requireKeys } from '@halooid/shared/config';
import { type Tx, withTenantTransaction } from '@halooid/shared/db/transaction';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { INDEXED_SERVICES } from '../../registry-names';
import { permissionCatalog } from '../rbac/permission-catalog';
import { findMembers, inviteMember, removeMember, setMemberRoles, setMemberStatus } from './member-use-cases';
import { tenantsService } from './service';
import { changeTenant, getCurrentTenant, getMe } from './tenant-use-cases';

const config = requireKeys(getConfig(), ['COGNITO_USER_POOL_ID']);
const catalog = permissionCatalog(INDEXED_SERVICES).map((entry) => entry.name);

interface Caller {
  principal: Principal;
  sourceIp: string;
  correlationId: string;
}

const actorOf = (request: Caller) => ({
  principal: request.principal,
  ip: request.sourceIp,
  correlationId: request.correlationId,
});

function inTenant<T>(request: Caller, work: (tx: Tx) => Promise<T>): Promise<T> {
  const { tenantId, principalId } = request.principal;
  return withTenantTransaction({ tenantId: tenantId || undefined, userId: principalId }, work);
}

export const handler = createHttpHandler(tenantsService, {
  getMe: async (request) => ({
    body: await inTenant(request, (tx) => getMe({ tx, principal: request.principal, catalog })),
  }),
  getCurrentTenant: async (request) => ({ body: await inTenant(request, getCurrentTenant) }),
  updateCurrentTenant: async (request) => ({
    body: await inTenant(request, (tx) =>
      changeTenant(request.body, { tx, principal: request.principal, actor: actorOf(request) }),
    ),
  }),
  listMembers: async (request) => ({
    body: await inTenant(request, (tx) => findMembers(request.query.limit, request.query.cursor, tx)),
  }),
  inviteMember: async (request) => ({
    body: await inviteMember(request.body, {
      // Created on the first invitation: only this route needs the Cognito SDK (cold start).
      cognito: getCognitoClient(),
      userPoolId: config.COGNITO_USER_POOL_ID,
      transaction: withTenantTransaction,
      principal: request.principal,
      actor: actorOf(request),
    }),
  }),
  setMemberRoles: async (request) => ({
    body: await inTenant(request, (tx) =>
      setMemberRoles(request.params.userId, request.body.roleIds, {
        tx,
        principal: request.principal,
        actor: actorOf(request),
      }),
    ),
  }),
  setMemberStatus: async (request) => ({
    body: await inTenant(request, (tx) =>
      setMemberStatus(request.params.userId, request.body.status, {
        tx,
        principal: request.principal,
        actor: actorOf(request),
      }),
    ),
  }),
  removeMember: async (request) => {
    await inTenant(request, (tx) =>
      removeMember(request.params.userId, { tx, principal: request.principal, actor: actorOf(request) }),
    );
    return { body: undefined };
  },
});
