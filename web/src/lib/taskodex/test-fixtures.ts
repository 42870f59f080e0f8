import type { Task } from './types';

/**
 * A task as the API returns it, for component and store tests: `WEB-<id>`, "Task <id>", To do,
 * no assignee, dates or labels. Tests override only the fields they are about.
 */
export function makeTask(id: string, overrides: Partial<Task> = {}): Task {
  return {
    id,
    identifier: `WEB-${id}`,
    title: `Task ${id}`,
    description: '',
    status: 'todo',
    statusGroup: 'unstarted',
    priority: 'none',
    assigneeId: null,
    startDate: null,
    dueDate: null,
    estimateHours: null,
    labels: [],
    projectId: null,
    parentId: null,
    position: 1,
    completedAt: null,
    version: 1,
    createdBy: 'u',
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}
