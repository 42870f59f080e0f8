import type { Task, WorkflowState } from './types';

/**
 * The board's pure logic, kept out of the components so it is tested
 * without a DOM: columns from tasks, and a move that is applied locally
 * first (optimistic) and sent as `POST /tasks/{id}/move` with the
 * neighbour the server should place it next to.
 */
export interface Column {
  state: WorkflowState;
  tasks: Task[];
}

const byPosition = (a: Task, b: Task) => a.position - b.position || a.createdAt.localeCompare(b.createdAt);

export function buildColumns(states: readonly WorkflowState[], tasks: readonly Task[]): Column[] {
  const columns = new Map<string, Task[]>(states.map((state) => [state.key, []]));
  for (const task of tasks) columns.get(task.status)?.push(task);
  return states.map((state) => ({ state, tasks: (columns.get(state.key) ?? []).sort(byPosition) }));
}

export interface MoveBody {
  status?: string;
  afterId?: string | null;
  beforeId?: string | null;
}

export interface PlannedMove {
  /** The tasks with the moved one in its new state and position. */
  tasks: Task[];
  body: MoveBody;
  /** False when the card would land where it already is. */
  changed: boolean;
}

/**
 * Moves `taskId` into `status` at `index` (its index in the target column
 * once it is there). The local position is the midpoint of its new
 * neighbours, as the server does; the server's answer replaces it.
 */
export function planMove(
  tasks: readonly Task[],
  states: readonly WorkflowState[],
  taskId: string,
  status: string,
  index: number,
): PlannedMove {
  const moving = tasks.find((task) => task.id === taskId);
  if (!moving) return { tasks: [...tasks], body: {}, changed: false };
  const column = tasks.filter((task) => task.status === status && task.id !== taskId).sort(byPosition);
  const at = Math.max(0, Math.min(index, column.length));
  const before = column[at - 1];
  const after = column[at];
  const oldColumn = tasks.filter((task) => task.status === moving.status).sort(byPosition);
  const changed = moving.status !== status || oldColumn.findIndex((task) => task.id === taskId) !== at;

  let position: number;
  if (before && after) position = (before.position + after.position) / 2;
  else if (before) position = before.position + 1;
  else if (after) position = after.position - 1;
  else position = 1;

  const group = states.find((state) => state.key === status)?.group ?? moving.statusGroup;
  const moved: Task = { ...moving, status, statusGroup: group, position };
  const body: MoveBody = {
    ...(status !== moving.status ? { status } : {}),
    ...(before ? { afterId: before.id } : after ? { beforeId: after.id } : {}),
  };
  return { tasks: tasks.map((task) => (task.id === taskId ? moved : task)), body, changed };
}

/** Replaces one task (the server's answer) in a list; the rest stay as they are. */
export function replaceTask(tasks: readonly Task[], next: Task): Task[] {
  return tasks.map((task) => (task.id === next.id ? next : task));
}
