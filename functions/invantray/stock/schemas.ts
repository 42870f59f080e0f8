import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';
import { Quantity, UnitPrice } from '../domain/decimals';
import { AtInput } from '../domain/on-hand-at';
import { MOVE_KINDS } from '../domain/snapshots';

/**
 * Stock as the API shows it and what requests may send. Quantities and costs
 * are decimal strings (numeric in SQL); a line's quantity is in `unit` (the
 * item's base unit when absent) and is converted before it reaches the ledger.
 */

/** Postgres has no year 0: ISO 8601's 0000 would be a 500 in SQL, so it is a 400 here. */
const notYearZero = (value: string) => !value.startsWith('0000');
const Instant = z.iso.datetime({ offset: true }).max(40).refine(notYearZero, 'Year 0000 does not exist.');
const Day = z.iso.date().refine(notYearZero, 'Year 0000 does not exist.');

const LotNumber = z.string().trim().min(1).max(100);
const Note = z.string().trim().min(1).max(1000);

// ---------------------------------------------------------------------------
// Moves

export const MoveLineInput = z.strictObject({
  itemId: z.uuid(),
  quantity: Quantity,
  unit: z.string().trim().min(1).max(20).optional().meta({
    description: 'The unit `quantity` is in (one of the item’s units); its base unit when absent.',
  }),
  lotNumber: LotNumber.optional().meta({
    description: 'Lot-tracked items: the lot (a receipt creates it when new).',
  }),
  lotExpiresOn: Day.optional().meta({ description: 'A new lot’s expiry (receipts).' }),
  serialNumbers: z.array(LotNumber).min(1).max(500).optional().meta({
    description:
      'Serial-tracked items: one number per unit (as many as the quantity in base units); each becomes its own move.',
  }),
  fromStockLocationId: z.uuid().optional(),
  toStockLocationId: z.uuid().optional(),
  unitCost: UnitPrice.optional().meta({
    description:
      'Receipts: the cost of one `unit` in the base currency; it moves the item’s average cost. Without it the receipt is valued at the current average.',
  }),
});
export type MoveLineInput = z.output<typeof MoveLineInput>;

export const ManualReference = z.strictObject({
  type: z.enum(['task', 'asset', 'manual']),
  id: z.string().trim().min(1).max(100),
});

export const PostMovesBody = z.strictObject({
  kind: z.enum(['receipt', 'issue', 'transfer']),
  lines: z.array(MoveLineInput).min(1).max(200),
  reference: ManualReference.optional(),
  note: Note.optional(),
});
export type PostMovesInput = z.output<typeof PostMovesBody>;

export const AdjustmentLineInput = z.strictObject({
  itemId: z.uuid(),
  stockLocationId: z.uuid(),
  direction: z.enum(['add', 'remove']),
  quantity: Quantity,
  unit: z.string().trim().min(1).max(20).optional(),
  lotNumber: LotNumber.optional(),
  serialNumbers: z.array(LotNumber).min(1).max(500).optional(),
  reason: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .meta({ description: 'Why (damaged, found, write-off…): kept on the move.' }),
});
export type AdjustmentLineInput = z.output<typeof AdjustmentLineInput>;

export const PostAdjustmentsBody = z.strictObject({
  lines: z.array(AdjustmentLineInput).min(1).max(200),
});
export type PostAdjustmentsInput = z.output<typeof PostAdjustmentsBody>;

