import type { Activity } from './types';

/** Field names of the API, as people say them. */
const FIELDS: Record<string, string> = {
  title: 'the title',
  description: 'the description',
  status: 'the status',
  priority: 'the priority',
  assigneeId: 'the assignee',
  startDate: 'the start date',
  dueDate: 'the due date',
  estimateHours: 'the estimate',
  labels: 'the labels',
  projectId: 'the project',
  parentId: 'the parent task',
  position: 'the board order',
};

function show(value: unknown, field: string | null, name: (userId: string) => string): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (field === 'assigneeId' && typeof value === 'string') return name(value);
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return String(value);
}

/** One activity entry as a sentence without the actor ("changed the status from todo to done"). */
export function describeActivity(entry: Activity, name: (userId: string) => string): string {
  const to = entry.to as Record<string, unknown> | null;
  const from = entry.from as Record<string, unknown> | null;
  switch (entry.kind) {
    case 'created':
      return 'created the task';
    case 'deleted':
      return 'deleted the task';
    case 'moved':
      return 'moved the task on the board';
    case 'comment': {
      const action = (to ?? from)?.action;
      return action === 'deleted'
        ? 'deleted a comment'
        : action === 'edited'
          ? 'edited a comment'
          : 'commented';
    }
    case 'relation': {
      const value = to ?? from;
      const type = typeof value?.type === 'string' ? value.type.replace(/_/g, ' ') : 'related';
      return to ? `added a relation (${type})` : `removed a relation (${type})`;
    }
    case 'stock_issued': {
      // Recorded from Invantray's issue moves (functions/taskodex/task-materials).
      const quantity = typeof to?.quantity === 'string' ? to.quantity : '?';
      const unit = typeof to?.unit === 'string' ? ` ${to.unit}` : '';
      const sku = typeof to?.sku === 'string' ? to.sku : 'an item';
      return `issued ${quantity}${unit} of ${sku} from stock`;
    }
    case 'updated': {
      const field = entry.field ?? '';
      const label = FIELDS[field] ?? field;
      if (field === 'description') return 'changed the description';
      if (field === 'position') return 'reordered the task on the board';
      return `changed ${label} from ${show(entry.from, field, name)} to ${show(entry.to, field, name)}`;
    }
    default:
      return entry.kind.replace(/_/g, ' ');
  }
}
