import { seededRandom } from '@halooid/shared/demo-rows';
import { DEMO_CATEGORIES, DEMO_SUPPLIERS, DEMO_WAREHOUSES, type DemoLeaf } from './data';

/**
 * Builds Acme's inventory as plain rows keyed by column (no I/O), so the seed
 * writes each table in one statement and the shape is checked without a
 * database. Random but repeatable (a seeded generator; dates relative to
 * `today`). The ledger is simulated, not sprinkled: opening balances, a
 * quarter of issues, transfers, receipts against purchase orders (with
 * put-away), a posted count, each move applied to the balances and the
 * moving-average cost exactly as domain/stock-ledger.ts would (integer
 * micro-units, rounded half up), so the seeded balances are the ledger's sum
 * and the costs its moving average.
 */
export interface InventoryIds {
  newId: () => string;
  warehouseManager: string | null;
  buyer: string | null;
  owner: string | null;
  /** People who ask for things (requisitions). */
  requesters: readonly string[];
}

type Row = Record<string, unknown>;

const DAY = 86_400_000;
const MICRO = 1_000_000n;
const NO_LOT = '00000000-0000-0000-0000-000000000000';

/** micro-units (6 places) → numeric text. */
const micro = (value: bigint) => `${value / MICRO}.${String(value % MICRO).padStart(6, '0')}`;
const cents = (value: number) => BigInt(value) * 10_000n;
/** (a / b) rounded half up, for positive values: SQL's round(numeric, 6) on micro-units. */
const divideRounded = (a: bigint, b: bigint) => (2n * a + b) / (2n * b);

function ean13(body12: string): string {
  const sum = [...body12].reduce(
    (total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 1 : 3),
    0,
  );
  return `${body12}${(10 - (sum % 10)) % 10}`;
}

export const DEMO_ITEM_COUNT = DEMO_CATEGORIES.flatMap((category) => category.children).reduce(
  (total, leaf) => total + leaf.names.length * leaf.variants.length,
  0,
);

interface Item {
  id: string;
  sku: string;
  leaf: DemoLeaf;
  cost: number;
  supplierCodes: string[];
}