export const MoveRecord = z.object({
  id: z.uuid(),
  batchId: z.uuid(),
  kind: z.enum(MOVE_KINDS),
  itemId: z.uuid(),
  sku: z.string(),
  itemName: z.string(),
  unit: z.string(),
  lotId: z.uuid().nullable(),
  lotNumber: z.string().nullable(),
  quantity: z.string(),
  fromStockLocationId: z.uuid().nullable(),
  fromLocationCode: z.string().nullable(),
  fromWarehouseId: z.uuid().nullable(),
  toStockLocationId: z.uuid().nullable(),
  toLocationCode: z.string().nullable(),
  toWarehouseId: z.uuid().nullable(),
  unitCost: z.string(),
  reference: z.object({ type: z.string(), id: z.string() }).nullable(),
  note: z.string().nullable(),
  postedBy: z.uuid().nullable(),
  postedByKey: z.string().nullable(),
  postedAt: z.iso.datetime(),
});
export type MoveRecord = z.infer<typeof MoveRecord>;

export const PostedMoves = z.object({ batchId: z.uuid(), moves: z.array(MoveRecord) });
export type PostedMoves = z.infer<typeof PostedMoves>;

export const ListMovesQuery = z.strictObject({
  ...paginationQuery,
  itemId: z.uuid().optional(),
  warehouseId: z.uuid().optional().meta({ description: 'Moves into or out of this warehouse.' }),
  stockLocationId: z.uuid().optional().meta({ description: 'Moves into or out of this location.' }),
  kind: z.enum(MOVE_KINDS).optional(),
  referenceType: z
    .enum(['purchase_order_line', 'receipt', 'task', 'asset', 'count', 'reservation', 'manual'])
    .optional(),
  referenceId: z.string().trim().min(1).max(100).optional(),
  batchId: z.uuid().optional(),
  from: Instant.optional().meta({ description: 'Posted at or after this instant.' }),
  to: Instant.optional().meta({ description: 'Posted before this instant.' }),
});
export type ListMovesQuery = z.output<typeof ListMovesQuery>;

// ---------------------------------------------------------------------------
// Balances

const Flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ListStockQuery = z.strictObject({
  ...paginationQuery,
  itemId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  stockLocationId: z.uuid().optional(),
  includeSublocations: Flag.optional().meta({
    description: 'With `stockLocationId`: the locations below it too (zone → aisle → bin).',
  }),
  lotNumber: LotNumber.optional(),
  includeZero: Flag.optional().meta({
    description: 'Also rows with nothing on hand (and nothing reserved).',
  }),
  at: AtInput.optional().meta({
    description:
      'On hand at this instant or date, derived from the ledger; `reserved` and `available` are null (reservations have no history).',
  }),
});
export type ListStockQuery = z.output<typeof ListStockQuery>;

export const StockRow = z.object({
  itemId: z.uuid(),
  sku: z.string(),
  itemName: z.string(),
  unit: z.string(),
  warehouseId: z.uuid(),
  warehouseCode: z.string(),
  stockLocationId: z.uuid(),
  locationCode: z.string(),
  lotId: z.uuid().nullable(),
  lotNumber: z.string().nullable(),
  onHand: z.string(),
  reserved: z.string().nullable(),
  available: z.string().nullable(),
});
export type StockRow = z.infer<typeof StockRow>;

export const StockPage = z.object({
  items: z.array(StockRow),
  nextCursor: z.string().nullable(),
  at: z.iso.datetime({ offset: true }).nullable(),
});

export const StockSummaryQuery = z.strictObject({ itemId: z.uuid(), at: AtInput.optional() });
export type StockSummaryQuery = z.output<typeof StockSummaryQuery>;

const SummaryFigures = {
  onHand: z.string(),
  reserved: z.string().nullable(),
  available: z.string().nullable(),
  value: z.string(),
};

export const StockSummary = z.object({
  itemId: z.uuid(),
  sku: z.string(),
  unit: z.string(),
  averageCost: z.string(),
  currency: z.string(),
  at: z.iso.datetime({ offset: true }).nullable(),
  warehouses: z.array(
    z.object({
      warehouseId: z.uuid(),
      warehouseCode: z.string(),
      warehouseName: z.string(),
      ...SummaryFigures,
    }),
  ),
  total: z.object(SummaryFigures),
});
export type StockSummary = z.infer<typeof StockSummary>;
