import type { Priority, StateGroup, Task, WorkflowState } from './types';

/**
 * The default workflow (tasks outside any project, and "My tasks", which
 * spans projects): the same keys as the API's default, with names and colours.
 */
export const DEFAULT_STATES: readonly WorkflowState[] = [
  { key: 'backlog', name: 'Backlog', colour: '#8b8b96', group: 'backlog' },
  { key: 'todo', name: 'To do', colour: '#6366f1', group: 'unstarted' },
  { key: 'in_progress', name: 'In progress', colour: '#d97706', group: 'started' },
  { key: 'in_review', name: 'In review', colour: '#0891b2', group: 'started' },
  { key: 'done', name: 'Done', colour: '#16a34a', group: 'completed' },
  { key: 'cancelled', name: 'Cancelled', colour: '#6b7280', group: 'cancelled' },
];

export const PRIORITIES: readonly { value: Priority; label: string; icon: string }[] = [
  { value: 'urgent', label: 'Urgent', icon: '‼' },
  { value: 'high', label: 'High', icon: '▲' },
  { value: 'medium', label: 'Medium', icon: '■' },
  { value: 'low', label: 'Low', icon: '▼' },
  { value: 'none', label: 'No priority', icon: '·' },
];

export const STATE_GROUPS: readonly { value: StateGroup; label: string }[] = [
  { value: 'backlog', label: 'Backlog' },
  { value: 'unstarted', label: 'Not started' },
  { value: 'started', label: 'Started' },
  { value: 'completed', label: 'Completed' },
  { value: 'cancelled', label: 'Cancelled' },
];

export function priorityLabel(priority: Priority): string {
  return PRIORITIES.find((item) => item.value === priority)?.label ?? priority;
}

/** A state's display name; tasks of another project in "My tasks" may use keys outside the list. */
export function stateName(states: readonly WorkflowState[], key: string): string {
  return (
    states.find((state) => state.key === key)?.name ??
    key.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase())
  );
}

export function stateOf(states: readonly WorkflowState[], task: Pick<Task, 'status' | 'statusGroup'>) {
  return (
    states.find((state) => state.key === task.status) ?? {
      key: task.status,
      name: stateName(states, task.status),
      colour: '#8b8b96',
      group: task.statusGroup,
    }
  );
}