export function generateInventory(today: Date, ids: InventoryIds) {
  const random = seededRandom(20261207);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const at = (daysAgo: number, hour = 9) =>
    new Date(today.getTime() - daysAgo * DAY + hour * 3_600_000 - 12 * 3_600_000);
  const iso = (date: Date) => date.toISOString();
  const dateOnly = (date: Date) => iso(date).slice(0, 10);

  // Categories and items.
  const categories: Row[] = [];
  const items: Item[] = [];
  const itemRows: Row[] = [];
  const itemUnits: Row[] = [];
  const barcodes: Row[] = [];
  const supplierId = new Map(DEMO_SUPPLIERS.map((supplier) => [supplier.code, ids.newId()]));
  for (const category of DEMO_CATEGORIES) {
    const parentId = ids.newId();
    categories.push({ id: parentId, parent_id: null, name: category.name });
    for (const leaf of category.children) {
      const leafId = ids.newId();
      categories.push({ id: leafId, parent_id: parentId, name: leaf.name });
      let number = 0;
      for (const name of leaf.names) {
        for (const variant of leaf.variants) {
          number += 1;
          const id = ids.newId();
          const sku = `${leaf.prefix}-${String(number).padStart(4, '0')}`;
          const cost = between(leaf.cost[0], leaf.cost[1]);
          const supplierCodes = DEMO_SUPPLIERS.filter((supplier) => supplier.sells.includes(leaf.prefix)).map(
            (supplier) => supplier.code,
          );
          items.push({ id, sku, leaf, cost, supplierCodes });
          itemRows.push({
            id,
            sku,
            name: `${name} ${variant}`,
            description: `${name}, ${variant}. ${leaf.name}.`,
            category_id: leafId,
            unit: leaf.unit,
            tracking: leaf.tracking,
            default_supplier_id: supplierId.get(supplierCodes[0] ?? '') ?? null,
            active: true,
            created_by: ids.warehouseManager,
            created_at: iso(at(120)),
          });
          const index = String(items.length).padStart(9, '0');
          barcodes.push({ code: ean13(`200${index}`), item_id: id, unit: null });
          if (leaf.pack) {
            itemUnits.push({ item_id: id, unit: leaf.pack.unit, factor: String(leaf.pack.factor) });
            barcodes.push({ code: ean13(`201${index}`), item_id: id, unit: leaf.pack.unit });
          }
        }
      }
    }
  }

  // Suppliers and their prices (quantity breaks; a 3 % rise a month ago on every third item).
  const suppliers = DEMO_SUPPLIERS.map((supplier) => ({
    id: supplierId.get(supplier.code),
    code: supplier.code,
    name: supplier.name,
    email: supplier.email,
    currency: supplier.currency,
    payment_terms_days: supplier.paymentTermsDays,
    lead_time_days: supplier.leadTimeDays,
    address: { city: supplier.city, country: supplier.country },
    contacts: [{ name: `${supplier.name.split(' ')[0]} sales desk`, email: supplier.email, role: 'sales' }],
    created_by: ids.buyer,
  }));
  const prices: Row[] = [];
  const priceOf = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    for (const [rank, code] of item.supplierCodes.entries()) {
      const supplier = DEMO_SUPPLIERS.find((candidate) => candidate.code === code);
      if (!supplier) continue;
      const euro = supplier.currency === 'EUR';
      const base = Math.round(item.cost * (euro ? 0.9 : 1 + rank * 0.05));
      const bulk = item.cost > 5000 ? 10 : 50;
      const row = (min: number, price: number, from: number) =>
        prices.push({
          id: ids.newId(),
          supplier_id: supplierId.get(code),
          item_id: item.id,
          min_quantity: String(min),
          unit_price: micro(cents(price)),
          currency: supplier.currency,
          supplier_sku: `${code}-${item.sku}`,
          effective_from: dateOnly(at(from)),
        });
      row(1, base, 150);
      row(bulk, Math.round(base * 0.92), 150);
      if (index % 3 === 0) row(1, Math.round(base * 1.03), 30);
      if (rank === 0) priceOf.set(item.id, index % 3 === 0 ? Math.round(base * 1.03) : base);
    }
  }

  // Warehouses and locations: receiving, shipping, zones A and B → aisles 01–03 → bins 01–04.
  const warehouses: Row[] = [];
  const locations: Row[] = [];
  const bins = new Map<string, string[]>();
  const receivingOf = new Map<string, string>();
  const warehouseOfLocation = new Map<string, string>();
  const warehouseIds: string[] = [];
  for (const warehouse of DEMO_WAREHOUSES) {
    const id = ids.newId();
    warehouseIds.push(id);
    const location = (
      code: string,
      kind: string,
      parentId: string | null,
      barcode: string,
      name: string | null,
    ) => {
      const locationId = ids.newId();
      locations.push({ id: locationId, warehouse_id: id, parent_id: parentId, code, name, kind, barcode });
      warehouseOfLocation.set(locationId, id);
      return locationId;
    };
    const receiving = location(
      'RECEIVING',
      'receiving',
      null,
      `${warehouse.code}-RECEIVING`,
      'Receiving dock',
    );
    const shipping = location('SHIPPING', 'shipping', null, `${warehouse.code}-SHIPPING`, 'Shipping dock');
    receivingOf.set(id, receiving);
    const warehouseBins: string[] = [];
    for (const zone of ['A', 'B']) {
      const zoneId = location(zone, 'zone', null, `${warehouse.code}-${zone}`, `Zone ${zone}`);
      for (const aisle of ['01', '02', '03']) {
        const aisleId = location(aisle, 'aisle', zoneId, `${warehouse.code}-${zone}-${aisle}`, null);
        for (const bin of ['01', '02', '03', '04'])
          warehouseBins.push(
            location(bin, 'bin', aisleId, `${warehouse.code}-${zone}-${aisle}-${bin}`, null),
          );
      }
    }
    bins.set(id, warehouseBins);
    warehouses.push({
      id,
      code: warehouse.code,
      name: warehouse.name,
      address: {
        street: warehouse.street,
        city: warehouse.city,
        region: warehouse.region,
        postalCode: warehouse.postalCode,
        country: 'US',
      },
      receiving_location_id: receiving,
      shipping_location_id: shipping,
    });
  }
  const [chicago = '', boston = ''] = warehouseIds;
  const homeBin = (index: number, warehouse: string) => {
    const list = bins.get(warehouse) ?? [];
    return list[index % list.length] as string;
  };

  // The ledger simulation.
  const balances = new Map<string, bigint>();
  const average = new Map<string, bigint>();
  const moves: Row[] = [];
  const itemCosts: Row[] = [];
  const lots: Row[] = [];
  const keyOf = (itemId: string, locationId: string, lot: string) => `${itemId}|${locationId}|${lot}`;
  const onHand = (itemId: string, locationId: string, lot = NO_LOT) =>
    balances.get(keyOf(itemId, locationId, lot)) ?? 0n;
  const itemTotal = (itemId: string) => {
    let total = 0n;
    for (const [key, quantity] of balances) if (key.startsWith(`${itemId}|`)) total += quantity;
    return total;
  };
  interface Post {
    kind: 'receipt' | 'issue' | 'transfer' | 'adjustment' | 'count';
    item: Item;
    quantity: bigint;
    from?: string;
    to?: string;
    lot?: string;
    cost?: bigint;
    reference?: { type: string; id: string };
    note?: string;
    when: Date;
    by: string | null;
    batch?: string;
  }
  const post = (move: Post) => {
    const lot = move.lot ?? NO_LOT;
    const id = ids.newId();
    if (move.from) {
      const key = keyOf(move.item.id, move.from, lot);
      const held = balances.get(key) ?? 0n;
      if (held < move.quantity) throw new Error(`demo overdraws ${move.item.sku}`);
      balances.set(key, held - move.quantity);
    }
    const valuedAt = move.cost ?? average.get(move.item.id) ?? cents(move.item.cost);
    if (move.cost !== undefined) {
      const held = itemTotal(move.item.id);
      const before = average.get(move.item.id) ?? 0n;
      const next =
        held <= 0n
          ? move.cost
          : divideRounded(held * before + move.quantity * move.cost, held + move.quantity);
      average.set(move.item.id, next);
      itemCosts.push({
        item_id: move.item.id,
        effective_at: iso(move.when),
        move_id: id,
        average_cost: micro(next),
      });
    }
    if (move.to) {
      const key = keyOf(move.item.id, move.to, lot);
      balances.set(key, (balances.get(key) ?? 0n) + move.quantity);
    }
    moves.push({
      id,
      kind: move.kind,
      item_id: move.item.id,
      lot_id: move.lot ?? null,
      quantity: String(move.quantity),
      from_location_id: move.from ?? null,
      to_location_id: move.to ?? null,
      unit_cost: micro(valuedAt),
      reference_type: move.reference?.type ?? null,
      reference_id: move.reference?.id ?? null,
      note: move.note ?? null,
      batch_id: move.batch ?? ids.newId(),
      posted_by: move.by,
      posted_at: iso(move.when),
    });
    return id;
  };
  // Work is planned out of order (orders, then counts) and run in time order, as the ledger saw it.
  const planned: { when: number; order: number; run: () => void }[] = [];
  const schedule = (when: Date, run: () => void) =>
    planned.push({ when: when.getTime(), order: planned.length, run });
  const lotsOf = new Map<string, string[]>();
  const newLot = (item: Item, number: string, expires: string | null) => {
    const id = ids.newId();
    lots.push({
      id,
      item_id: item.id,
      kind: item.leaf.tracking,
      number,
      expires_on: expires,
      created_at: iso(at(90)),
    });
    lotsOf.set(item.id, [...(lotsOf.get(item.id) ?? []), id]);
    return id;
  };

  // Opening balances, 90 days ago: every item in its Chicago bin, two in five in Boston too.
  const opening = new Map<string, bigint>();
  for (const [index, item] of items.entries()) {
    const cost = cents(item.cost);
    const batch = ids.newId();
    const when = at(90, 8);
    const common = {
      kind: 'adjustment' as const,
      item,
      cost,
      note: 'Opening balance',
      when,
      by: ids.warehouseManager,
      batch,
    };
    if (item.leaf.tracking === 'serial') {
      for (let serial = 0; serial < 4; serial += 1) {
        const lot = newLot(item, `${item.sku}-SN${1001 + serial}`, null);
        post({ ...common, quantity: 1n, to: homeBin(index, chicago), lot });
      }
      continue;
    }
    const quantity = BigInt(item.cost > 5000 ? between(8, 30) : between(60, 400));
    opening.set(item.id, quantity);
    const lot =
      item.leaf.tracking === 'lot'
        ? newLot(
            item,
            `L${dateOnly(at(100)).replaceAll('-', '').slice(2, 6)}-${index}`,
            dateOnly(new Date(today.getTime() + 365 * DAY)),
          )
        : undefined;
    post({ ...common, quantity, to: homeBin(index, chicago), ...(lot ? { lot } : {}) });
    if (index % 5 < 2 && item.leaf.tracking === 'none') {
      post({ ...common, cost, quantity: quantity / 4n + 1n, to: homeBin(index, boston) });
    }
  }

  // A quarter of work: issues every day, a weekly transfer to Boston.
  const untracked = items.filter((item) => item.leaf.tracking === 'none');
  for (let day = 89; day >= 1; day -= 1) {
    for (let issue = 0; issue < 14; issue += 1) {
      const index = between(0, untracked.length - 1);
      const item = untracked[index] as Item;
      const from = homeBin(items.indexOf(item), chicago);
      const wanted = between(1, 12);
      const when = at(day, 10 + (issue % 7));
      schedule(when, () => {
        const quantity = BigInt(Math.min(Number(onHand(item.id, from)) / 6, wanted) | 0);
        if (quantity > 0n)
          post({ kind: 'issue', item, quantity, from, note: 'Workshop job', when, by: ids.warehouseManager });
      });
    }
    if (day % 7 === 0) {
      const item = untracked[between(0, untracked.length - 1)] as Item;
      const index = items.indexOf(item);
      const when = at(day, 15);
      schedule(when, () => {
        const quantity = onHand(item.id, homeBin(index, chicago)) / 5n;
        if (quantity > 0n)
          post({
            kind: 'transfer',
            item,
            quantity,
            from: homeBin(index, chicago),
            to: homeBin(index, boston),
            note: 'Replenish Boston',
            when,
            by: ids.warehouseManager,
          });
      });
    }
    if (day % 10 === 0) {
      const serials = items.filter((item) => item.leaf.tracking === 'serial');
      const item = serials[(day / 10) % serials.length] as Item;
      const index = items.indexOf(item);
      const when = at(day, 11);
      schedule(when, () => {
        const lot = (lotsOf.get(item.id) ?? []).find(
          (candidate) => onHand(item.id, homeBin(index, chicago), candidate) > 0n,
        );
        if (lot)
          post({
            kind: 'issue',
            item,
            quantity: 1n,
            from: homeBin(index, chicago),
            lot,
            note: 'Issued to field team',
            when,
            by: ids.warehouseManager,
          });
      });
    }
  }

  // Purchase orders in every status, received ones with their receipts and put-away.
  const purchaseOrders: Row[] = [];
  const orderLines: Row[] = [];
  const receipts: Row[] = [];
  const receiptLines: Row[] = [];
  let orderNumber = 0;
  let receiptNumber = 0;
  const onOrder = new Set<string>();
  const plans: { status: string; daysAgo: number; supplier: string; received: number }[] = [
    ...[84, 77, 70, 63, 56, 49, 42, 35].map((daysAgo, index) => ({
      status: index < 3 ? 'closed' : 'received',
      daysAgo,
      supplier: (DEMO_SUPPLIERS[index % DEMO_SUPPLIERS.length] ?? DEMO_SUPPLIERS[0])?.code ?? 'BOLT',
      received: 1,
    })),
    { status: 'cancelled', daysAgo: 30, supplier: 'SAFE', received: 0 },
    { status: 'partially_received', daysAgo: 16, supplier: 'VOLT', received: 0.6 },
    { status: 'partially_received', daysAgo: 12, supplier: 'BOLT', received: 0.5 },
    { status: 'sent', daysAgo: 8, supplier: 'TOOL', received: 0 },
    { status: 'sent', daysAgo: 6, supplier: 'LUMN', received: 0 },
    { status: 'approved', daysAgo: 4, supplier: 'STIK', received: 0 },
    { status: 'submitted', daysAgo: 2, supplier: 'TOOL', received: 0 },
    { status: 'submitted', daysAgo: 1, supplier: 'FIXR', received: 0 },
    { status: 'draft', daysAgo: 1, supplier: 'SAFE', received: 0 },
    { status: 'draft', daysAgo: 0, supplier: 'VOLT', received: 0 },
  ];
  for (const plan of plans) {
    const supplier =
      DEMO_SUPPLIERS.find((candidate) => candidate.code === plan.supplier) ?? DEMO_SUPPLIERS[0];
    if (!supplier) continue;
    const orderId = ids.newId();
    orderNumber += 1;
    const created = at(plan.daysAgo, 9);
    const euro = supplier.currency === 'EUR';
    const rate = euro ? 1.08 : 1;
    const candidates = items.filter(
      (item) => item.supplierCodes[0] === supplier.code && item.leaf.tracking !== 'serial',
    );
    // The submitted ones are big enough to wait for an approver (over 5,000).
    const lineCount = plan.status === 'submitted' ? 6 : between(3, 6);
    let total = 0n;
    const lines: { id: string; item: Item; quantity: bigint; price: bigint }[] = [];
    for (let line = 0; line < lineCount && candidates.length > 0; line += 1) {
      const item = candidates[between(0, candidates.length - 1)] as Item;
      if (lines.some((existing) => existing.item.id === item.id)) continue;
      const price = cents(priceOf.get(item.id) ?? item.cost);
      const quantity = BigInt(
        plan.status === 'submitted'
          ? Math.max(40, Math.ceil(700_000 / Number(price / 10_000n)))
          : between(20, 120),
      );
      lines.push({ id: ids.newId(), item, quantity, price });
      total += divideRounded(quantity * price, 10_000n);
    }
    const approvedAt = ['approved', 'sent', 'partially_received', 'received', 'closed'].includes(plan.status)
      ? at(plan.daysAgo, 11)
      : null;
    const bigOrder = total > 500_000n;
    purchaseOrders.push({
      id: orderId,
      number: `PO-${String(orderNumber).padStart(5, '0')}`,
      supplier_id: supplierId.get(supplier.code),
      warehouse_id: chicago,
      status: plan.status,
      currency: supplier.currency,
      exchange_rate: String(rate),
      total: `${total / 100n}.${String(total % 100n).padStart(2, '0')}`,
      required_approval: plan.status === 'draft' ? null : bigOrder ? 'approve_permission' : 'none',
      source: 'manual',
      expected_on: dateOnly(new Date(created.getTime() + supplier.leadTimeDays * DAY)),
      note: null,
      created_by: ids.buyer,
      submitted_by: plan.status === 'draft' ? null : ids.buyer,
      submitted_at: plan.status === 'draft' ? null : iso(at(plan.daysAgo, 10)),
      approved_by: approvedAt ? (bigOrder ? ids.owner : ids.buyer) : null,
      approved_at: approvedAt ? iso(approvedAt) : null,
      sent_at: ['sent', 'partially_received', 'received', 'closed'].includes(plan.status)
        ? iso(at(plan.daysAgo, 12))
        : null,
      received_at: ['received', 'closed'].includes(plan.status) ? iso(at(plan.daysAgo - 5, 14)) : null,
      closed_at: plan.status === 'closed' ? iso(at(plan.daysAgo - 6, 9)) : null,
      cancelled_at: plan.status === 'cancelled' ? iso(at(plan.daysAgo - 1, 9)) : null,
      created_at: iso(created),
    });
    const receiptId = plan.received > 0 ? ids.newId() : null;
    const receivedWhen = at(plan.daysAgo - 5, 14);
    for (const [index, line] of lines.entries()) {
      const received =
        plan.received > 0 ? (line.quantity * BigInt(Math.round(plan.received * 10))) / 10n : 0n;
      orderLines.push({
        id: line.id,
        purchase_order_id: orderId,
        line_no: index + 1,
        item_id: line.item.id,
        quantity: String(line.quantity),
        unit_price: micro(line.price),
        received_quantity: String(received),
      });
      if (['draft', 'submitted', 'approved', 'sent', 'partially_received'].includes(plan.status))
        onOrder.add(line.item.id);
      if (!receiptId || received <= 0n) continue;
      const receiving = receivingOf.get(chicago) as string;
      const lot =
        line.item.leaf.tracking === 'lot'
          ? newLot(
              line.item,
              `L${dateOnly(receivedWhen).replaceAll('-', '').slice(2, 8)}-${index}`,
              dateOnly(new Date(receivedWhen.getTime() + 365 * DAY)),
            )
          : undefined;
      const cost = line.price;
      schedule(receivedWhen, () => {
        const moveId = post({
          kind: 'receipt',
          item: line.item,
          quantity: received,
          to: receiving,
          cost,
          ...(lot ? { lot } : {}),
          reference: { type: 'purchase_order_line', id: line.id },
          when: receivedWhen,
          by: ids.warehouseManager,
        });
        receiptLines.push({
          id: ids.newId(),
          receipt_id: receiptId,
          purchase_order_line_id: line.id,
          quantity: String(received),
          location_id: receiving,
          lot_id: lot ?? null,
          move_id: moveId,
        });
        post({
          kind: 'transfer',
          item: line.item,
          quantity: received,
          from: receiving,
          to: homeBin(items.indexOf(line.item), chicago),
          ...(lot ? { lot } : {}),
          note: 'Put away',
          when: new Date(receivedWhen.getTime() + 3_600_000),
          by: ids.warehouseManager,
        });
      });
    }
    if (receiptId) {
      receiptNumber += 1;
      receipts.push({
        id: receiptId,
        number: `RCV-${String(receiptNumber).padStart(5, '0')}`,
        purchase_order_id: orderId,
        received_by: ids.warehouseManager,
        received_at: iso(receivedWhen),
      });
    }
  }

  // A posted count with a variance, and an open one.
  const counts: Row[] = [];
  const countLines: Row[] = [];
  const countedBin = homeBin(0, chicago);
  const postedCount = ids.newId();
  let varianceValue = 0n;
  const countedAt = at(20, 12);
  schedule(countedAt, () => {
    for (const [index, item] of items.entries()) {
      if (homeBin(index, chicago) !== countedBin || item.leaf.tracking !== 'none') continue;
      const expected = onHand(item.id, countedBin);
      const counted = index % 2 === 0 && expected > 2n ? expected - 2n : expected;
      countLines.push({
        id: ids.newId(),
        count_id: postedCount,
        item_id: item.id,
        location_id: countedBin,
        lot_key: NO_LOT,
        expected: String(expected),
        counted: String(counted),
        counted_by: ids.warehouseManager,
        counted_at: iso(at(20, 10)),
      });
      if (counted < expected) {
        varianceValue += (expected - counted) * (average.get(item.id) ?? 0n);
        post({
          kind: 'count',
          item,
          quantity: expected - counted,
          from: countedBin,
          reference: { type: 'count', id: postedCount },
          note: 'CNT-00001',
          when: countedAt,
          by: ids.warehouseManager,
        });
      }
    }
    counts.push({
      id: postedCount,
      number: 'CNT-00001',
      location_id: countedBin,
      status: 'posted',
      variance_value: `${varianceValue / MICRO}.${String((varianceValue % MICRO) / 10_000n).padStart(2, '0')}`,
      created_by: ids.warehouseManager,
      submitted_by: ids.warehouseManager,
      posted_at: iso(countedAt),
      created_at: iso(at(20, 9)),
    });
  });
  const openBin = homeBin(5, chicago);
  const openCount = ids.newId();
  schedule(at(0, 8), () => {
    counts.push({
      id: openCount,
      number: 'CNT-00002',
      location_id: openBin,
      status: 'open',
      created_by: ids.warehouseManager,
      created_at: iso(at(0, 8)),
    });
    for (const [index, item] of items.entries()) {
      if (homeBin(index, chicago) !== openBin || item.leaf.tracking !== 'none') continue;
      countLines.push({
        id: ids.newId(),
        count_id: openCount,
        item_id: item.id,
        location_id: openBin,
        lot_key: NO_LOT,
        expected: String(onHand(item.id, openBin)),
      });
    }
  });

  // Reorder points in Chicago for untracked items; a dozen without an order fall below theirs today.
  const reorder: Row[] = [];
  let below = 0;
  for (const item of untracked) {
    const start = opening.get(item.id) ?? 0n;
    if (start === 0n) continue;
    const index = items.indexOf(item);
    const point = start / 4n;
    reorder.push({
      item_id: item.id,
      warehouse_id: chicago,
      reorder_point: String(point),
      reorder_quantity: String(start / 2n),
    });
    const bin = homeBin(index, chicago);
    if (below < 12 && !onOrder.has(item.id) && index % 7 === 3) {
      below += 1;
      const when = at(0, 9);
      schedule(when, () => {
        const held = onHand(item.id, bin);
        if (held > point / 2n)
          post({
            kind: 'issue',
            item,
            quantity: held - point / 2n,
            from: bin,
            note: 'Large workshop job',
            when,
            by: ids.warehouseManager,
          });
      });
    }
  }

  // Requisitions: one of each status, the ordered one linked to the VOLT order.
  const requisitions: Row[] = [];
  const requisitionLines: Row[] = [];
  const statuses = ['draft', 'submitted', 'submitted', 'approved', 'rejected', 'cancelled'] as const;
  for (const [index, status] of statuses.entries()) {
    const id = ids.newId();
    const requester = ids.requesters[index % Math.max(ids.requesters.length, 1)] ?? ids.warehouseManager;
    requisitions.push({
      id,
      number: `REQ-${String(index + 1).padStart(5, '0')}`,
      status,
      requested_by: requester,
      needed_by: dateOnly(at(-14)),
      warehouse_id: chicago,
      note: [
        'Restock the van kits',
        'New starter PPE',
        'Site job 42',
        'Spares for the line',
        'Office move',
        'Trial order',
      ][index],
      decided_by: status === 'approved' || status === 'rejected' ? ids.buyer : null,
      decided_at: status === 'approved' || status === 'rejected' ? iso(at(2)) : null,
      decision_note: status === 'rejected' ? 'Covered by stock in Boston' : null,
      created_at: iso(at(6 - index)),
    });
    for (let line = 0; line < 2; line += 1) {
      const item = untracked[(index * 13 + line * 7) % untracked.length] as Item;
      requisitionLines.push({
        id: ids.newId(),
        requisition_id: id,
        line_no: line + 1,
        item_id: item.id,
        quantity: String(between(2, 20)),
      });
    }
  }

  planned.sort((a, b) => a.when - b.when || a.order - b.order);
  for (const step of planned) step.run();

  // Balances: the simulation's end state, with each row's warehouse.
  const stockBalances: Row[] = [];
  for (const [key, quantity] of balances) {
    const [itemId, locationId, lot] = key.split('|') as [string, string, string];
    stockBalances.push({
      item_id: itemId,
      location_id: locationId,
      lot_key: lot,
      warehouse_id: warehouseOfLocation.get(locationId),
      on_hand: String(quantity),
    });
  }
  for (const row of itemRows) row.average_cost = micro(average.get(row.id as string) ?? 0n);

  return {
    categories,
    suppliers,
    items: itemRows,
    itemUnits,
    barcodes,
    prices,
    warehouses,
    locations,
    lots,
    moves,
    itemCosts,
    stockBalances,
    reorder,
    purchaseOrders,
    orderLines,
    receipts,
    receiptLines,
    counts,
    countLines,
    requisitions,
    requisitionLines,
    counters: [
      { kind: 'purchase_order', last_value: orderNumber },
      { kind: 'receipt', last_value: receiptNumber },
      { kind: 'count', last_value: 2 },
      { kind: 'requisition', last_value: statuses.length },
    ],
    belowReorderPoint: below,
  };
}
