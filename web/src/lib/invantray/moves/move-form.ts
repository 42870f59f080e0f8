import type { ScanMatch } from '../scan/parse';
import type { ItemRef } from '../types';

/**
 * The move dialog's state without the browser: what a scan fills in, what the
 * request is, and where the server's field errors show. One line per post: the
 * dialog moves one item at a time (a receipt with several lines is receiving
 * against a purchase order, the procurement screens' job).
 */
export type MoveKind = 'receipt' | 'issue' | 'transfer' | 'adjustment';

export interface MoveForm {
  kind: MoveKind;
  item: ItemRef | undefined;
  quantity: string;
  /** '' is the item's base unit. */
  unit: string;
  lotNumber: string;
  /** One serial number per line. */
  serials: string;
  fromWarehouseId: string;
  fromLocationId: string;
  toWarehouseId: string;
  toLocationId: string;
  unitCost: string;
  taskId: string;
  direction: 'add' | 'remove';
  reason: string;
  note: string;
}

export function emptyForm(kind: MoveKind = 'receipt'): MoveForm {
  return {
    kind,
    item: undefined,
    quantity: '',
    unit: '',
    lotNumber: '',
    serials: '',
    fromWarehouseId: '',
    fromLocationId: '',
    toWarehouseId: '',
    toLocationId: '',
    unitCost: '',
    taskId: '',
    direction: 'add',
    reason: '',
    note: '',
  };
}

/** Which location fields a kind uses: a receipt puts stock somewhere, an issue or adjustment takes it from one place. */
export function usesFrom(kind: MoveKind): boolean {
  return kind !== 'receipt';
}
export function usesTo(kind: MoveKind): boolean {
  return kind === 'receipt' || kind === 'transfer';
}

export function serialList(serials: string): string[] {
  return [
    ...new Set(
      serials
        .split(/[\n,]/)
        .map((serial) => serial.trim())
        .filter(Boolean),
    ),
  ];
}

const WHOLE = /^\d{1,12}$/;

/**
 * A scan applied to the form: an item sets the item (scanning the same one
 * again adds one more, in the barcode's unit), a serial adds itself to the
 * serial numbers, a lot sets the lot, a location fills the next location field
 * the kind needs (a transfer's from, then its to).
 */
export function applyScan(form: MoveForm, match: ScanMatch): MoveForm {
  const next = { ...form };
  if (match.type === 'location' && match.location) {
    const { id, warehouseId } = match.location;
    const intoTo = usesTo(form.kind) && (!usesFrom(form.kind) || Boolean(form.fromLocationId));
    if (intoTo) Object.assign(next, { toWarehouseId: warehouseId, toLocationId: id });
    else Object.assign(next, { fromWarehouseId: warehouseId, fromLocationId: id });
    return next;
  }
  if (!match.item) return next;
  const sameItem = form.item?.id === match.item.id;
  next.item = match.item;
  if (match.type === 'serial' && match.lot) {
    const serials = serialList(sameItem ? form.serials : '');
    if (!serials.includes(match.lot.number)) serials.push(match.lot.number);
    next.serials = serials.join('\n');
    next.quantity = String(serials.length);
    next.unit = '';
    return next;
  }
  if (match.type === 'lot' && match.lot) {
    next.lotNumber = match.lot.number;
    if (!sameItem) next.quantity = '';
    return next;
  }
  const unit = match.unit && match.unit !== match.item.unit ? match.unit : '';
  if (sameItem && unit === form.unit && WHOLE.test(form.quantity)) {
    next.quantity = String(Number(form.quantity) + 1);
  } else {
    next.quantity = '1';
    next.unit = unit;
    if (!sameItem) Object.assign(next, { lotNumber: '', serials: '' });
  }
  return next;
}

/** What is missing before anything is sent; keys are the form's error keys. */
export function missing(form: MoveForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.item) errors.item = 'Choose or scan an item.';
  if (!/^\d{1,14}(\.\d{1,4})?$/.test(form.quantity.trim()) || /^0+(\.0+)?$/.test(form.quantity.trim()))
    errors.quantity = 'A quantity above zero, at most 4 decimal places.';
  if (usesFrom(form.kind) && !form.fromLocationId) errors.from = 'Choose or scan the location.';
  if (usesTo(form.kind) && !form.toLocationId) errors.to = 'Choose or scan the location.';
  if (form.kind === 'transfer' && form.fromLocationId && form.fromLocationId === form.toLocationId)
    errors.to = 'Transfer to another location.';
  if (form.kind === 'adjustment' && !form.reason.trim())
    errors.reason = 'Say why (damaged, found, write-off…).';
  if (form.item?.tracking === 'lot' && !form.lotNumber.trim())
    errors.lotNumber = 'This item is tracked by lot.';
  if (form.item?.tracking === 'serial' && serialList(form.serials).length === 0)
    errors.serials = 'This item is tracked by serial number: one per unit.';
  return errors;
}

/** The route and body to post. */
export function moveRequest(form: MoveForm): { path: string; body: Record<string, unknown> } {
  const item = form.item;
  if (!item) throw new Error('No item');
  const serials = item.tracking === 'serial' ? serialList(form.serials) : [];
  const common = {
    itemId: item.id,
    quantity: form.quantity.trim(),
    ...(form.unit ? { unit: form.unit } : {}),
    ...(item.tracking === 'lot' && form.lotNumber.trim() ? { lotNumber: form.lotNumber.trim() } : {}),
    ...(serials.length ? { serialNumbers: serials } : {}),
  };
  if (form.kind === 'adjustment') {
    return {
      path: '/stock/adjustments',
      body: {
        lines: [
          {
            ...common,
            stockLocationId: form.fromLocationId,
            direction: form.direction,
            reason: form.reason.trim(),
          },
        ],
      },
    };
  }
  const line = {
    ...common,
    ...(usesFrom(form.kind) ? { fromStockLocationId: form.fromLocationId } : {}),
    ...(usesTo(form.kind) ? { toStockLocationId: form.toLocationId } : {}),
    ...(form.kind === 'receipt' && form.unitCost.trim() ? { unitCost: form.unitCost.trim() } : {}),
  };
  return {
    path: '/stock/moves',
    body: {
      kind: form.kind,
      lines: [line],
      ...(form.kind === 'issue' && form.taskId.trim()
        ? { reference: { type: 'task', id: form.taskId.trim() } }
        : {}),
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    },
  };
}

const FIELD_OF: Record<string, string> = {
  itemId: 'item',
  quantity: 'quantity',
  unit: 'unit',
  lotNumber: 'lotNumber',
  serialNumbers: 'serials',
  fromStockLocationId: 'from',
  stockLocationId: 'from',
  toStockLocationId: 'to',
  unitCost: 'unitCost',
  reason: 'reason',
  direction: 'direction',
};

/** The server's field errors (`lines.0.quantity`, `reference.id`) on the dialog's fields. */
export function formErrors(fields: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const last = path.split('.').at(-1) ?? path;
    const key = path.startsWith('reference') ? 'taskId' : path === 'note' ? 'note' : (FIELD_OF[last] ?? '');
    if (key) errors[key] ??= message;
  }
  return errors;
}
