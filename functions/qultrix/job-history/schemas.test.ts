import { describe, expect, it } from 'vitest';
import { RecordJobChangeBody } from './schemas';

describe('RecordJobChangeBody', () => {
  const id = '0190a5d2-7c1e-7000-8000-000000000001';

  it('keeps null (clear the field) apart from absent (leave it alone)', () => {
    const parsed = RecordJobChangeBody.parse({
      kind: 'transfer',
      effectiveDate: '2026-05-01',
      changes: { departmentId: id, managerId: null },
    });

    expect(parsed.changes).toEqual({ departmentId: id, managerId: null });
    expect(Object.keys(parsed.changes)).not.toContain('positionId');
  });

  it('needs something to change or a compensation row to link', () => {
    expect(RecordJobChangeBody.safeParse({ kind: 'raise', effectiveDate: '2026-05-01' }).success).toBe(false);
    expect(
      RecordJobChangeBody.safeParse({ kind: 'raise', effectiveDate: '2026-05-01', compensationId: id })
        .success,
    ).toBe(true);
  });

  it('refuses unknown kinds, unknown fields and fields the change does not own', () => {
    const base = { effectiveDate: '2026-05-01', changes: { positionId: id } };
    expect(RecordJobChangeBody.safeParse({ ...base, kind: 'demotion' }).success).toBe(false);
    expect(RecordJobChangeBody.safeParse({ ...base, kind: 'other', extra: 1 }).success).toBe(false);
    expect(
      RecordJobChangeBody.safeParse({
        kind: 'other',
        effectiveDate: '2026-05-01',
        changes: { status: 'terminated' },
      }).success,
    ).toBe(false);
  });
});
