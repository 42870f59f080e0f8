import { ApiError, api, problemMessage, unwrap } from '$lib/api';
import { toast } from '$lib/ui';
import { planMove, replaceTask } from './board';
import type { Task, TaskQuery, TaskResult, UpdateTaskBody, WorkflowState } from './types';

/** The most tasks one screen loads (pages of 100); the board stays fast well past 500. */
const MAX_TASKS = 2000;

/**
 * The tasks one screen shows (a list, a board), with optimistic changes:
 * the screen changes at once, the API call follows, and a failure puts the
 * task back as it was and says why. A 409 (someone else changed the task
 * first) is explained and offers to reload that task, never swallowed.
 *
 * What a task shows is the newest copy the server has sent (by version; a
 * read or a save's answer that arrives late never replaces a newer one) with
 * the edits still on their way laid over it, oldest first. Answers can come
 * back in any order on a busy network or server, and none of them may undo
 * an edit the user can see.
 */
export class TaskStore {
  tasks: Task[] = $state([]);
  status: 'idle' | 'loading' | 'ready' | 'error' = $state('idle');
  error = $state('');
  truncated = $state(false);
  #generation = 0;
  /** The newest copy the server has sent of each task. */
  #latest = new Map<string, Task>();
  /** Changes shown but not yet answered, per task, oldest first. */
  #pending = new Map<string, Partial<Task>[]>();
  #queues = new Map<string, Promise<unknown>>();

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
      // The pages were read before saves that may have answered since, and edits may be on their way.
      this.tasks = items.map((item) => this.#shown(this.#accept(item)));
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
    if (!this.tasks.some((item) => item.id === task.id))
      this.tasks = [this.#shown(this.#accept(task)), ...this.tasks];
  }

  /**
   * Shows a task as the server returned it (a fresh read or a save), unless
   * a newer version is already known; edits on their way stay on top.
   */
  put(task: Task) {
    this.#accept(task);
    this.#render(task.id);
  }

  remove(taskId: string) {
    this.tasks = this.tasks.filter((task) => task.id !== taskId);
  }

  /**
   * Shows `fields` on a task at once, over whatever the server sends
   * meanwhile, until the returned function is called: once the answer is
   * `put` (it carries the change) or the change failed (the task shows the
   * server's copy again, with any other edit still on its way).
   */
  guess(taskId: string, fields: Partial<Task>): () => void {
    const current = this.get(taskId);
    // A task first seen through `tasks` (not a read or a save): what it shows is the server's copy.
    if (current && !this.#latest.has(taskId)) this.#latest.set(taskId, current);
    const entry = { ...fields };
    this.#pending.set(taskId, [...(this.#pending.get(taskId) ?? []), entry]);
    this.#render(taskId);
    return () => {
      const rest = (this.#pending.get(taskId) ?? []).filter((item) => item !== entry);
      if (rest.length > 0) this.#pending.set(taskId, rest);
      else this.#pending.delete(taskId);
      this.#render(taskId);
    };
  }

  /**
   * Changes fields at once, then PATCHes. Saves of one task run one after
   * the other, each with the version the previous one returned: a quick
   * second edit must not race the first and fail as a conflict with itself.
   * A failure takes back only this edit's fields.
   */
  update(task: Task, patch: Omit<UpdateTaskBody, 'version'>): Promise<TaskResult | undefined> {
    const settle = this.guess(task.id, patch as Partial<Task>);
    return this.#queue(task.id, async () => {
      try {
        const saved = await unwrap(
          api.PATCH('/v1/taskodex/tasks/{taskId}', {
            params: { path: { taskId: task.id } },
            body: { ...patch, version: this.#version(task) },
          }),
        );
        this.#accept(saved);
        return saved;
      } catch (error) {
        this.#explain(error, task);
        return undefined;
      } finally {
        settle();
      }
    });
  }

  /** Moves a card into `status` at `index` of that column; the server's answer replaces the guess. */
  async move(taskId: string, status: string, index: number, states: readonly WorkflowState[]) {
    const before = this.get(taskId);
    if (!before) return;
    const plan = planMove(this.tasks, states, taskId, status, index);
    const moved = plan.tasks.find((task) => task.id === taskId);
    if (!plan.changed || !moved) return;
    const settle = this.guess(taskId, {
      status: moved.status,
      statusGroup: moved.statusGroup,
      position: moved.position,
    });
    await this.#queue(taskId, async () => {
      try {
        const saved = await unwrap(
          api.POST('/v1/taskodex/tasks/{taskId}/move', {
            params: { path: { taskId } },
            body: { ...plan.body, version: this.#version(before) },
          }),
        );
        this.#accept(saved);
      } catch (error) {
        this.#explain(error, before);
      } finally {
        settle();
      }
    });
  }

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
    return Math.max(task.version, this.#latest.get(task.id)?.version ?? 0);
  }

  /** Keeps a server copy unless a newer version is known; returns the newest. Equal versions replace (positions renumber without a new version). */
  #accept(task: Task): Task {
    const known = this.#latest.get(task.id);
    const newest = known && known.version > task.version ? known : task;
    this.#latest.set(task.id, newest);
    return newest;
  }

  /** The server's copy with the edits on their way over it. */
  #shown(task: Task): Task {
    const pending = this.#pending.get(task.id);
    return pending ? Object.assign({ ...task }, ...pending) : task;
  }

  #render(taskId: string) {
    const latest = this.#latest.get(taskId);
    if (latest && this.tasks.some((item) => item.id === taskId))
      this.tasks = replaceTask(this.tasks, this.#shown(latest));
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
