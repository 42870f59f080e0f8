import { describe, expect, it } from 'vitest';
import { toProblem } from './problem';

describe('toProblem', () => {
  it('keeps scalar extension members (a duplicate names the existing record)', () => {
    const problem = toProblem(409, {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'A contact with this email exists.',
      code: 'duplicate_contact',
      existingId: 'c1',
      nested: { no: true },
    });
    expect(problem.extensions).toEqual({ existingId: 'c1' });
  });

  it('has no extensions when there are none', () => {
    expect(toProblem(400, { title: 'Bad', detail: 'x' }).extensions).toBeUndefined();
  });
});
