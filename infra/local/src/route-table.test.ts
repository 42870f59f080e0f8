import { defineRoute, defineService, type ServiceManifest } from '@halooid/shared/manifest';
import { describe, expect, it } from 'vitest';
import { RouteTable } from './route-table';

const tasks = defineService({
  product: 'taskodex',
  capability: 'tasks',
  description: 'Tasks',
  resources: {},
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listTasks',
      method: 'GET',
      path: '/v1/taskodex/tasks',
      permission: 'taskodex:task:read',
      summary: 'List',
    }),
    defineRoute({
      operationId: 'createTask',
      method: 'POST',
      path: '/v1/taskodex/tasks',
      permission: 'taskodex:task:write',
      summary: 'Create',
    }),
    defineRoute({
      operationId: 'getTask',
      method: 'GET',
      path: '/v1/taskodex/tasks/{taskId}',
      permission: 'taskodex:task:read',
      summary: 'Get',
    }),
    defineRoute({
      operationId: 'deleteTask',
      method: 'DELETE',
      path: '/v1/taskodex/tasks/{taskId}',
      permission: 'taskodex:task:write',
      summary: 'Delete',
    }),
    defineRoute({
      operationId: 'getBulk',
      method: 'GET',
      path: '/v1/taskodex/tasks/bulk',
      permission: 'taskodex:task:read',
      summary: 'Bulk',
    }),
    defineRoute({
      operationId: 'getComment',
      method: 'GET',
      path: '/v1/taskodex/tasks/{taskId}/comments/{commentId}',
      permission: 'taskodex:task:read',
      summary: 'Comment',
    }),
  ],
});

const health = defineService({
  product: 'platform',
  capability: 'health',
  description: 'Health',
  resources: {},
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'health',
      method: 'GET',
      path: '/v1/health',
      permission: 'public',
      summary: 'Up',
    }),
  ],
});

const table = new RouteTable([tasks, health]);

function found(method: string, path: string) {
  const result = table.lookup(method, path);
  if (result.kind !== 'found') throw new Error(`Expected ${method} ${path} to be found, got ${result.kind}`);
  return result.match;
}

function allowedFor(method: string, path: string): string[] {
  const result = table.lookup(method, path);
  if (result.kind !== 'method_not_allowed')
    throw new Error(`Expected method_not_allowed, got ${result.kind}`);
  return [...result.allowed].sort();
}

describe('RouteTable', () => {
  it('finds a literal route without path parameters', () => {
    const match = found('GET', '/v1/taskodex/tasks');

    expect(match.route.operationId).toBe('listTasks');
    expect(match.service).toBe(tasks);
    expect(match.pathParameters).toBeNull();
  });

  it('picks the route for the method', () => {
    expect(found('POST', '/v1/taskodex/tasks').route.operationId).toBe('createTask');
  });

  it('accepts a trailing slash', () => {
    expect(found('GET', '/v1/taskodex/tasks/').route.operationId).toBe('listTasks');
  });

  it('finds routes across services', () => {
    expect(found('GET', '/v1/health').service).toBe(health);
  });

  it('extracts path parameters', () => {
    const match = found('GET', '/v1/taskodex/tasks/abc-123/comments/c9');

    expect(match.route.operationId).toBe('getComment');
    expect(match.pathParameters).toEqual({ taskId: 'abc-123', commentId: 'c9' });
  });

  it('URI-decodes path parameters', () => {
    expect(found('GET', '/v1/taskodex/tasks/a%20b%2Fc%C3%A9').pathParameters).toEqual({ taskId: 'a b/cé' });
  });

  it('prefers a literal segment over a parameter', () => {
    const match = found('GET', '/v1/taskodex/tasks/bulk');

    expect(match.route.operationId).toBe('getBulk');
    expect(match.pathParameters).toBeNull();
  });

  it('does not let a parameter span segments', () => {
    expect(table.lookup('GET', '/v1/taskodex/tasks/a/b').kind).toBe('not_found');
  });

  it('answers method_not_allowed with the allowed methods', () => {
    expect(allowedFor('PUT', '/v1/taskodex/tasks/123')).toEqual(['DELETE', 'GET']);
  });

  it('lists only the methods of routes matching the path', () => {
    expect(allowedFor('DELETE', '/v1/taskodex/tasks')).toEqual(['GET', 'POST']);
  });

  it('answers not_found for an unknown path', () => {
    expect(table.lookup('GET', '/v1/taskodex/projects')).toEqual({ kind: 'not_found' });
    expect(table.lookup('GET', '/v1/taskodex/tasksx')).toEqual({ kind: 'not_found' });
  });

  it('names services by product and capability', () => {
    expect(RouteTable.serviceKey(tasks)).toBe('taskodex-tasks');
  });

  it('works with an empty set of services', () => {
    const empty: ServiceManifest[] = [];

    expect(new RouteTable(empty).lookup('GET', '/v1/health')).toEqual({ kind: 'not_found' });
  });
});

describe('RouteTable, as API Gateway picks resources', () => {
  it('picks the literal resource first and answers 405 rather than falling back to a parameter', () => {
    const table = new RouteTable([tasks]);

    const result = table.lookup('DELETE', '/v1/taskodex/tasks/bulk');

    expect(result).toEqual({ kind: 'method_not_allowed', allowed: ['GET'] });
  });

  it('reports a malformed %-escape instead of throwing', () => {
    const table = new RouteTable([tasks]);

    expect(table.lookup('GET', '/v1/taskodex/tasks/%E0%A4%A')).toEqual({ kind: 'bad_path' });
  });
});
