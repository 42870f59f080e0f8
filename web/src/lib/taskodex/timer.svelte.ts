import { api, problemMessage, unwrap } from '$lib/api';
import { toast } from '$lib/ui';
import type { TimeEntry } from './types';

/**
 * The running timer, shared by the top bar and the task drawer ("Start timer"
 * on a task shows up in the top bar at once). The server keeps at most one
 * running entry per user; starting another stops the previous one there, so
 * after a start the state is simply the new entry.
 */
class Timer {
  running: TimeEntry | undefined = $state();
  /** The running task's identifier and title, for the top bar. */
  label = $state('');
  busy = $state(false);
  loaded = $state(false);

  async load(): Promise<void> {
    const { data } = await api.GET('/v1/taskodex/time-entries', {
      params: { query: { running: 'true', limit: 1 } },
    });
    // The list also answers as CSV (text/csv); the JSON page is what the client parses.
    this.running = data && typeof data === 'object' ? data.items[0] : undefined;
    this.loaded = true;
    await this.#describe();
  }

  async start(options: { taskId?: string | null; description?: string; label?: string } = {}) {
    this.busy = true;
    try {
      this.running = await unwrap(
        api.POST('/v1/taskodex/time-entries', {
          body: { taskId: options.taskId ?? null, description: options.description ?? '' },
        }),
      );
      this.label = options.label ?? '';
      if (!this.label) await this.#describe();
      toast.success(`Timer started${this.label ? ` on ${this.label}` : ''}.`);
    } catch (error) {
      toast.error(problemMessage(error));
    } finally {
      this.busy = false;
    }
  }

  async stop(): Promise<TimeEntry | undefined> {
    const entry = this.running;
    if (!entry) return undefined;
    this.busy = true;
    try {
      const stopped = await unwrap(
        api.POST('/v1/taskodex/time-entries/{timeEntryId}/stop', {
          params: { path: { timeEntryId: entry.id } },
        }),
      );
      this.running = undefined;
      this.label = '';
      toast.success('Timer stopped. The time is on your timesheet.');
      return stopped;
    } catch (error) {
      toast.error(problemMessage(error));
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  async #describe() {
    const taskId = this.running?.taskId;
    if (!taskId) {
      this.label = this.running?.description ?? '';
      return;
    }
    const { data } = await api.GET('/v1/taskodex/tasks/{taskId}', { params: { path: { taskId } } });
    if (data && this.running?.taskId === taskId) this.label = `${data.identifier} ${data.title}`;
  }
}

export const timer = new Timer();
