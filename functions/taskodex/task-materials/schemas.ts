import * as z from 'zod';

/**
 * What Taskodex reads of Invantray's `stock.moved` (v1): its own copy of the
 * fields it needs, so Taskodex never imports another product. Extra fields
 * are ignored; the consumer kernel has checked the event against Invantray's
 * catalog already.
 */
export const StockMoved = z.object({
  batchId: z.uuid(),
  moves: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      itemId: z.uuid(),
      sku: z.string(),
      quantity: z.string(),
      unit: z.string(),
      fromLocationId: z.uuid().nullable(),
      fromWarehouseId: z.uuid().nullable(),
      reference: z.object({ type: z.string(), id: z.string() }).nullable(),
      note: z.string().nullable(),
    }),
  ),
});
export type StockMoved = z.infer<typeof StockMoved>;

/** The activity kind an issue against a task is recorded as; `to` holds the StockIssued fields. */
export const STOCK_ISSUED = 'stock_issued';

/** The `to` value of a `stock_issued` activity entry. */
export interface StockIssued {
  itemId: string;
  sku: string;
  quantity: string;
  unit: string;
  moveId: string;
  fromLocationId: string | null;
  fromWarehouseId: string | null;
  note: string | null;
}

export const TaskMaterial = z.object({
  itemId: z.uuid(),
  sku: z.string().meta({ description: 'The SKU at the latest issue.' }),
  unit: z.string(),
  quantity: z.string().meta({ description: 'Everything issued to the task, in the item’s base unit.' }),
  issues: z.number().int().meta({ description: 'How many issue moves it took.' }),
  lastIssuedAt: z.iso.datetime(),
});
export type TaskMaterial = z.infer<typeof TaskMaterial>;

export const TaskMaterialList = z.object({ items: z.array(TaskMaterial) });

export const TaskMaterialParams = z.strictObject({ taskId: z.uuid() });
