import { buildOpenApi } from '@halooid/shared/openapi';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../registry';

/** What an integrator reads about Taskodex: every operation explained, downloads and concurrency documented. */
const document = buildOpenApi(
  SERVICES.filter((service) => service.product === 'taskodex'),
  { version: 'test' },
);
type Operation = {
  summary?: string;
  description?: string;
  parameters?: { in: string; name: string }[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).map(([method, operation]) => ({
    route: `${method.toUpperCase()} ${path}`,
    operation,
  })),
);
const success = (operation: Operation) =>
  Object.entries(operation.responses).find(([status]) => status.startsWith('2'))?.[1];

describe('Taskodex OpenAPI', () => {
  it('gives every operation a summary and a description', () => {
    const undocumented = operations
      .filter(({ operation }) => !operation.summary || !operation.description)
      .map(({ route }) => route);
    expect(undocumented).toEqual([]);
  });

  it('documents text/csv on every route that answers CSV', () => {
    for (const route of [
      'GET /v1/taskodex/tasks/export',
      'GET /v1/taskodex/time-entries',
      'GET /v1/taskodex/reports/time',
    ]) {
      const found = operations.find((candidate) => candidate.route === route);
      expect(Object.keys(success(found?.operation as Operation)?.content ?? {}), route).toContain('text/csv');
    }
  });

  it('documents If-Match on every versioned PATCH', () => {
    const patches = operations.filter(
      ({ route }) => route.startsWith('PATCH ') && !route.includes('/members/'),
    );
    const withoutIfMatch = patches
      .filter(({ route }) => !route.includes('/comments/'))
      .filter(
        ({ operation }) => !operation.parameters?.some((p) => p.in === 'header' && p.name === 'If-Match'),
      )
      .map(({ route }) => route);
    expect(patches.length).toBeGreaterThanOrEqual(4);
    expect(withoutIfMatch).toEqual([]);
  });
});
