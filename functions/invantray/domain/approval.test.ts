import { describe, expect, it } from 'vitest';
import { approvalLevelsProblem, approvalRefusal, compareDecimals, requiredApprovalFor } from './approval';
import { DEFAULT_SETTINGS } from './settings';

const LEVELS = DEFAULT_SETTINGS.approvalLevels; // above 5000 → approve_permission, above 50000 → owner

describe('compareDecimals', () => {
  it.each([
    ['5000', '5000.00', 0],
    ['5000.01', '5000', 1],
    ['4999.99', '5000.00', -1],
    ['10000', '9999.999999', 1],
    ['0.5', '0.45', 1],
    ['007', '7', 0],
    ['0', '0.00', 0],
  ] as const)('%s against %s is %i', (a, b, expected) => {
    expect(compareDecimals(a, b)).toBe(expected);
  });
});

describe('requiredApprovalFor', () => {
  it('needs nothing at or below the first level (strictly above it needs an approver)', () => {
    expect(requiredApprovalFor('4999.99', LEVELS)).toBe('none');
    expect(requiredApprovalFor('5000.00', LEVELS)).toBe('none');
  });

  it('needs the approve permission above 5,000 and an Owner above 50,000', () => {
    expect(requiredApprovalFor('5000.01', LEVELS)).toBe('approve_permission');
    expect(requiredApprovalFor('50000.00', LEVELS)).toBe('approve_permission');
    expect(requiredApprovalFor('50000.01', LEVELS)).toBe('owner');
    expect(requiredApprovalFor('123456789.00', LEVELS)).toBe('owner');
  });

  it('needs nothing when the tenant has no levels', () => {
    expect(requiredApprovalFor('1000000', [])).toBe('none');
  });
});

describe('approvalLevelsProblem', () => {
  it('accepts the defaults and an empty list', () => {
    expect(approvalLevelsProblem(LEVELS)).toBeUndefined();
    expect(approvalLevelsProblem([])).toBeUndefined();
  });

  it('refuses amounts that do not ascend strictly', () => {
    expect(
      approvalLevelsProblem([
        { above: '5000', approver: 'approve_permission' },
        { above: '5000.00', approver: 'owner' },
      ]),
    ).toMatch(/ascending/);
  });

  it('refuses a weaker approver above an Owner level', () => {
    expect(
      approvalLevelsProblem([
        { above: '100', approver: 'owner' },
        { above: '200', approver: 'approve_permission' },
      ]),
    ).toMatch(/Owner/);
  });

  it('refuses more than five levels', () => {
    const six = [1, 2, 3, 4, 5, 6].map((n) => ({ above: String(n), approver: 'owner' as const }));
    expect(approvalLevelsProblem(six)).toMatch(/At most 5/);
  });
});

describe('approvalRefusal', () => {
  const order = {
    requiredApproval: 'approve_permission' as const,
    createdBy: 'creator',
    submittedBy: 'submitter',
  };

  it('lets someone else approve', () => {
    expect(approvalRefusal(order, { userId: 'approver', isOwner: false })).toBeUndefined();
  });

  it('never lets the creator or the submitter approve, not even an Owner', () => {
    expect(approvalRefusal(order, { userId: 'creator', isOwner: true })).toMatch(/created/);
    expect(approvalRefusal(order, { userId: 'submitter', isOwner: true })).toMatch(/submitted/);
  });

  it('refuses an API key', () => {
    expect(approvalRefusal(order, { userId: null, isOwner: false })).toMatch(/API key/);
  });

  it('needs an Owner at the owner level', () => {
    const big = { ...order, requiredApproval: 'owner' as const };
    expect(approvalRefusal(big, { userId: 'approver', isOwner: false })).toMatch(/Owner/);
    expect(approvalRefusal(big, { userId: 'approver', isOwner: true })).toBeUndefined();
  });
});
