import { describe, expect, it } from 'vitest';
import { canCancel, statusLabel } from './request-status';

describe('request status', () => {
  it('names the step a two-level request waits for', () => {
    expect(statusLabel({ status: 'pending', currentStep: 1, approval: 'manager_then_hr' })).toBe(
      'Waiting for manager',
    );
    expect(statusLabel({ status: 'pending', currentStep: 2, approval: 'manager_then_hr' })).toBe(
      'Waiting for HR',
    );
    expect(statusLabel({ status: 'pending', currentStep: 1, approval: 'manager' })).toBe('Pending');
    expect(statusLabel({ status: 'approved', currentStep: null, approval: 'manager' })).toBe('Approved');
  });

  it('lets pending and not yet ended approved requests be cancelled', () => {
    expect(canCancel({ status: 'pending', end: '2026-01-01' }, '2026-12-06')).toBe(true);
    expect(canCancel({ status: 'approved', end: '2026-12-06' }, '2026-12-06')).toBe(true);
    expect(canCancel({ status: 'approved', end: '2026-12-05' }, '2026-12-06')).toBe(false);
    expect(canCancel({ status: 'rejected', end: '2027-01-01' }, '2026-12-06')).toBe(false);
  });
});
