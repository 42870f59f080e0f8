/**
 * What a save changed, field by field (`password.minLength`: before and
 * after), for the audit record and the event. Arrays are compared whole:
 * an allowlist's before and after say more than an index-by-index diff.
 */
export type PolicyChanges = Record<string, { before: unknown; after: unknown }>;

export function policyChanges(before: unknown, after: unknown, path = ''): PolicyChanges {
  if (isRecord(before) && isRecord(after)) {
    const changes: PolicyChanges = {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      Object.assign(changes, policyChanges(before[key], after[key], path ? `${path}.${key}` : key));
    }
    return changes;
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return {};
  return { [path]: { before: before ?? null, after: after ?? null } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
