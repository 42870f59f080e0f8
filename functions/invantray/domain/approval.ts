import type { ApprovalLevel, ApproverLevel } from './settings';

/**
 * Purchase order approval, as pure rules: which level an order needs (from
 * its total in the base currency against the tenant's `approvalLevels`) and
 * whether a person may give it. The route's permission
 * (`invantray:procurement:approve`) is checked before these run.
 */
export type RequiredApproval = 'none' | ApproverLevel;

/**
 * Compares two non-negative decimal strings exactly ("5000.01" > "5000"),
 * by digits, never through floats.
 */
export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const [aWhole = '0', aFraction = ''] = a.split('.');
  const [bWhole = '0', bFraction = ''] = b.split('.');
  const wholeA = aWhole.replace(/^0+(?=\d)/, '');
  const wholeB = bWhole.replace(/^0+(?=\d)/, '');
  if (wholeA.length !== wholeB.length) return wholeA.length < wholeB.length ? -1 : 1;
  const places = Math.max(aFraction.length, bFraction.length);
  const digitsA = wholeA + aFraction.padEnd(places, '0');
  const digitsB = wholeB + bFraction.padEnd(places, '0');
  if (digitsA === digitsB) return 0;
  return digitsA < digitsB ? -1 : 1;
}

/**
 * The approval an order of `totalInBase` needs: the approver of the highest
 * level whose `above` it exceeds (strictly), or `none` below every level.
 */
export function requiredApprovalFor(totalInBase: string, levels: readonly ApprovalLevel[]): RequiredApproval {
  let required: RequiredApproval = 'none';
  for (const level of levels) if (compareDecimals(totalInBase, level.above) > 0) required = level.approver;
  return required;
}

/**
 * What is wrong with a list of levels, or undefined when it is fine: at most
 * five, amounts strictly ascending, and never a weaker approver above an
 * Owner level (a larger order must not need less than a smaller one).
 */
export function approvalLevelsProblem(levels: readonly ApprovalLevel[]): string | undefined {
  if (levels.length > 5) return 'At most 5 approval levels.';
  for (let index = 1; index < levels.length; index++) {
    const previous = levels[index - 1] as ApprovalLevel;
    const level = levels[index] as ApprovalLevel;
    if (compareDecimals(level.above, previous.above) <= 0)
      return 'Approval levels must be in strictly ascending order of amount.';
    if (previous.approver === 'owner' && level.approver !== 'owner')
      return 'A level above an Owner level must also need an Owner.';
  }
  return undefined;
}

export interface Approver {
  /** The approving user, or null for an API key (approvals are a person's decision). */
  userId: string | null;
  isOwner: boolean;
}

export interface OrderToApprove {
  requiredApproval: RequiredApproval | null;
  createdBy: string | null;
  submittedBy: string | null;
}

/**
 * Why `approver` may not approve `order`, or undefined when they may:
 * separation of duties (never the order's creator or submitter), a signed-in
 * person (an API key cannot approve), and an Owner for the `owner` level.
 */
export function approvalRefusal(order: OrderToApprove, approver: Approver): string | undefined {
  if (approver.userId === null) return 'Purchase orders are approved by a person, not with an API key.';
  if (approver.userId === order.createdBy)
    return 'You created this purchase order; someone else must approve it.';
  if (approver.userId === order.submittedBy)
    return 'You submitted this purchase order; someone else must approve it.';
  if (order.requiredApproval === 'owner' && !approver.isOwner)
    return 'This purchase order is above the Owner approval level: only an Owner of the tenant may approve it.';
  return undefined;
}
