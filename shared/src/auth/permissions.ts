/**
 * Permissions are `<product>:<resource>:<action>`. Roles grant either exact
 * permissions or patterns where a segment is `*` (`taskodex:*:read`), so a
 * system role keeps covering capabilities that ship after it was created.
 */
export function permits(grants: readonly string[], required: string): boolean {
  return grants.some((grant) => grantMatches(grant, required));
}

export function grantMatches(grant: string, required: string): boolean {
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
