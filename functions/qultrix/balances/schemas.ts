import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';
import { decimalString } from '../domain/leave-policy';

/** Balances and their ledger. Every amount is an exact decimal string in the leave type's unit. */

export const LedgerKind = z.enum(['accrual', 'taken', 'adjustment', 'carry_over', 'expiry', 'reversal']);

export const BalanceParams = z.strictObject({ employeeId: z.uuid() });
export const LedgerParams = z.strictObject({ employeeId: z.uuid(), leaveTypeId: z.uuid() });

export const LeaveTypeBalance = z.object({
  leaveTypeId: z.uuid(),
  leaveTypeName: z.string(),
  unit: z.enum(['days', 'hours']),
  archived: z.boolean(),
  balance: z
    .string()
    .meta({ description: 'The sum of the ledger rows (may be negative after an adjustment).' }),
  pending: z.string().meta({ description: 'The sum of the pending requests.' }),
  available: z.string().meta({ description: 'balance − pending: what a new request may still spend.' }),
});

export const EmployeeBalances = z.object({
  employeeId: z.uuid(),
  asOf: z.iso.datetime().meta({ description: 'When these sums were read.' }),
  items: z.array(LeaveTypeBalance),
});
export type EmployeeBalances = z.infer<typeof EmployeeBalances>;

export const LedgerEntry = z.object({
  id: z.uuid(),
  kind: LedgerKind,
  amount: z
    .string()
    .meta({ description: 'Signed: accrual, carry-over and reversal add; taken and expiry subtract.' }),
  effectiveDate: z.iso.date(),
  period: z.string().nullable().meta({ description: 'The accrual or year-end period: "2026-07" or "2026".' }),
  requestId: z.uuid().nullable(),
  policyId: z.uuid().nullable(),
  note: z.string().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const LedgerQuery = z.strictObject({
  ...paginationQuery,
  kind: LedgerKind.optional().meta({ description: 'Only rows of this kind.' }),
});
export type LedgerQuery = z.output<typeof LedgerQuery>;

export const AdjustmentBody = z.strictObject({
  amount: decimalString({ integerDigits: 4, scale: 3, signed: true })
    .refine((value) => Number(value) !== 0, 'An amount other than 0.')
    .refine((value) => Math.abs(Number(value)) <= 1000, 'At most 1000 either way.')
    .meta({ description: 'Signed, in the leave type’s unit: "2" adds two days, "-0.5" removes half a day.' }),
  note: displayText().min(1).max(500).meta({ description: 'Why: the ledger shows it to the employee.' }),
  allowNegative: z
    .boolean()
    .default(false)
    .meta({ description: 'Allow the adjustment to leave less than nothing available (an advance).' }),
});
export type AdjustmentInput = z.output<typeof AdjustmentBody>;

export const Adjustment = z.object({
  entry: LedgerEntry,
  balance: LeaveTypeBalance.pick({ balance: true, pending: true, available: true }),
});
export type Adjustment = z.infer<typeof Adjustment>;
