import { describe, expect, it } from 'vitest';
import { allowedActions, nextStatus, REQUISITION_STATUSES, startsFrom } from './requisition-status';

describe('requisition status', () => {
  it('moves draft → submitted → approved → ordered, or to rejected or cancelled', () => {
    expect(nextStatus('submit', 'draft')).toBe('submitted');
    expect(nextStatus('approve', 'submitted')).toBe('approved');
    expect(nextStatus('reject', 'submitted')).toBe('rejected');
    expect(nextStatus('order', 'approved')).toBe('ordered');
    expect(nextStatus('cancel', 'approved')).toBe('cancelled');
    expect(nextStatus('edit', 'draft')).toBe('draft');
  });

  it('refuses every action from a final status and cancelling once ordered', () => {
    for (const status of ['rejected', 'ordered', 'cancelled'] as const)
      expect(allowedActions(status, { isRequester: true, isBuyer: true })).toEqual([]);
    expect(startsFrom('cancel', 'ordered')).toBe(false);
    expect(startsFrom('approve', 'draft')).toBe(false);
    expect(startsFrom('order', 'submitted')).toBe(false);
  });

  it('lets the requester edit, submit and cancel their own, and a buyer decide on others’ only', () => {
    const requester = { isRequester: true, isBuyer: false };
    const buyer = { isRequester: false, isBuyer: true };
    const buyerOwn = { isRequester: true, isBuyer: true };
    const bystander = { isRequester: false, isBuyer: false };

    expect(allowedActions('draft', requester)).toEqual(['edit', 'submit', 'cancel']);
    expect(allowedActions('draft', buyer)).toEqual([]);
    expect(allowedActions('submitted', requester)).toEqual(['cancel']);
    expect(allowedActions('submitted', buyer)).toEqual(['approve', 'reject']);
    expect(allowedActions('submitted', buyerOwn)).toEqual(['cancel']);
    expect(allowedActions('approved', buyer)).toEqual(['order']);
    expect(allowedActions('approved', buyerOwn)).toEqual(['cancel', 'order']);
    for (const status of REQUISITION_STATUSES) expect(allowedActions(status, bystander)).toEqual([]);
  });
});
