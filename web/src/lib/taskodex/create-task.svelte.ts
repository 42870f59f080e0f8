/**
 * Opens the create-task dialog (mounted once in the Taskodex layout) from
 * anywhere: the C shortcut, the command palette, a board column's "+".
 * Screens say what a new task defaults to (their project, a column's state).
 */
export interface CreateDefaults {
  projectId?: string | null;
  status?: string;
  parentId?: string | null;
  assigneeId?: string | null;
}

type Listener = (task: import('./types').Task) => void;

class CreateTask {
  open = $state(false);
  defaults: CreateDefaults = $state({});
  /** The screen's defaults when the dialog opens without explicit ones (C on a project page). */
  context: CreateDefaults = $state({});
  #listeners = new Set<Listener>();

  show(defaults?: CreateDefaults) {
    this.defaults = { ...this.context, ...defaults };
    this.open = true;
  }

  /** Screens listen to add the new task to what they show; returns the unsubscribe. */
  onCreated(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  created(task: import('./types').Task) {
    for (const listener of this.#listeners) listener(task);
  }
}

export const createTask = new CreateTask();
