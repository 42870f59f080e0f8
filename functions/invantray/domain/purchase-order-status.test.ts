import { AppError } from '@halooid/shared/errors';
import { describe, expect, it } from 'vitest';
import { allowedActions, type Caller, canTake, type OrderState, statusAfter } from './purchase-order-status';

describe('the purchase order state machine', () => {
  it('submits to approved when no approval is needed, else to submitted', () => {
    expect(statusAfter('draft', 'submit', 'none')).toBe('approved');
    expect(statusAfter('draft', 'submit', 'approve_permission')).toBe('submitted');
    expect(statusAfter('draft', 'submit', 'owner')).toBe('submitted');
  });

  it('approves or rejects (back to draft) a submitted order, then sends it', () => {
    expect(statusAfter('submitted', 'approve')).toBe('approved');
    expect(statusAfter('submitted', 'reject')).toBe('draft');
    expect(statusAfter('approved', 'send')).toBe('sent');
  });

  it('cancels before receipt and closes after it', () => {
    for (const status of ['draft', 'submitted', 'approved', 'sent'] as const)
      expect(statusAfter(status, 'cancel')).toBe('cancelled');
    for (const status of ['partially_received', 'received'] as const)
      expect(statusAfter(status, 'close')).toBe('closed');
    expect(canTake('partially_received', 'cancel')).toBe(false);
    expect(canTake('sent', 'close')).toBe(false);
  });

  it('answers a wrong from-status with a 409 invalid_transition naming status and action', () => {
    const attempt = () => statusAfter('sent', 'approve');
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ status: 409, code: 'invalid_transition' });
      expect((error as AppError).extensions).toEqual({ currentStatus: 'sent', action: 'approve' });
    }
    for (const status of ['closed', 'cancelled'] as const)
      for (const action of ['submit', 'approve', 'reject', 'send', 'cancel', 'close'] as const)
        expect(canTake(status, action)).toBe(false);
  });
});

describe('allowedActions', () => {
  const buyer: Caller = {
    userId: 'buyer',
    isOwner: false,
    mayOrder: true,
    mayApprove: true,
    mayReceive: false,
  };
  const approver: Caller = { ...buyer, userId: 'approver', mayOrder: false };
  const warehouse: Caller = {
    userId: 'wh',
    isOwner: false,
    mayOrder: false,
    mayApprove: false,
    mayReceive: true,
  };
  const order = (state: Partial<OrderState>): OrderState => ({
    status: 'draft',
    requiredApproval: null,
    createdBy: 'buyer',
    submittedBy: null,
    nothingReceived: true,
    ...state,
  });

  it('offers edit, submit and cancel on a draft to whoever orders', () => {
    expect(allowedActions(order({}), buyer)).toEqual(['edit', 'submit', 'cancel']);
    expect(allowedActions(order({}), warehouse)).toEqual([]);
  });

  it('offers approve and reject to another approver, never to the creator', () => {
    const submitted = order({
      status: 'submitted',
      requiredApproval: 'approve_permission',
      submittedBy: 'buyer',
    });
    expect(allowedActions(submitted, buyer)).toEqual(['cancel']);
    expect(allowedActions(submitted, approver)).toEqual(['approve', 'reject']);
    const big = { ...submitted, requiredApproval: 'owner' as const };
    expect(allowedActions(big, approver)).toEqual([]);
    expect(allowedActions(big, { ...approver, isOwner: true })).toEqual(['approve', 'reject']);
  });

  it('offers receive on a sent order to the warehouse, close once something arrived', () => {
    expect(allowedActions(order({ status: 'sent' }), warehouse)).toEqual(['receive']);
    expect(allowedActions(order({ status: 'sent' }), buyer)).toEqual(['cancel']);
    const partly = order({ status: 'partially_received', nothingReceived: false });
    expect(allowedActions(partly, buyer)).toEqual(['close']);
    expect(allowedActions(partly, warehouse)).toEqual(['receive']);
  });
});
