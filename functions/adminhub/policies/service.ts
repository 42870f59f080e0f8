import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { ListVersionsQuery, PolicyVersion, PutSecurityPolicyBody } from './schemas';

/**
 * A workspace's security policy: password rules (at change, reset and
 * invitation), MFA required for everyone or for roles (enrolment at sign-in),
 * session lifetime and idle timeout (refresh tokens), an IP allowlist (API
 * keys, optionally people; enforced by the authorizer) and the email domains
 * invitations may go to. One policy per tenant, saved as append-only
 * versions; reading and writing are separate permissions so an Auditor can
 * review it without changing it.
 */
export const policiesService = defineService({
  product: 'adminhub',
  capability: 'policies',
  description: "The tenant's security policy: passwords, MFA, sessions, IP allowlist, invitation domains.",
  resources: { database: true },
  permissions: [
    { name: 'adminhub:policy:read', description: 'See the security policy and its history.' },
    { name: 'adminhub:policy:write', description: 'Change the security policy.' },
  ],
  emits: [{ type: 'policy.changed' }],
  routes: [
    defineRoute({
      operationId: 'getSecurityPolicy',
      method: 'GET',
      path: '/v1/adminhub/security-policy',
      permission: 'adminhub:policy:read',
      summary: 'Get the security policy',
      description:
        'The current version (ETag) and policy; version 0 with the defaults before the first save.',
      response: PolicyVersion,
    }),
    defineRoute({
      operationId: 'putSecurityPolicy',
      method: 'PUT',
      path: '/v1/adminhub/security-policy',
      permission: 'adminhub:policy:write',
      summary: 'Change the security policy',
      description:
        'Saves the next version from the one you read (`version` or If-Match; 409 `version_conflict` when stale). Audited with every changed field; emits `adminhub.policy.changed`. 422 for MFA roles that do not exist; 409 `allowlist_excludes_caller` for an IP allowlist that would shut out your own address. Unchanged, nothing is saved.',
      headers: {
        'If-Match':
          'The version you last read (the ETag of GET), as an alternative to `version` in the body.',
      },
      body: PutSecurityPolicyBody,
      response: PolicyVersion,
    }),
    defineRoute({
      operationId: 'listSecurityPolicyVersions',
      method: 'GET',
      path: '/v1/adminhub/security-policy/versions',
      permission: 'adminhub:policy:read',
      summary: 'List the versions of the security policy',
      description: 'Newest first, a page at a time (`cursor` from the previous page).',
      query: ListVersionsQuery,
      response: pageOf(PolicyVersion),
    }),
  ],
});
