import type { Tx } from '@halooid/shared/db/transaction';
import { trimDecimal } from '@halooid/shared/decimal';
import { BusinessRuleError, ConflictError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { invantrayEvents } from '../events';
import { lotKeyOf } from './decimals';
import type { MoveKind, MoveReference, MoveSnapshot } from './snapshots';

/**
 * The stock ledger: the one way stock changes. Every capability that moves
 * stock (moves, receiving, counts, reservations being consumed) calls
 * `postMoves`, which in one transaction
 * - takes a per-item lock on every item of the batch, in id order, so
 *   batches touching the same items queue instead of deadlocking;
 * - takes each outgoing quantity off its balance only where enough is
 *   available (`on_hand - reserved >= quantity`, or the reserved part when a
 *   reservation is consumed): the conditional UPDATE is atomic, so of twenty
 *   concurrent issues of the last five units exactly five succeed and the rest
 *   get 409 `insufficient_stock`; the table's checks are the backstop;
 * - adds incoming quantities to their balances (made on first use);
 * - on a receipt with a cost, moves the item's average cost (moving average,
 *   computed in numeric) and keeps its history in item_costs;
 * - appends the moves (the app role cannot update or delete them) and
 *   records one `invantray.stock.moved` event for the batch.
 * Quantities are in the item's base unit.
 */
export interface MoveInput {
  kind: MoveKind;
  itemId: string;
  lotId?: string | null;
  quantity: string;
  fromLocationId?: string | null;
  toLocationId?: string | null;
  /** A receipt's cost per base unit in the base currency; other moves are valued at the average cost. */
  unitCost?: string | null;
  reference?: MoveReference | null;
  note?: string | null;
  /** The outgoing quantity was reserved: it leaves the reserved part (a reservation being consumed). */
  fromReserved?: boolean;
}

export type LedgerDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'events'>;

interface ItemFacts {
  id: string;
  sku: string;
  unit: string;
  tracking: 'none' | 'lot' | 'serial';
  average_cost: string;
}

interface LocationFacts {
  id: string;
  warehouse_id: string;
  active: boolean;
}

const MAX_BATCH = 1000;

export async function postMoves(deps: LedgerDeps, moves: readonly MoveInput[]): Promise<MoveSnapshot[]> {
  return (await postMoveBatch(deps, moves)).moves;
}

/** `postMoves`, also answering the batch id the moves share (null when there was nothing to post). */
export async function postMoveBatch(
  deps: LedgerDeps,
  moves: readonly MoveInput[],
): Promise<{ batchId: string | null; moves: MoveSnapshot[] }> {
  if (moves.length === 0) return { batchId: null, moves: [] };
  if (moves.length > MAX_BATCH)
    throw new BusinessRuleError('too_many_moves', `At most ${MAX_BATCH} moves at once.`);
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const items = await lockItems(tx, tenantId, moves);
  const locations = await locationsOf(tx, tenantId, moves);
  await checkLotsBelong(tx, tenantId, moves);
  const batchId = deps.newId();
  const posted: MoveSnapshot[] = [];
  for (const move of moves) {
    const item = items.get(move.itemId);
    if (!item) throw new BusinessRuleError('item_not_found', `Item ${move.itemId} does not exist.`);
    checkShape(move, item);
    const from = move.fromLocationId ? locationOf(locations, move.fromLocationId) : undefined;
    const to = move.toLocationId ? locationOf(locations, move.toLocationId) : undefined;
    if (to && !to.active)
      throw new BusinessRuleError(
        'location_inactive',
        'Stock cannot move into an inactive location or a location of an inactive warehouse.',
      );
    const lotKey = lotKeyOf(move.lotId);
    if (from) await takeFrom(tx, tenantId, move, item, from, lotKey);
    const unitCost = move.kind === 'receipt' && move.unitCost != null ? move.unitCost : item.average_cost;
    const id = deps.newId();
    if (move.kind === 'receipt' && move.unitCost != null) {
      item.average_cost = await receiveCost(tx, tenantId, item.id, move.quantity, move.unitCost, id);
    }
    if (to) await addTo(tx, tenantId, move, to, lotKey);
    if (item.tracking === 'serial') await checkSerialAlone(tx, tenantId, item.id, lotKey);
    const { rows } = await tx.query<{ posted_at: Date }>(
      `insert into invantray.stock_moves
         (tenant_id, id, kind, item_id, lot_id, quantity, from_location_id, to_location_id, unit_cost,
          reference_type, reference_id, note, batch_id, posted_by, posted_by_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       returning posted_at`,
      [
        tenantId,
        id,
        move.kind,
        item.id,
        move.lotId ?? null,
        move.quantity,
        from?.id ?? null,
        to?.id ?? null,
        unitCost,
        move.reference?.type ?? null,
        move.reference?.id ?? null,
        move.note ?? null,
        batchId,
        principal.principalType === 'user' ? principal.principalId : null,
        principal.principalType === 'apiKey' ? principal.principalId : null,
      ],
    );
    posted.push({
      id,
      kind: move.kind,
      itemId: item.id,
      sku: item.sku,
      lotId: move.lotId ?? null,
      quantity: trimDecimal(move.quantity),
      unit: item.unit,
      fromLocationId: from?.id ?? null,
      toLocationId: to?.id ?? null,
      fromWarehouseId: from?.warehouse_id ?? null,
      toWarehouseId: to?.warehouse_id ?? null,
      unitCost: trimDecimal(unitCost),
      reference: move.reference ?? null,
      note: move.note ?? null,
      postedAt: (rows[0]?.posted_at ?? new Date()).toISOString(),
    });
  }
  await deps.events.record(invantrayEvents, 'stock.moved', { batchId, moves: posted });
  return { batchId, moves: posted };
}

/** The batch's items, each locked (per tenant and item) for the rest of the transaction, in id order. */
async function lockItems(
  tx: Tx,
  tenantId: string,
  moves: readonly MoveInput[],
): Promise<Map<string, ItemFacts>> {
  const ids = [...new Set(moves.map((move) => move.itemId))].sort();
  await tx.query(
    `select pg_advisory_xact_lock(hashtextextended($1::text || ':' || id, 0))
     from unnest($2::text[]) as id order by id`,
    [tenantId, ids],
  );
  const { rows } = await tx.query<ItemFacts>(
    `select id, sku, unit, tracking, average_cost::text
     from invantray.items where tenant_id = $1 and id = any($2::uuid[])`,
    [tenantId, ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * The batch's locations, each share-locked for the rest of the transaction
 * (in id order, like every other locker of location rows), and whether each
 * is active: a location counts as active only while its warehouse is too.
 * Deactivating a location or a warehouse locks the location rows `for update`
 * before it checks them for stock, so it and a move serialize: either the
 * move lands first and the deactivation sees its stock (409), or the
 * deactivation commits first and the move sees the location inactive.
 * Two statements on purpose: the flags are read after the lock is held, in
 * a fresh snapshot, so a warehouse deactivated while this move waited reads
 * as inactive (a re-check of a waited-for row in one statement would still
 * see the joined warehouse as it was when the statement began).
 */
async function locationsOf(tx: Tx, tenantId: string, moves: readonly MoveInput[]) {
  const ids = [
    ...new Set(
      moves.flatMap((move) => [move.fromLocationId, move.toLocationId]).filter((id): id is string => !!id),
    ),
  ];
  await tx.query(
    'select id from invantray.locations where tenant_id = $1 and id = any($2::uuid[]) order by id for share',
    [tenantId, ids],
  );
  const { rows } = await tx.query<LocationFacts>(
    `select l.id, l.warehouse_id, l.active and w.active as active
     from invantray.locations l
     join invantray.warehouses w on w.tenant_id = l.tenant_id and w.id = l.warehouse_id
     where l.tenant_id = $1 and l.id = any($2::uuid[])`,
    [tenantId, ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * A lot id names a lot of one item: the foreign key only proves it exists in
 * the tenant, so a lot of another item would otherwise be accepted and its
 * balance row would mix two items' numbers.
 */
async function checkLotsBelong(tx: Tx, tenantId: string, moves: readonly MoveInput[]): Promise<void> {
  const wanted = moves.filter((move) => !!move.lotId);
  if (wanted.length === 0) return;
  const { rows } = await tx.query<{ id: string; item_id: string }>(
    'select id, item_id from invantray.lots where tenant_id = $1 and id = any($2::uuid[])',
    [tenantId, [...new Set(wanted.map((move) => move.lotId as string))]],
  );
  const owner = new Map(rows.map((row) => [row.id, row.item_id]));
  for (const move of wanted)
    if (owner.get(move.lotId as string) !== move.itemId)
      throw new BusinessRuleError('lot_not_found', `Lot ${move.lotId} is not a lot of item ${move.itemId}.`);
}

function locationOf(locations: Map<string, LocationFacts>, id: string): LocationFacts {
  const location = locations.get(id);
  if (!location) throw new BusinessRuleError('location_not_found', `Location ${id} does not exist.`);
  return location;
}

/** Which locations each kind needs, and the lot or serial rules of the item. */
function checkShape(move: MoveInput, item: ItemFacts): void {
  const needs: Record<MoveKind, 'from' | 'to' | 'both' | 'either'> = {
    receipt: 'to',
    issue: 'from',
    transfer: 'both',
    adjustment: 'either',
    count: 'either',
  };
  const need = needs[move.kind];
  const hasFrom = !!move.fromLocationId;
  const hasTo = !!move.toLocationId;
  const fits =
    need === 'to'
      ? hasTo && !hasFrom
      : need === 'from'
        ? hasFrom && !hasTo
        : need === 'both'
          ? hasFrom && hasTo && move.fromLocationId !== move.toLocationId
          : hasFrom !== hasTo;
  if (!fits)
    throw new BusinessRuleError(
      'invalid_move',
      {
        to: 'A receipt goes to a location and comes from none.',
        from: 'An issue comes from a location and goes to none.',
        both: 'A transfer goes from one location to another.',
        either: 'An adjustment or count either adds to a location or takes from one.',
      }[need],
    );
  if (item.tracking === 'none' && move.lotId)
    throw new BusinessRuleError('lot_not_tracked', `${item.sku} is not tracked by lot or serial number.`);
  if (item.tracking !== 'none' && !move.lotId)
    throw new BusinessRuleError(
      'lot_required',
      `${item.sku} is tracked by ${item.tracking} number: name one.`,
    );
  // Compared as text (exact): "1", "1.0" and "1.0000" are one unit, "1.00001" is not.
  if (item.tracking === 'serial' && !/^0*1(\.0*)?$/.test(move.quantity))
    throw new BusinessRuleError(
      'serial_quantity',
      'A serial number is one unit: move serials one at a time.',
    );
}

async function takeFrom(
  tx: Tx,
  tenantId: string,
  move: MoveInput,
  item: ItemFacts,
  from: LocationFacts,
  lotKey: string,
): Promise<void> {
  // Atomic check-and-take: the row lock makes concurrent takers re-read the updated row.
  const { rowCount } = await tx.query(
    `update invantray.stock_balances
     set on_hand = on_hand - $5::numeric,
         reserved = reserved - (case when $6 then $5::numeric else 0 end),
         updated_at = now()
     where tenant_id = $1 and item_id = $2 and location_id = $3 and lot_key = $4
       and (case when $6 then reserved >= $5::numeric else on_hand - reserved >= $5::numeric end)`,
    [tenantId, item.id, from.id, lotKey, move.quantity, move.fromReserved === true],
  );
  if (rowCount === 1) return;
  const { rows } = await tx.query<{ available: string }>(
    `select (on_hand - reserved)::text as available from invantray.stock_balances
     where tenant_id = $1 and item_id = $2 and location_id = $3 and lot_key = $4`,
    [tenantId, item.id, from.id, lotKey],
  );
  const available = trimDecimal(rows[0]?.available ?? '0');
  throw new ConflictError(
    move.fromReserved
      ? `Not enough of ${item.sku} is reserved there to take ${trimDecimal(move.quantity)}.`
      : `Only ${available} ${item.unit} of ${item.sku} is available there; ${trimDecimal(move.quantity)} was asked.`,
    'insufficient_stock',
    { itemId: item.id, stockLocationId: from.id, available },
  );
}

async function addTo(
  tx: Tx,
  tenantId: string,
  move: MoveInput,
  to: LocationFacts,
  lotKey: string,
): Promise<void> {
  await tx.query(
    `insert into invantray.stock_balances (tenant_id, item_id, location_id, lot_key, warehouse_id, on_hand)
     values ($1, $2, $3, $4, $5, $6)
     on conflict (tenant_id, item_id, location_id, lot_key)
     do update set on_hand = invantray.stock_balances.on_hand + excluded.on_hand, updated_at = now()`,
    [tenantId, move.itemId, to.id, lotKey, to.warehouse_id, move.quantity],
  );
}

/**
 * Moving average: (on hand × average + received × cost) / (on hand + received),
 * over the item's whole on-hand before this receipt, in numeric rounded to
 * 6 places. With nothing (or, after a write-off, less than nothing valued) on
 * hand, the receipt's cost becomes the average.
 */
async function receiveCost(
  tx: Tx,
  tenantId: string,
  itemId: string,
  quantity: string,
  unitCost: string,
  moveId: string,
): Promise<string> {
  const { rows } = await tx.query<{ average_cost: string }>(
    `with held as (
       select coalesce(sum(on_hand), 0) as on_hand from invantray.stock_balances
       where tenant_id = $1 and item_id = $2
     )
     update invantray.items i
     set average_cost = case
           when held.on_hand <= 0 then $4::numeric
           else round((held.on_hand * i.average_cost + $3::numeric * $4::numeric) / (held.on_hand + $3::numeric), 6)
         end,
         updated_at = now()
     from held
     where i.tenant_id = $1 and i.id = $2
     returning i.average_cost::text`,
    [tenantId, itemId, quantity, unitCost],
  );
  const average = rows[0]?.average_cost ?? unitCost;
  await tx.query(
    `insert into invantray.item_costs (tenant_id, item_id, effective_at, move_id, average_cost)
     values ($1, $2, now(), $3, $4)`,
    [tenantId, itemId, moveId, average],
  );
  return average;
}

/** A serial number is one unit in one place: more than one on hand means it was received twice. */
async function checkSerialAlone(tx: Tx, tenantId: string, itemId: string, lotKey: string): Promise<void> {
  const { rows } = await tx.query<{ on_hand: string }>(
    `select coalesce(sum(on_hand), 0)::text as on_hand from invantray.stock_balances
     where tenant_id = $1 and item_id = $2 and lot_key = $3`,
    [tenantId, itemId, lotKey],
  );
  if (Number(rows[0]?.on_hand ?? 0) > 1)
    throw new ConflictError('That serial number is already in stock.', 'serial_in_stock', { itemId });
}
