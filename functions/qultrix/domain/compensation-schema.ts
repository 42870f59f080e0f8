import * as z from 'zod';

// Compensation as the API returns it: zod only, so the employee schema
// (domain/employee.ts) can carry it without loading the keyring or the kernel.

export const PayFrequency = z.enum(['hourly', 'weekly', 'biweekly', 'semimonthly', 'monthly', 'yearly']);
export type PayFrequency = z.infer<typeof PayFrequency>;

export const Compensation = z.object({
  id: z.uuid(),
  employeeId: z.uuid(),
  salary: z
    .string()
    .meta({ description: 'Exact decimal string per pay period, such as "85000" or "41.25".' }),
  currency: z.string().meta({ description: 'ISO 4217 currency code.' }),
  payFrequency: PayFrequency,
  effectiveDate: z.iso.date(),
  reason: z.string().nullable(),
  current: z
    .boolean()
    .meta({ description: 'The row in effect today (the newest effective on or before today).' }),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type Compensation = z.infer<typeof Compensation>;
