import type { Problem } from '$lib/api';
import type { Priority, Task, WorkflowState } from '../types';

/** What the bulk bar sends (`POST /v1/taskodex/tasks/bulk`), fields left out when unchanged. */
export interface BulkPatch {
  status?: string;
  priority?: Priority;
  assigneeId?: string | null;
  addLabels?: string[];
  removeLabels?: string[];
}

/** "a, b ,, c" → ["a", "b", "c"] */
export function parseLabels(input: string): string[] {
  return [
    ...new Set(
      input
        .split(',')
        .map((label) => label.trim())
        .filter(Boolean),
    ),
  ];
}

/** The bar's choices as a patch; '' means "leave as is" and 'none' the unassigned assignee. */
export function buildPatch(choice: {
  status: string;
  priority: string;
  assignee: string;
  addLabels: string;
  removeLabels: string;
}): BulkPatch {
  const patch: BulkPatch = {};
  if (choice.status) patch.status = choice.status;
  if (choice.priority) patch.priority = choice.priority as Priority;
  if (choice.assignee) patch.assigneeId = choice.assignee === 'none' ? null : choice.assignee;
  const add = parseLabels(choice.addLabels);
  const remove = parseLabels(choice.removeLabels);
  if (add.length > 0) patch.addLabels = add;
  if (remove.length > 0) patch.removeLabels = remove;
  return patch;
}

/** The fields the change sets on `task`, to show at once (the server's answer replaces them). */
export function patchFields(task: Task, patch: BulkPatch, states: readonly WorkflowState[]): Partial<Task> {
  const fields: Partial<Task> = {};
  if (patch.status !== undefined) {
    fields.status = patch.status;
    fields.statusGroup = states.find((state) => state.key === patch.status)?.group ?? task.statusGroup;
  }
  if (patch.priority !== undefined) fields.priority = patch.priority;
  if (patch.assigneeId !== undefined) fields.assigneeId = patch.assigneeId;
  if (patch.addLabels || patch.removeLabels) {
    const remove = new Set(patch.removeLabels ?? []);
    fields.labels = [...new Set([...task.labels, ...(patch.addLabels ?? [])])].filter(
      (label) => !remove.has(label),
    );
  }
  return fields;
}

/** The task as the change will leave it. */
export function applyPatch(task: Task, patch: BulkPatch, states: readonly WorkflowState[]): Task {
  return { ...task, ...patchFields(task, patch, states) };
}

/**
 * The 422's per-task errors in words, naming each task by its identifier
 * (`body.ids.3` is the fourth id sent; the message names it by uuid).
 */
export function bulkErrors(problem: Problem, ids: readonly string[], tasks: readonly Task[]): string[] {
  const name = (id: string | undefined) => {
    const task = tasks.find((item) => item.id === id);
    return task ? `${task.identifier} “${task.title}”` : 'A task';
  };
  const lines = (problem.errors ?? []).map((error) => {
    const index = /^body\.ids\.(\d+)/.exec(error.field)?.[1];
    const id = index === undefined ? undefined : ids[Number(index)];
    if (id === undefined) return error.message;
    const message = error.message.replace(new RegExp(`^Task ${id}:?\\s*`, 'i'), '');
    return `${name(id)}: ${/was not found/.test(message) ? 'not found (deleted, or not visible to you).' : message}`;
  });
  return lines.length > 0 ? lines : [problem.detail];
}
