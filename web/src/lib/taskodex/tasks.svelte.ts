import { ApiError, api, problemMessage, unwrap } from '$lib/api';
import { toast } from '$lib/ui';
import { planMove, replaceTask } from './board';
import type { Task, TaskQuery, UpdateTaskBody, WorkflowState } from './types';

/** The most tasks one screen loads (pages of 100); the board stays fast well past 500. */
const MAX_TASKS = 2000;

/**
 * The tasks one screen shows (a list, a board), with optimistic changes:
 * the screen changes at once, the API call follows, and a failure puts the
 * task back as it was and says why. A 409 (someone else changed the task
 * first) is explained and offers to reload that task, never swallowed.
 */
export class TaskStore {
  tasks: Task[] = $state([]);
  status: 'idle' | 'loading' | 'ready' | 'error' = $state('idle');
  error = $state('');
  truncated = $state(false);
  #generation = 0;

  async load(query: Omit<TaskQuery, 'limit' | 'cursor'>): Promise<void> {
    const generation = ++this.#generation;
    this.status = 'loading';
    try {
      const items: Task[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/v1/taskodex/tasks', {
            params: { query: { ...query, limit: 100, ...(cursor ? { cursor } : {}) } },
          }),
        );
        if (generation !== this.#generation) return;
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < MAX_TASKS);
      this.tasks = items;
      this.truncated = Boolean(cursor);
      this.status = 'ready';
    } catch (error) {
      if (generation !== this.#generation) return;
      this.error = problemMessage(error);
      this.status = 'error';
    }
  }

  get(taskId: string | undefined): Task | undefined {
    return taskId ? this.tasks.find((task) => task.id === taskId) : undefined;
  }

  add(task: Task) {
    if (!this.tasks.some((item) => item.id === task.id)) this.tasks = [task, ...this.tasks];
  }

  /** Shows a task as the server returned it (a fresh read or a save). */
  put(task: Task) {
    const known = this.#versions.get(task.id);
    if (known === undefined || task.version >= known) this.#versions.set(task.id, task.version);
    if (this.tasks.some((item) => item.id === task.id)) this.tasks = replaceTask(this.tasks, task);
  }

  remove(taskId: string) {
    this.tasks = this.tasks.filter((task) => task.id !== taskId);
  }

  /**
   * Changes fields at once, then PATCHes. Saves of one task run one after
   * the other, each with the version the previous one returned: a quick
   * second edit must not race the first and fail as a conflict with itself.
   * A failure puts back the fields it changed.
   */
  update(task: Task, patch: Omit<UpdateTaskBody, 'version'>): Promise<Task | undefined> {
    const previous = this.get(task.id) ?? task;
    const keys = Object.keys(patch) as (keyof Task)[];
    const undo = Object.fromEntries(keys.map((key) => [key, previous[key]])) as Partial<Task>;
    this.put({ ...previous, ...(patch as Partial<Task>) });
    return this.#queue(task.id, async () => {
      try {
        const saved = await unwrap(
          api.PATCH('/v1/taskodex/tasks/{taskId}', {
            params: { path: { taskId: task.id } },
            body: { ...patch, version: this.#version(task) },
          }),
        );
        this.#saved(saved);
        return saved;
      } catch (error) {
        const current = this.get(task.id);
        if (current) this.put({ ...current, ...undo });
        this.#explain(error, task);
        return undefined;
      }
    });
  }

  /** Moves a card into `status` at `index` of that column; the server's answer replaces the guess. */
  async move(taskId: string, status: string, index: number, states: readonly WorkflowState[]) {
    const before = this.get(taskId);
    if (!before) return;
    const plan = planMove(this.tasks, states, taskId, status, index);
    if (!plan.changed) return;
    this.tasks = plan.tasks;
    await this.#queue(taskId, async () => {
      try {
        const saved = await unwrap(
          api.POST('/v1/taskodex/tasks/{taskId}/move', {
            params: { path: { taskId } },
            body: { ...plan.body, version: this.#version(before) },
          }),
        );
        this.#saved(saved);
      } catch (error) {
        const current = this.get(taskId);
        if (current)
          this.put({
            ...current,
            status: before.status,
            statusGroup: before.statusGroup,
            position: before.position,
          });
        this.#explain(error, before);
      }
    });
  }

  #queues = new Map<string, Promise<unknown>>();
  #versions = new Map<string, number>();

  #queue<T>(taskId: string, run: () => Promise<T>): Promise<T> {
    const next = (this.#queues.get(taskId) ?? Promise.resolve()).then(run, run);
    this.#queues.set(taskId, next);
    void next.finally(() => {
      if (this.#queues.get(taskId) === next) this.#queues.delete(taskId);
    });
    return next;
  }

  /** The newest version this screen has seen of a task (the last save's answer wins). */
  #version(task: Task): number {
    return Math.max(task.version, this.get(task.id)?.version ?? 0, this.#versions.get(task.id) ?? 0);
  }

  #saved(task: Task) {
    this.#versions.set(task.id, task.version);
    this.put(task);
  }

  async delete(task: Task): Promise<boolean> {
    const index = this.tasks.findIndex((item) => item.id === task.id);
    this.remove(task.id);
    try {
      await unwrap(api.DELETE('/v1/taskodex/tasks/{taskId}', { params: { path: { taskId: task.id } } }));
      toast.success(`${task.identifier} deleted.`);
      return true;
    } catch (error) {
      const next = [...this.tasks];
      next.splice(Math.max(0, index), 0, task);
      this.tasks = next;
      toast.error(problemMessage(error));
      return false;
    }
  }

  /** Fetches one task again (after a conflict) and shows the latest version. */
  async refresh(taskId: string): Promise<Task | undefined> {
    const { data } = await api.GET('/v1/taskodex/tasks/{taskId}', { params: { path: { taskId } } });
    if (data) this.put(data);
    return data;
  }

  #explain(error: unknown, task: Task) {
    if (error instanceof ApiError && error.status === 409) {
      toast.error(
        `${task.identifier} was changed by someone else since you opened it, so your change was not saved. Reload it to see their version, then make your change again.`,
        { timeout: 0, action: { label: 'Reload task', run: () => void this.refresh(task.id) } },
      );
      return;
    }
    toast.error(`${task.identifier}: ${problemMessage(error)} Your change was undone.`);
  }
}
