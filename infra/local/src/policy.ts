import type { PolicyDocument, Statement } from 'aws-lambda';

/**
 * Evaluates an authorizer's policy as API Gateway does for `execute-api:Invoke`:
 * an explicit Deny wins, otherwise some Allow must match the method ARN, where
 * `*` matches any run of characters and `?` one character.
 */
export function policyAllows(policy: PolicyDocument, arn: string): boolean {
  const relevant = policy.Statement.filter((statement) =>
    actions(statement).some((action) => matches(action, 'execute-api:Invoke', true)),
  );
  const covers = (statement: Statement) => resources(statement).some((resource) => matches(resource, arn));
  if (relevant.some((statement) => statement.Effect === 'Deny' && covers(statement))) return false;
  return relevant.some((statement) => statement.Effect === 'Allow' && covers(statement));
}

function actions(statement: Statement): string[] {
  const action = 'Action' in statement ? statement.Action : undefined;
  return action === undefined ? [] : Array.isArray(action) ? action : [action];
}

function resources(statement: Statement): string[] {
  const resource = 'Resource' in statement ? statement.Resource : undefined;
  return resource === undefined ? [] : Array.isArray(resource) ? resource : [resource];
}

/** Action names are case-insensitive in IAM; resource ARNs are not. */
function matches(pattern: string, value: string, ignoreCase = false): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '.*')
    .replaceAll('?', '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}
