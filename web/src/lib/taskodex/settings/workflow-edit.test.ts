import { describe, expect, it } from 'vitest';
import { DEFAULT_STATES } from '../workflow';
import {
  addState,
  keyFromName,
  moveState,
  removedStates,
  renameState,
  stateInUse,
  toDrafts,
  workflowBody,
  workflowProblems,
} from './workflow-edit';

describe('workflow editing', () => {
  it('makes a unique state key from a name', () => {
    expect(keyFromName('Ready for QA', new Set())).toBe('ready_for_qa');
    expect(keyFromName('2nd look', new Set())).toBe('nd_look');
    expect(keyFromName('Done', new Set(['done']))).toBe('done_2');
    expect(keyFromName('!!!', new Set())).toBe('state');
  });

  it('keeps a saved state’s key on rename, a new one follows its name', () => {
    const drafts = addState(toDrafts(DEFAULT_STATES));
    const renamed = renameState(renameState(drafts, 0, 'Icebox'), drafts.length - 1, 'QA');
    expect(renamed[0]).toMatchObject({ key: 'backlog', name: 'Icebox' });
    expect(renamed.at(-1)).toMatchObject({ key: 'qa', name: 'QA', isNew: true });
  });

  it('reorders and reports removed states', () => {
    const drafts = moveState(toDrafts(DEFAULT_STATES), 1, -1);
    expect(drafts.slice(0, 2).map((state) => state.key)).toEqual(['todo', 'backlog']);
    expect(moveState(drafts, 0, -1)).toEqual(drafts);
    const without = drafts.filter((state) => state.key !== 'in_review');
    expect(removedStates(DEFAULT_STATES, without).map((state) => state.key)).toEqual(['in_review']);
  });

  it('says what blocks a save', () => {
    const noDone = toDrafts(DEFAULT_STATES).filter((state) => state.group !== 'completed');
    expect(workflowProblems(noDone)).toEqual([
      'At least one state must be in the Completed group, so tasks can be finished.',
    ]);
    expect(workflowProblems(renameState(toDrafts(DEFAULT_STATES), 0, ' '))).toContain(
      'Every state needs a name.',
    );
    expect(workflowProblems(toDrafts(DEFAULT_STATES))).toEqual([]);
  });

  it('sends only moves of removed states to remaining ones', () => {
    const drafts = toDrafts(DEFAULT_STATES).filter((state) => state.key !== 'in_review');
    const body = workflowBody(drafts, { in_review: 'in_progress', todo: 'done', backlog: '' });
    expect(body.moveTasksTo).toEqual({ in_review: 'in_progress' });
    expect(body.states[0]).toEqual({ key: 'backlog', name: 'Backlog', colour: '#8b8b96', group: 'backlog' });
    expect(workflowBody(drafts, {})).not.toHaveProperty('moveTasksTo');
  });

  it('reads the state a 409 is about', () => {
    expect(
      stateInUse('2 tasks still use the state "doing"; move them first or send moveTasksTo.doing.'),
    ).toBe('doing');
    expect(stateInUse('Version mismatch')).toBeUndefined();
  });
});
