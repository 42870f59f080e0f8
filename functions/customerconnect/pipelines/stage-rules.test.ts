import { ValidationError } from '@halooid/shared/errors';
import { describe, expect, it } from 'vitest';
import type { StageInput } from './schemas';
import { checkStages } from './stage-rules';

const open = (name: string, probability: string | number | undefined): StageInput => ({
  name,
  probability,
  kind: 'open',
});
const WON: StageInput = { name: 'Won', kind: 'won' };
const LOST: StageInput = { name: 'Lost', kind: 'lost' };

function fieldsOf(stages: StageInput[]): string[] {
  try {
    checkStages(stages);
  } catch (error) {
    if (error instanceof ValidationError) return error.errors.map((each) => `${each.field} ${each.code}`);
    throw error;
  }
  return [];
}

describe('checkStages', () => {
  it('normalises probabilities to decimal strings and fills won 100 / lost 0', () => {
    expect(checkStages([open('Call', 33.33), open('Demo', '50'), WON, LOST])).toEqual([
      { id: undefined, name: 'Call', probability: '33.33', kind: 'open' },
      { id: undefined, name: 'Demo', probability: '50', kind: 'open' },
      { id: undefined, name: 'Won', probability: '100', kind: 'won' },
      { id: undefined, name: 'Lost', probability: '0', kind: 'lost' },
    ]);
  });

  it('reports every problem with its field path', () => {
    expect(
      fieldsOf([
        open('Call', undefined),
        open('call', '100.5'),
        open('Three', 0.001),
        { name: 'Won', kind: 'won', probability: 90 },
        { name: 'Lost', kind: 'lost', probability: '0.00' },
      ]),
    ).toEqual([
      'body.stages.0.probability required',
      'body.stages.1.probability invalid_probability',
      'body.stages.1.name duplicate_name',
      'body.stages.2.probability invalid_probability',
      'body.stages.3.probability invalid_probability',
    ]);
  });

  it('needs an open, a won and a lost stage, and each id once', () => {
    const id = '0195f0a4-0000-7000-8000-000000000001';
    expect(fieldsOf([{ ...open('A', 10), id }, { ...open('B', 20), id }, WON])).toEqual([
      'body.stages.1.id duplicate_id',
      'body.stages no_lost_stage',
    ]);
  });
});
