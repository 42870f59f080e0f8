import { describe, expect, it } from 'vitest';
import { approvalHint, buttonActions, timeline } from './order-status';
import type { Order } from './types';

const order = (patch: Partial<Order>): Order =>
  ({
    status: 'draft',
    createdAt: '2025-01-01T00:00:00Z',
    submittedAt: null,
    approvedAt: null,
    sentAt: null,
    receivedAt: null,
    closedAt: null,
    cancelledAt: null,
    createdBy: 'buyer',
    submittedBy: null,
    requiredApproval: null,
    allowedActions: [],
    ...patch,
  }) as Order;

describe('timeline', () => {
  it('marks the steps an order went through', () => {
    const steps = timeline(
      order({ status: 'partially_received', submittedAt: 'a', approvedAt: 'b', sentAt: 'c' }),
    );
    expect(steps.map((step) => [step.label, step.done])).toEqual([
      ['Created', true],
      ['Submitted', true],
      ['Approved', true],
      ['Sent', true],
      ['Partially received', true],
      ['Closed', false],
    ]);
  });

  it('ends a cancelled order at its cancellation', () => {
    const steps = timeline(order({ status: 'cancelled', submittedAt: 'a', cancelledAt: 'z' }));
    expect(steps.map((step) => step.label)).toEqual(['Created', 'Submitted', 'Cancelled']);
  });
});

describe('buttonActions', () => {
  it('keeps the actions that are buttons, in the API order', () => {
    expect(buttonActions(['edit', 'submit', 'receive', 'close', 'cancel'])).toEqual([
      'submit',
      'close',
      'cancel',
    ]);
  });
});

describe('approvalHint', () => {
  const submitted = order({ status: 'submitted', createdBy: 'buyer', submittedBy: 'buyer' });

  it('tells the creator someone else must approve', () => {
    expect(approvalHint(submitted, { userId: 'buyer', mayApprove: true })).toBe(
      'You created this order; someone else must approve it.',
    );
  });

  it('tells an approver below the Owner level why not', () => {
    const large = order({ status: 'submitted', requiredApproval: 'owner', createdBy: 'x' });
    expect(approvalHint(large, { userId: 'admin', mayApprove: true })).toMatch(/only an Owner/);
  });

  it('says nothing when the approver may approve, or the order is not waiting', () => {
    expect(
      approvalHint(
        { ...submitted, allowedActions: ['approve', 'reject'] },
        { userId: 'a', mayApprove: true },
      ),
    ).toBeUndefined();
    expect(
      approvalHint(order({ status: 'approved' }), { userId: 'buyer', mayApprove: true }),
    ).toBeUndefined();
  });

  it('tells someone without the permission who it waits for', () => {
    expect(approvalHint(submitted, { userId: 'clerk', mayApprove: false })).toMatch(
      /Waiting for an approver/,
    );
  });
});
