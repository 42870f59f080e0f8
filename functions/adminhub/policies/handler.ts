import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { getSecurityPolicy } from './get-security-policy';
import { listPolicyVersions } from './list-policy-versions';
import { policiesService } from './service';
import { updateSecurityPolicy } from './update-security-policy';

/** The version a save expects: the body's, or If-Match (`"0"` is the defaults, which the shared parser does not issue). */
function sentVersion(body: number | undefined, ifMatch: string | undefined): number {
  if (body === undefined && ifMatch?.trim().replace(/^W\//, '') === '"0"') return 0;
  return expectedVersion(body, ifMatch);
}

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(policiesService, {
  getSecurityPolicy: async ({ inTenant }) => {
    const current = await inTenant((deps) => getSecurityPolicy(deps));
    return { body: current, headers: etag(current.version) };
  },
  putSecurityPolicy: async ({ body, headers, inTenant }) => {
    const version = sentVersion(body.version, headers['if-match']);
    const saved = await inTenant((deps) => updateSecurityPolicy({ ...body, version }, deps));
    return { body: saved, headers: etag(saved.version) };
  },
  listSecurityPolicyVersions: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listPolicyVersions(query, deps)),
  }),
});
