import { calendarDate, YEARS_NOTE } from '@halooid/shared/calendar';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';
import { Compensation, PayFrequency } from '../domain/compensation-schema';

export { Compensation, PayFrequency } from '../domain/compensation-schema';

/**
 * Compensation and identifiers: effective-dated history rows. Amounts are
 * exact decimal strings (never JS numbers); a currency is an ISO 4217 code.
 * Identifiers and the bank account are free of format rules beyond their
 * length and character set: national ids and account numbers differ by
 * country, and a wrong refusal blocks payroll worse than a typo HR corrects
 * with a newer row.
 */

export const EmployeeParams = z.object({ employeeId: z.uuid() });

/** A salary: up to 13 integer digits and 4 decimals (numeric(17,4) territory), above zero. */
export const Salary = z
  .string()
  .max(18)
  .regex(/^\d{1,13}(\.\d{1,4})?$/, 'An exact decimal amount such as "85000" or "41.25".')
  .refine((value) => /[1-9]/.test(value), 'An amount above 0.')
  .meta({ description: 'Exact decimal string, up to 4 decimals, such as "85000.00" or "41.25".' });

export const Currency = z
  .string()
  .max(3)
  .regex(/^[A-Z]{3}$/, 'An ISO 4217 code such as "EUR".')
  .meta({ description: 'ISO 4217 currency code.' });

const reason = displayText().min(1).max(500);
const effectiveDate = calendarDate().meta({ description: `The day it takes effect. ${YEARS_NOTE}` });

export const AddCompensationBody = z.strictObject({
  salary: Salary,
  currency: Currency,
  payFrequency: PayFrequency,
  effectiveDate,
  reason: reason.optional(),
});
export type AddCompensationInput = z.infer<typeof AddCompensationBody>;

export const CompensationHistory = z.object({ items: z.array(Compensation) });

const accountText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9 ./-]+$/, 'Letters, digits, spaces and . / - only.');

export const BankAccount = z.strictObject({
  iban: accountText(42)
    .transform((value) => value.replaceAll(' ', '').toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, 'An IBAN such as "DE89370400440532013000".'))
    .optional(),
  accountNumber: accountText(34).optional(),
  routingNumber: accountText(20).optional(),
  bankName: displayText().min(1).max(100).optional(),
});

export const AddIdentifiersBody = z
  .strictObject({
    nationalId: accountText(40).nullable().optional(),
    bankAccount: BankAccount.nullable().optional(),
    effectiveDate,
    reason: reason.optional(),
  })
  .refine((body) => body.nationalId || body.bankAccount, {
    message: 'Send a nationalId, a bankAccount or both.',
    path: ['nationalId'],
  })
  .refine((body) => !body.bankAccount || body.bankAccount.iban || body.bankAccount.accountNumber, {
    message: 'A bank account needs an IBAN or an account number.',
    path: ['bankAccount', 'iban'],
  });
export type AddIdentifiersInput = z.infer<typeof AddIdentifiersBody>;

export const Identifiers = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  effectiveDate: z.iso.date(),
  nationalId: z.string().nullable(),
  bankAccount: z
    .object({
      iban: z.string().optional(),
      accountNumber: z.string().optional(),
      routingNumber: z.string().optional(),
      bankName: z.string().optional(),
    })
    .nullable(),
  reason: z.string().nullable(),
  current: z
    .boolean()
    .meta({ description: 'The row in effect today (the newest effective on or before today).' }),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type Identifiers = z.infer<typeof Identifiers>;
export const IdentifiersHistory = z.object({ items: z.array(Identifiers) });
