import { api, unwrap } from '$lib/api';
import { session } from '$lib/auth/session.svelte';
import type { Project, WorkflowState } from './types';
import { DEFAULT_STATES } from './workflow';

/**
 * Projects the user can see and their workflows, cached per tenant: the
 * create dialog, "My tasks" (tasks of several projects) and the board all
 * need a project's states, and they rarely change during a visit.
 */
class Projects {
  list: Project[] = $state([]);
  loaded = $state(false);
  #tenant: string | undefined;
  #loading: Promise<void> | undefined;
  #workflows = new Map<string, Promise<WorkflowState[]>>();

  load(force = false): Promise<void> {
    const tenant = session.tenant?.id;
    if (this.#tenant !== tenant) {
      this.#tenant = tenant;
      this.#workflows.clear();
      this.#loading = undefined;
      this.loaded = false;
    }
    if (this.#loading && !force) return this.#loading;
    this.#loading = (async () => {
      const items: Project[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const data = await unwrap(
          api.GET('/v1/taskodex/projects', {
            params: { query: { limit: 100, sort: 'name', ...(cursor ? { cursor } : {}) } },
          }),
        );
        items.push(...data.items);
        if (!data.nextCursor) break;
        cursor = data.nextCursor;
      }
      this.list = items;
      this.loaded = true;
    })();
    this.#loading.catch(() => (this.#loading = undefined));
    return this.#loading;
  }

  get(projectId: string | null | undefined): Project | undefined {
    return projectId ? this.list.find((project) => project.id === projectId) : undefined;
  }

  upsert(project: Project) {
    const index = this.list.findIndex((item) => item.id === project.id);
    if (index === -1) this.list = [...this.list, project].sort((a, b) => a.name.localeCompare(b.name));
    else this.list[index] = project;
  }

  /** A project's states in board order; the default workflow for tasks without a project. */
  workflow(projectId: string | null | undefined): Promise<WorkflowState[]> {
    if (!projectId) return Promise.resolve([...DEFAULT_STATES]);
    let cached = this.#workflows.get(projectId);
    if (!cached) {
      cached = unwrap(
        api.GET('/v1/taskodex/projects/{projectId}/workflow', { params: { path: { projectId } } }),
      ).then((workflow) => workflow.states);
      cached.catch(() => this.#workflows.delete(projectId));
      this.#workflows.set(projectId, cached);
    }
    return cached;
  }

  /** After the workflow editor saved: boards opened later show the new columns. */
  setWorkflow(projectId: string, states: WorkflowState[]) {
    this.#workflows.set(projectId, Promise.resolve(states));
  }
}

export const projects = new Projects();
