import { getCognitoClient } from '@halooid/shared/auth/cognito-client';
import { getConfig, requireKeys } from '@halooid/shared/config';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { uuidv7 } from '@halooid/shared/ids';
import { inviteToTenant } from '@halooid/shared/invitations';
import { assertCanGrantRoles } from '../../role-guards';
import { importUsers } from './import-users';
import { userImportService } from './service';

const config = requireKeys(getConfig(), ['COGNITO_USER_POOL_ID']);

/** Thin: the CSV comes as the text body or as JSON `{csv, dryRun}`; each row is invited through the kernel's path. */
export const handler = createHttpHandler(userImportService, {
  importUsers: async ({ body, query, principal, sourceIp, correlationId, inTenant }) => {
    const csv = typeof body === 'string' ? body : body.csv;
    const dryRun = (typeof body === 'string' ? undefined : body.dryRun) ?? query.dryRun ?? false;
    const actor = { principal, ip: sourceIp, correlationId };
    const scope = {
      tenantId: principal.tenantId,
      ...(principal.principalType === 'user' ? { userId: principal.principalId } : {}),
    };
    const result = await importUsers(csv, dryRun, {
      principal,
      inTenant,
      newId: uuidv7,
      invite: (input, auditDetails) =>
        inviteToTenant(
          input,
          {
            cognito: getCognitoClient(),
            userPoolId: config.COGNITO_USER_POOL_ID,
            transaction: withTenantTransaction,
            scope,
            actor,
            checkRoles: (roles) => assertCanGrantRoles(principal.grants, roles, 'assign'),
            auditDetails,
          },
          async (_tx, userId) => userId,
        ),
    });
    return { body: result };
  },
});
