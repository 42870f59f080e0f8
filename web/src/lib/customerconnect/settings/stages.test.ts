import { describe, expect, it } from 'vitest';
import { moveStage, type StageDraft, stagesBody, stagesProblem, standardStages, withKind } from './stages';

const row = (name: string, kind: StageDraft['kind'], probability: string, id?: string): StageDraft => ({
  ...(id ? { id } : {}),
  key: name,
  name,
  kind,
  probability,
});

describe('stage editor', () => {
  it('moves rows and clamps at the ends', () => {
    const rows = [row('a', 'open', '1'), row('b', 'open', '2'), row('c', 'won', '100')];
    expect(moveStage(rows, 0, 1).map((item) => item.name)).toEqual(['b', 'a', 'c']);
    expect(moveStage(rows, 2, 5).map((item) => item.name)).toEqual(['a', 'b', 'c']);
    expect(moveStage(rows, 1, -1).map((item) => item.name)).toEqual(['b', 'a', 'c']);
  });

  it('fixes the probability of won and lost stages', () => {
    expect(withKind(row('x', 'open', '40'), 'won').probability).toBe('100');
    expect(withKind(row('x', 'open', '40'), 'lost').probability).toBe('0');
    expect(withKind(row('x', 'won', '100'), 'open').probability).toBe('100');
  });

  it('needs an open, a won and a lost stage with valid probabilities', () => {
    expect(stagesProblem(standardStages())).toBe('');
    expect(stagesProblem([row('a', 'open', '10'), row('w', 'won', '100')])).toBe(
      'Add at least one lost stage.',
    );
    expect(stagesProblem([row('a', 'open', '101'), row('w', 'won', '100'), row('l', 'lost', '0')])).toMatch(
      /^a:/,
    );
    expect(
      stagesProblem([row('a', 'open', '33.333'), row('w', 'won', '100'), row('l', 'lost', '0')]),
    ).toMatch(/^a:/);
    expect(stagesProblem([row(' ', 'open', '5'), row('w', 'won', '100'), row('l', 'lost', '0')])).toBe(
      'Name every stage.',
    );
  });

  it('sends ids of existing stages and probabilities of open ones only', () => {
    expect(stagesBody([row(' Lead ', 'open', ' 12.5 ', 's1'), row('Won', 'won', '100')])).toEqual([
      { id: 's1', name: 'Lead', kind: 'open', probability: '12.5' },
      { name: 'Won', kind: 'won' },
    ]);
  });
});
