import { CurrencyInput } from '@halooid/shared/decimal';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { compareDecimals } from '../domain/approval';
import { MoneyAmount, Percent } from '../domain/decimals';

/** What the settings routes accept and answer. Amounts and percentages are decimal strings. */
const ApproverLevel = z.enum(['approve_permission', 'owner']).meta({
  description:
    '`approve_permission`: anyone holding `invantray:procurement:approve`; `owner`: only an Owner of the tenant.',
});

export const ApprovalLevel = z.strictObject({
  above: MoneyAmount.meta({
    description: 'Orders whose total in the base currency is strictly above this amount need this approver.',
  }),
  approver: ApproverLevel,
});

const AtMostHundred = Percent.refine((value) => compareDecimals(value, '100') <= 0, 'At most 100.');

export const Settings = z.object({
  baseCurrency: z
    .string()
    .meta({ description: 'Stock values and approval thresholds are in this currency.' }),
  approvalLevels: z.array(z.object({ above: z.string(), approver: ApproverLevel })),
  countApprovalThreshold: z.string().meta({
    description: 'A cycle count whose variance is worth more than this (base currency) needs approval.',
  }),
  overReceiptTolerancePercent: z.string().meta({
    description: 'How much more than ordered a line may receive, in percent of its quantity.',
  }),
  matchQuantityTolerancePercent: z.string().meta({
    description: 'Three-way match: how far invoiced and received quantities may differ, in percent.',
  }),
  matchPriceTolerancePercent: z.string().meta({
    description:
      'Three-way match: how far the invoiced unit price may differ from the ordered one, in percent.',
  }),
  version: z.number().int(),
});
export type Settings = z.infer<typeof Settings>;

export const UpdateSettingsBody = z
  .strictObject({
    // First: the security sweep grows a minimal body in property order, and a PATCH needs its
    // version; then a field whose sample ([] levels) is valid as it is.
    version: VersionField,
    approvalLevels: z.array(ApprovalLevel).max(5).optional().meta({
      description:
        'Replaces the list: at most 5 levels, amounts strictly ascending, no weaker approver above an Owner level. An empty list approves every order at submit.',
    }),
    countApprovalThreshold: MoneyAmount.optional(),
    baseCurrency: CurrencyInput.optional(),
    overReceiptTolerancePercent: AtMostHundred.optional(),
    matchQuantityTolerancePercent: AtMostHundred.optional(),
    matchPriceTolerancePercent: AtMostHundred.optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version'), {
    message: 'Change at least one setting.',
  });
export type UpdateSettingsInput = z.output<typeof UpdateSettingsBody>;
