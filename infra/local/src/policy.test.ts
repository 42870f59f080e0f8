import type { PolicyDocument, Statement } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { policyAllows } from './policy';

const ARN_BASE = 'arn:aws:execute-api:us-east-1:000000000000:local/prod';
const GET_TASK = `${ARN_BASE}/GET/v1/taskodex/tasks/123`;
const DELETE_TASK = `${ARN_BASE}/DELETE/v1/taskodex/tasks/123`;

function policy(...statements: Statement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

function allow(resource: string | string[], action: string | string[] = 'execute-api:Invoke'): Statement {
  return { Effect: 'Allow', Action: action, Resource: resource };
}

function deny(resource: string | string[], action: string | string[] = 'execute-api:Invoke'): Statement {
  return { Effect: 'Deny', Action: action, Resource: resource };
}

describe('policyAllows', () => {
  it('allows on an exact method ARN', () => {
    expect(policyAllows(policy(allow(GET_TASK)), GET_TASK)).toBe(true);
  });

  it('does not allow another method on the same path', () => {
    expect(policyAllows(policy(allow(GET_TASK)), DELETE_TASK)).toBe(false);
  });

  it('does not allow a longer path that only starts like the ARN', () => {
    expect(policyAllows(policy(allow(GET_TASK)), `${GET_TASK}/comments`)).toBe(false);
  });

  it('allows with * matching any run of characters', () => {
    const document = policy(allow(`${ARN_BASE}/*`));

    expect(policyAllows(document, GET_TASK)).toBe(true);
    expect(policyAllows(document, DELETE_TASK)).toBe(true);
  });

  it('allows with a wildcard in the middle of the ARN', () => {
    const document = policy(allow(`${ARN_BASE}/GET/v1/taskodex/*`));

    expect(policyAllows(document, GET_TASK)).toBe(true);
    expect(policyAllows(document, DELETE_TASK)).toBe(false);
  });

  it('matches ? as exactly one character', () => {
    const document = policy(allow(`${ARN_BASE}/GET/v1/taskodex/tasks/12?`));

    expect(policyAllows(document, GET_TASK)).toBe(true);
    expect(policyAllows(document, `${ARN_BASE}/GET/v1/taskodex/tasks/12`)).toBe(false);
  });

  it('treats regex characters in the resource literally', () => {
    const document = policy(allow('arn:aws:execute-api:us-east-1:000000000000:local/prod/GET/v1/a.b'));

    expect(policyAllows(document, 'arn:aws:execute-api:us-east-1:000000000000:local/prod/GET/v1/aXb')).toBe(
      false,
    );
  });

  it('lets an explicit Deny win over an Allow', () => {
    const document = policy(allow(`${ARN_BASE}/*`), deny(GET_TASK));

    expect(policyAllows(document, GET_TASK)).toBe(false);
    expect(policyAllows(document, DELETE_TASK)).toBe(true);
  });

  it('lets a Deny win whatever the statement order', () => {
    expect(policyAllows(policy(deny(`${ARN_BASE}/*`), allow(GET_TASK)), GET_TASK)).toBe(false);
  });

  it('denies by default when no statement covers the ARN', () => {
    expect(policyAllows(policy(), GET_TASK)).toBe(false);
    expect(policyAllows(policy(deny(DELETE_TASK)), GET_TASK)).toBe(false);
  });

  it('reads resources given as a list', () => {
    expect(policyAllows(policy(allow([DELETE_TASK, GET_TASK])), GET_TASK)).toBe(true);
  });

  it.each([
    ['execute-api:invoke'],
    ['EXECUTE-API:INVOKE'],
    ['execute-api:*'],
    ['*'],
    [['s3:GetObject', 'Execute-Api:Invoke']],
  ])('matches action %o case-insensitively and with wildcards', (action) => {
    expect(policyAllows(policy(allow(GET_TASK, action)), GET_TASK)).toBe(true);
  });

  it('ignores statements for other actions', () => {
    expect(policyAllows(policy(allow(GET_TASK, 'execute-api:ManageConnections')), GET_TASK)).toBe(false);
    expect(policyAllows(policy(allow(GET_TASK), deny(GET_TASK, 's3:GetObject')), GET_TASK)).toBe(true);
  });

  it('compares resource ARNs case-sensitively', () => {
    expect(policyAllows(policy(allow(GET_TASK.toUpperCase())), GET_TASK)).toBe(false);
  });
});
