import { describe, expect, it } from 'vitest';
import { describeActivity } from './activity-text';
import type { Activity } from './types';

const entry = (kind: string, field: string | null, from: unknown, to: unknown): Activity => ({
  id: 'a',
  taskId: 't',
  actorId: 'u',
  kind,
  field,
  from,
  to,
  createdAt: '2026-11-25T10:00:00.000Z',
});
const names = (id: string) => (id === 'u2' ? 'Adam Admin' : 'Someone');

describe('describeActivity', () => {
  it('says what changed in words, with people by name', () => {
    expect(describeActivity(entry('updated', 'priority', 'medium', 'high'), names)).toBe(
      'changed the priority from medium to high',
    );
    expect(describeActivity(entry('updated', 'assigneeId', null, 'u2'), names)).toBe(
      'changed the assignee from nothing to Adam Admin',
    );
    expect(describeActivity(entry('updated', 'labels', ['a'], ['a', 'b']), names)).toBe(
      'changed the labels from a to a, b',
    );
    expect(describeActivity(entry('created', null, null, null), names)).toBe('created the task');
    expect(describeActivity(entry('comment', null, null, { action: 'added' }), names)).toBe('commented');
    expect(describeActivity(entry('relation', null, null, { type: 'blocked_by' }), names)).toBe(
      'added a relation (blocked by)',
    );
    expect(
      describeActivity(
        entry('stock_issued', null, null, { sku: 'PUMP-1', quantity: '2.5', unit: 'each' }),
        names,
      ),
    ).toBe('issued 2.5 each of PUMP-1 from stock');
  });
});
