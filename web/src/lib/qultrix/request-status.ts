import type { LeaveRequest } from './types';

/** What a request's status says to people, and which actions it still allows. */

export function statusLabel(request: Pick<LeaveRequest, 'status' | 'currentStep' | 'approval'>): string {
  if (request.status !== 'pending') return request.status[0]?.toUpperCase() + request.status.slice(1);
  if (request.approval === 'manager_then_hr')
    return request.currentStep === 2 ? 'Waiting for HR' : 'Waiting for manager';
  return 'Pending';
}

export function statusTone(status: LeaveRequest['status']): 'warning' | 'success' | 'danger' | 'neutral' {
  if (status === 'pending') return 'warning';
  if (status === 'approved') return 'success';
  if (status === 'rejected') return 'danger';
  return 'neutral';
}

/** Pending, or approved and not over yet: the API's cancel rule (a past absence stays on record). */
export function canCancel(request: Pick<LeaveRequest, 'status' | 'end'>, today: string): boolean {
  return request.status === 'pending' || (request.status === 'approved' && request.end >= today);
}
