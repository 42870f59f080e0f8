import { invGet } from '../http';
import type { Page, StockLocation, Warehouse } from '../types';
import { pathLabel, type TreeRow, treeRows } from '../warehouses/tree';

/**
 * Warehouses and their location trees, loaded once per page and shared by the
 * pickers of the move, count and stock screens. `forget` after a screen
 * changes a tree (a new bin).
 */
class Locations {
  warehouses: Warehouse[] = $state([]);
  #trees: Record<string, TreeRow[]> = $state({});
  #loading: Promise<void> | undefined;
  #pending = new Map<string, Promise<TreeRow[]>>();

  load(): Promise<void> {
    this.#loading ??= invGet<Page<Warehouse>>('/warehouses', { limit: 100 })
      .then((data) => {
        this.warehouses = data.items.filter((warehouse) => warehouse.active);
      })
      .catch(() => {
        this.#loading = undefined;
      });
    return this.#loading;
  }

  rows(warehouseId: string): TreeRow[] {
    return this.#trees[warehouseId] ?? [];
  }

  tree(warehouseId: string): Promise<TreeRow[]> {
    const known = this.#trees[warehouseId];
    if (known) return Promise.resolve(known);
    let pending = this.#pending.get(warehouseId);
    if (!pending) {
      pending = invGet<Page<StockLocation>>(`/warehouses/${warehouseId}/locations`).then((data) => {
        const rows = treeRows(data.items.filter((location) => location.active));
        this.#trees[warehouseId] = rows;
        this.#pending.delete(warehouseId);
        return rows;
      });
      pending.catch(() => this.#pending.delete(warehouseId));
      this.#pending.set(warehouseId, pending);
    }
    return pending;
  }

  options(warehouseId: string) {
    return this.rows(warehouseId).map((row) => ({
      value: row.location.id,
      label: `${'· '.repeat(row.depth)}${pathLabel(row)}`,
    }));
  }

  warehouseCode(warehouseId: string | null | undefined): string {
    return this.warehouses.find((warehouse) => warehouse.id === warehouseId)?.code ?? '';
  }

  forget(warehouseId?: string) {
    if (warehouseId) delete this.#trees[warehouseId];
    else {
      this.#trees = {};
      this.#loading = undefined;
    }
  }
}

export const locations = new Locations();
