import { defineRoute, defineService } from '@halooid/shared/manifest';
import { ImportUsersBody, ImportUsersQuery, ImportUsersResult } from './schemas';

/**
 * Inviting many people at once from a CSV (email, name, roles): each row
 * goes through the platform's one invitation path (shared/src/invitations.ts:
 * the tenant's allowed email domains, the Cognito account, membership,
 * roles, audit), so an import can do nothing a single invitation could not.
 * Under the users permissions.
 */
export const userImportService = defineService({
  product: 'adminhub',
  capability: 'user-import',
  description: 'Invite members from a CSV of email, name and roles, with a dry run and per-row results.',
  resources: { database: true, cognito: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'importUsers',
      method: 'POST',
      path: '/v1/adminhub/user-import',
      permission: 'adminhub:user:write',
      summary: 'Invite members from CSV',
      description:
        'Send the CSV as `Content-Type: text/csv` or as JSON `{"csv": "...", "dryRun": true}` (1 MB, 200 rows at most). ' +
        'Each row is invited on its own: a refused row (bad email, unknown role, a role you cannot give, a domain the ' +
        'security policy does not allow, twice in the file) fails alone with its reason and line number; someone already ' +
        'a member is skipped. A dry run checks every row and invites nobody. A file without an `email` column is a 400.',
      query: ImportUsersQuery,
      body: ImportUsersBody,
      textBodyTypes: ['text/csv'],
      response: ImportUsersResult,
    }),
  ],
});
