import type { Tx } from '@halooid/shared/db/transaction';

/** Who must approve a purchase order above an amount (in the base currency). */
export type ApproverLevel = 'approve_permission' | 'owner';
export interface ApprovalLevel {
  /** Orders whose total in base currency is strictly above this need `approver`. */
  above: string;
  approver: ApproverLevel;
}

/** A tenant's Invantray settings, with the defaults a tenant that never saved any gets. */
export interface InventorySettings {
  baseCurrency: string;
  approvalLevels: ApprovalLevel[];
  countApprovalThreshold: string;
  overReceiptTolerancePercent: string;
  matchQuantityTolerancePercent: string;
  matchPriceTolerancePercent: string;
  version: number;
}

export const DEFAULT_SETTINGS: InventorySettings = {
  baseCurrency: 'USD',
  approvalLevels: [
    { above: '5000.00', approver: 'approve_permission' },
    { above: '50000.00', approver: 'owner' },
  ],
  countApprovalThreshold: '1000.00',
  overReceiptTolerancePercent: '5.00',
  matchQuantityTolerancePercent: '0.00',
  matchPriceTolerancePercent: '2.00',
  // The version the row starts at when first saved (the column's default), so
  // a PATCH sends the version GET showed whether or not a row exists yet.
  version: 1,
};

interface SettingsRow {
  base_currency: string;
  approval_levels: ApprovalLevel[];
  count_approval_threshold: string;
  over_receipt_tolerance_percent: string;
  match_quantity_tolerance_percent: string;
  match_price_tolerance_percent: string;
  version: number;
}

/** The tenant's settings row, or the defaults (version 1) when it has none yet. */
export async function loadSettings(tx: Tx, tenantId: string): Promise<InventorySettings> {
  const { rows } = await tx.query<SettingsRow>(
    `select base_currency, approval_levels, count_approval_threshold::text, over_receipt_tolerance_percent::text,
            match_quantity_tolerance_percent::text, match_price_tolerance_percent::text, version
     from invantray.settings where tenant_id = $1`,
    [tenantId],
  );
  const row = rows[0];
  if (!row) return DEFAULT_SETTINGS;
  return {
    baseCurrency: row.base_currency,
    approvalLevels: row.approval_levels,
    countApprovalThreshold: row.count_approval_threshold,
    overReceiptTolerancePercent: row.over_receipt_tolerance_percent,
    matchQuantityTolerancePercent: row.match_quantity_tolerance_percent,
    matchPriceTolerancePercent: row.match_price_tolerance_percent,
    version: row.version,
  };
}
