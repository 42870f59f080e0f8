import type { StateGroup, WorkflowState } from '../types';

/**
 * The workflow editor's rules, apart from the screen: a state's key is what
 * tasks store, so existing states keep theirs when renamed; a new state gets
 * one from its name, unique in the workflow.
 */

/** "Ready for QA" → "ready_for_qa"; a letter first, 30 characters at most (the API's key rule). */
export function keyFromName(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 26) || 'state';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

export const GROUP_COLOURS: Record<StateGroup, string> = {
  backlog: '#8b8b96',
  unstarted: '#6366f1',
  started: '#d97706',
  completed: '#16a34a',
  cancelled: '#6b7280',
};

/** A state being edited; `isNew` until saved (its key still follows its name). */
export interface DraftState extends WorkflowState {
  isNew: boolean;
}

export function toDrafts(states: readonly WorkflowState[]): DraftState[] {
  return states.map((state) => ({ ...state, isNew: false }));
}

export function addState(drafts: readonly DraftState[], name = 'New state'): DraftState[] {
  const key = keyFromName(name, new Set(drafts.map((state) => state.key)));
  return [...drafts, { key, name, colour: GROUP_COLOURS.started, group: 'started', isNew: true }];
}

export function moveState(drafts: readonly DraftState[], index: number, by: -1 | 1): DraftState[] {
  const to = index + by;
  if (to < 0 || to >= drafts.length) return [...drafts];
  const next = [...drafts];
  const [moved] = next.splice(index, 1);
  if (moved) next.splice(to, 0, moved);
  return next;
}

/** A new state's key follows its name; a saved one's never changes. */
export function renameState(drafts: readonly DraftState[], index: number, name: string): DraftState[] {
  return drafts.map((state, i) => {
    if (i !== index) return state;
    if (!state.isNew) return { ...state, name };
    const taken = new Set(drafts.filter((_, j) => j !== index).map((other) => other.key));
    return { ...state, name, key: keyFromName(name, taken) };
  });
}

/** Saved states that are no longer in the draft: their tasks need somewhere to go. */
export function removedStates(
  saved: readonly WorkflowState[],
  drafts: readonly DraftState[],
): WorkflowState[] {
  const keys = new Set(drafts.map((state) => state.key));
  return saved.filter((state) => !keys.has(state.key));
}

/** Problems to fix before saving, in words; empty when the workflow can be saved. */
export function workflowProblems(drafts: readonly DraftState[]): string[] {
  const problems: string[] = [];
  if (drafts.length === 0) problems.push('Keep at least one state.');
  if (drafts.some((state) => !state.name.trim())) problems.push('Every state needs a name.');
  if (!drafts.some((state) => state.group === 'completed'))
    problems.push('At least one state must be in the Completed group, so tasks can be finished.');
  const names = drafts.map((state) => state.name.trim().toLowerCase());
  if (new Set(names).size !== names.length) problems.push('Two states have the same name.');
  return problems;
}

/**
 * The PUT body: the states in order, and where the tasks of removed states
 * go (only those the user chose; the API's 409 names any it still needs).
 */
export function workflowBody(drafts: readonly DraftState[], moves: Record<string, string>) {
  const keys = new Set(drafts.map((state) => state.key));
  const moveTasksTo = Object.fromEntries(
    Object.entries(moves).filter(([from, to]) => to && keys.has(to) && !keys.has(from)),
  );
  return {
    states: drafts.map(({ key, name, colour, group }) => ({ key, name: name.trim(), colour, group })),
    ...(Object.keys(moveTasksTo).length > 0 ? { moveTasksTo } : {}),
  };
}

/** The state key a 409 `state_in_use` is about: `… the state "qa"; move them first …`. */
export function stateInUse(detail: string): string | undefined {
  return /the state "([^"]+)"/.exec(detail)?.[1];
}
