/**
 * The user pool groups in an access token (`cognito:groups`), read without
 * verifying it: only to decide what the page offers (the operator console's
 * entry). The server checks the signature and the group on every call.
 */
export function tokenGroups(token: string): string[] {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(
      payload
        .replaceAll('-', '+')
        .replaceAll('_', '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    );
    const groups = (JSON.parse(json) as Record<string, unknown>)['cognito:groups'];
    return Array.isArray(groups) ? groups.filter((group): group is string => typeof group === 'string') : [];
  } catch {
    return [];
  }
}
