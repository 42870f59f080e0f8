import { permits } from '@halooid/shared/auth/permissions';
import { trimDecimal } from '@halooid/shared/decimal';
import { lotIdOf } from '../domain/decimals';
import type { CountLine, CountStatus, CountSummary } from './schemas';

/** Who sees the expected quantities: approvers, and only once counting is over. */
export const REVEAL_PERMISSION = 'invantray:stock:adjust';

/**
 * Blind counting: a counter who could see what the system expects would
 * "find" it. Expected quantities and variances stay hidden while the count is
 * open (from everyone, approvers included: they may count too) and after a
 * cancel; once submitted, holders of `invantray:stock:adjust` see them to
 * decide, and the posted record keeps them for the audit.
 */
export function revealsExpected(status: CountStatus, grants: readonly string[]): boolean {
  return (status === 'pending_approval' || status === 'posted') && permits(grants, REVEAL_PERMISSION);
}

export interface CountRow {
  id: string;
  number: string;
  status: CountStatus;
  location_id: string;
  warehouse_id: string;
  location_code: string;
  include_sublocations: boolean;
  item_ids: string[] | null;
  note: string | null;
  line_count: number;
  counted_line_count: number;
  variance_value: string | null;
  created_by: string | null;
  submitted_by: string | null;
  submitted_at: Date | null;
  approved_by: string | null;
  posted_at: Date | null;
  decision_note: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface CountLineRow {
  id: string;
  item_id: string;
  sku: string;
  item_name: string;
  unit: string;
  location_id: string;
  location_code: string;
  lot_key: string;
  lot_number: string | null;
  expected: string;
  counted: string | null;
  counted_by: string | null;
  counted_at: Date | null;
  unit_cost: string | null;
  variance: string | null;
  variance_value: string | null;
}

export function toCountSummary(row: CountRow, reveal: boolean): CountSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    stockLocationId: row.location_id,
    warehouseId: row.warehouse_id,
    locationCode: row.location_code,
    includeSublocations: row.include_sublocations,
    itemIds: row.item_ids,
    note: row.note,
    lineCount: Number(row.line_count),
    countedLineCount: Number(row.counted_line_count),
    blind: !reveal,
    ...(reveal && row.variance_value !== null ? { varianceValue: trimDecimal(row.variance_value, 2) } : {}),
    createdBy: row.created_by,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    approvedBy: row.approved_by,
    postedAt: row.posted_at?.toISOString() ?? null,
    decisionNote: row.decision_note,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toCountLine(row: CountLineRow, reveal: boolean): CountLine {
  const line: CountLine = {
    id: row.id,
    itemId: row.item_id,
    sku: row.sku,
    itemName: row.item_name,
    unit: row.unit,
    stockLocationId: row.location_id,
    locationCode: row.location_code,
    lotId: lotIdOf(row.lot_key),
    lotNumber: row.lot_number,
    counted: row.counted === null ? null : trimDecimal(row.counted),
    countedBy: row.counted_by,
    countedAt: row.counted_at?.toISOString() ?? null,
  };
  if (!reveal) return line;
  return {
    ...line,
    expected: trimDecimal(row.expected),
    ...(row.variance !== null ? { variance: trimDecimal(row.variance) } : {}),
    ...(row.unit_cost !== null ? { unitCost: trimDecimal(row.unit_cost) } : {}),
    ...(row.variance_value !== null ? { varianceValue: trimDecimal(row.variance_value, 2) } : {}),
  };
}
