import { getCognitoClient } from '@halooid/shared/auth/cognito-client';
import type { Principal } from '@halooid/shared/auth/principal';
import { getConfig, requireKeys } from '@halooid/shared/config';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { INDEXED_SERVICES } from '../../registry-names';
import { permissionCatalog } from '../domain/permission-catalog';
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

export const handler = createHttpHandler(tenantsService, {
  getMe: async ({ inTenant }) => ({
    body: await inTenant(({ tx, principal }) => getMe({ tx, principal, catalog })),
  }),
  getCurrentTenant: async ({ inTenant }) => ({ body: await inTenant(({ tx }) => getCurrentTenant(tx)) }),
  updateCurrentTenant: async ({ body, inTenant }) => ({
    body: await inTenant((deps) => changeTenant(body, deps)),
  }),
  listMembers: async ({ query, inTenant }) => ({
    body: await inTenant(({ tx }) => findMembers(query.limit, query.cursor, tx)),
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
  setMemberRoles: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => setMemberRoles(params.userId, body.roleIds, deps)),
  }),
  setMemberStatus: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => setMemberStatus(params.userId, body.status, deps)),
  }),
  removeMember: async ({ params, inTenant }) => {
    await inTenant((deps) => removeMember(params.userId, deps));
    return { body: undefined };
  },
});
