import type { Tx } from '@halooid/shared/db/transaction';
import type { ApprovalLevel } from '../domain/settings';

export interface SettingsChanges {
  baseCurrency?: string | undefined;
  approvalLevels?: ApprovalLevel[] | undefined;
  countApprovalThreshold?: string | undefined;
  overReceiptTolerancePercent?: string | undefined;
  matchQuantityTolerancePercent?: string | undefined;
  matchPriceTolerancePercent?: string | undefined;
}

/** Makes sure the tenant has a settings row (the column defaults are DEFAULT_SETTINGS) and locks it. */
export async function lockSettingsRow(tx: Tx, tenantId: string): Promise<number> {
  await tx.query(
    'insert into invantray.settings (tenant_id) values ($1) on conflict (tenant_id) do nothing',
    [tenantId],
  );
  const { rows } = await tx.query<{ version: number }>(
    'select version from invantray.settings where tenant_id = $1 for update',
    [tenantId],
  );
  return rows[0]?.version ?? 1;
}

/** True once any stock move carries a value: the ledger is then in the base currency it has. */
export async function stockHasValue(tx: Tx, tenantId: string): Promise<boolean> {
  const { rows } = await tx.query(
    'select 1 from invantray.stock_moves where tenant_id = $1 and unit_cost > 0 limit 1',
    [tenantId],
  );
  return rows.length > 0;
}

/** Writes the sent settings (null keeps a column as it is) and bumps the version. */
export async function updateSettingsRow(tx: Tx, tenantId: string, changes: SettingsChanges): Promise<void> {
  await tx.query(
    `update invantray.settings
     set base_currency = coalesce($2, base_currency),
         approval_levels = coalesce($3::jsonb, approval_levels),
         count_approval_threshold = coalesce($4::numeric, count_approval_threshold),
         over_receipt_tolerance_percent = coalesce($5::numeric, over_receipt_tolerance_percent),
         match_quantity_tolerance_percent = coalesce($6::numeric, match_quantity_tolerance_percent),
         match_price_tolerance_percent = coalesce($7::numeric, match_price_tolerance_percent),
         version = version + 1, updated_at = now()
     where tenant_id = $1`,
    [
      tenantId,
      changes.baseCurrency ?? null,
      changes.approvalLevels ? JSON.stringify(changes.approvalLevels) : null,
      changes.countApprovalThreshold ?? null,
      changes.overReceiptTolerancePercent ?? null,
      changes.matchQuantityTolerancePercent ?? null,
      changes.matchPriceTolerancePercent ?? null,
    ],
  );
}
