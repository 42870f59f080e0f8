import { untrack } from 'svelte';

/**
 * The command palette's commands. The shell registers navigation; a screen
 * adds its own while mounted:
 *
 *   $effect(() => registerCommands([{ id: 'task.new', label: 'Create task', group: 'Taskodex', shortcut: 'C', run: openCreate }]));
 *
 * (registerCommands returns the unregister function, which $effect calls on unmount.)
 */
export interface Command {
  id: string;
  label: string;
  group: string;
  /** Extra words that match (synonyms, the product name…). */
  keywords?: string;
  /** Shown as a hint; the screen binds the key itself. */
  shortcut?: string;
  href?: string;
  run?: () => void;
}

class CommandRegistry {
  #sets: Map<number, readonly Command[]> = $state(new Map());
  #next = 1;

  get all(): Command[] {
    return [...this.#sets.values()].flat();
  }

  /** Called from effects: reads of the registry are untracked so registering never re-runs the caller. */
  register(commands: readonly Command[]): () => void {
    const id = this.#next++;
    this.#sets = new Map(untrack(() => this.#sets)).set(id, commands);
    return () => {
      const next = new Map(untrack(() => this.#sets));
      next.delete(id);
      this.#sets = next;
    };
  }
}

export const commands = new CommandRegistry();

export function registerCommands(list: readonly Command[]): () => void {
  return commands.register(list);
}

/** Case-insensitive subsequence match over label, group and keywords, best first. */
export function filterCommands(list: readonly Command[], query: string): Command[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [...list];
  const scored: { command: Command; score: number }[] = [];
  for (const command of list) {
    const haystack = `${command.label} ${command.group} ${command.keywords ?? ''}`.toLowerCase();
    const label = command.label.toLowerCase();
    let score = -1;
    if (label.startsWith(needle)) score = 3;
    else if (label.includes(needle)) score = 2;
    else if (haystack.includes(needle)) score = 1;
    else if (isSubsequence(needle, haystack)) score = 0;
    if (score >= 0) scored.push({ command, score });
  }
  return scored.sort((a, b) => b.score - a.score).map((entry) => entry.command);
}

function isSubsequence(needle: string, haystack: string): boolean {
  let index = 0;
  for (const char of haystack) {
    if (char === needle[index]) index++;
    if (index === needle.length) return true;
  }
  return false;
}
