/**
 * Which rows of a list are selected, with the usual gestures: a click
 * toggles one row, a shift-click selects the range from the last clicked
 * row, "select all" takes every row of the page. Ids of rows that leave the
 * list (a filter changed) drop out with `keep`.
 */
export class Selection {
  ids: string[] = $state([]);
  #anchor: string | undefined;

  has(id: string): boolean {
    return this.ids.includes(id);
  }

  get size(): number {
    return this.ids.length;
  }

  /** `order` is the rows as shown, for the shift-click range. */
  toggle(id: string, order: readonly string[], range = false) {
    const anchor = this.#anchor;
    if (range && anchor && anchor !== id) {
      const from = order.indexOf(anchor);
      const to = order.indexOf(id);
      if (from !== -1 && to !== -1) {
        const span = order.slice(Math.min(from, to), Math.max(from, to) + 1);
        // The range takes the anchor's state: shift-clicking after a select selects.
        const select = this.has(anchor);
        this.ids = select
          ? [...this.ids, ...span.filter((item) => !this.has(item))]
          : this.ids.filter((item) => !span.includes(item));
        this.#anchor = id;
        return;
      }
    }
    this.ids = this.has(id) ? this.ids.filter((item) => item !== id) : [...this.ids, id];
    this.#anchor = id;
  }

  /** Selects every row shown, or clears them when all already are. */
  toggleAll(order: readonly string[]) {
    const all = order.length > 0 && order.every((id) => this.has(id));
    this.ids = all ? this.ids.filter((id) => !order.includes(id)) : [...new Set([...this.ids, ...order])];
  }

  keep(order: readonly string[]) {
    const visible = new Set(order);
    if (this.ids.some((id) => !visible.has(id))) this.ids = this.ids.filter((id) => visible.has(id));
  }

  clear() {
    this.ids = [];
    this.#anchor = undefined;
  }
}
