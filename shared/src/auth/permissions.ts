/**
 * Permissions are `<product>:<resource>:<action>`. Roles grant either exact
 * permissions or patterns where a segment is `*` (`taskodex:*:read`), so a
 * system role keeps covering capabilities that ship after it was created.
 */
export function permits(grants: readonly string[], required: string): boolean {
  return grants.some((grant) => grantMatches(grant, required));
}

/**
 * Permissions of the operator scope (AdminHub's console, the billing
 * integration), never of a tenant: no tenant grant matches them, not an exact
 * one and not a pattern such as the Owner's `*:*:*`, so no system or custom
 * role can hold them. Changing a tenant's tier is one: an Owner must not be
 * able to raise their own limits.
 */
export const OPERATOR_PERMISSIONS: ReadonlySet<string> = new Set(['platform:billing:write']);

export function grantMatches(grant: string, required: string): boolean {
  if (OPERATOR_PERMISSIONS.has(required)) return false;
  if (grant === required) return true;
  const grantParts = grant.split(':');
  const requiredParts = required.split(':');
  if (grantParts.length !== 3 || requiredParts.length !== 3) return false;
  return grantParts.every((part, index) => part === '*' || part === requiredParts[index]);
}

/** Expands grants against the permission catalog: what `GET /v1/me` and the role editor show. */
export function effectivePermissions(grants: readonly string[], catalog: readonly string[]): string[] {
  return catalog.filter((permission) => permits(grants, permission)).sort();
}
