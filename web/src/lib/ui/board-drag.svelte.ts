/**
 * The non-visual part of a kanban board (Taskodex's task board,
 * CustomerConnect's pipeline board): where a dragged card would land, the
 * pointer drag state behind the drop marker, and the Alt+arrow keyboard move.
 * A column is named by a key (a workflow state, a stage id); a card by an id
 * the board writes on its `<li>` in a data attribute.
 */

/** Where a card would land: its column and its index among the other cards. */
export interface DropTarget {
  column: string;
  index: number;
}

/** The index a card dropped at `clientY` takes among the cards (top to bottom), the dragged one left out. */
export function indexAt(
  cards: readonly { id: string; top: number; height: number }[],
  dragged: string,
  clientY: number,
): number {
  let index = 0;
  for (const card of cards) {
    if (card.id === dragged) continue;
    if (clientY < card.top + card.height / 2) return index;
    index++;
  }
  return index;
}

/**
 * Alt+←/→ moves a card to the end of the previous/next column, Alt+↑/↓ one
 * place within its column. `counts` are the columns' card counts. Returns the
 * new place; `null` for a move key with nowhere to go (the key is still
 * taken); `undefined` for any other key.
 */
export function keyboardMove(
  counts: readonly number[],
  columnIndex: number,
  index: number,
  key: string,
): { columnIndex: number; index: number } | null | undefined {
  const count = counts[columnIndex];
  if (count === undefined) return undefined;
  if (key === 'ArrowRight' || key === 'ArrowLeft') {
    const other = columnIndex + (key === 'ArrowRight' ? 1 : -1);
    const otherCount = counts[other];
    return otherCount === undefined ? null : { columnIndex: other, index: otherCount };
  }
  if (key === 'ArrowUp' && index > 0) return { columnIndex, index: index - 1 };
  if (key === 'ArrowDown' && index < count - 1) return { columnIndex, index: index + 1 };
  return undefined;
}

/**
 * A board's pointer drag and drop: the card being dragged, the drop target
 * (for the marker) and the handlers for the cards and the column lists.
 * `attribute` is the data attribute naming a card on its `<li>` (e.g.
 * `data-task-id`); `onmove` applies a drop.
 */
export class BoardDrag {
  dragging: string | undefined = $state();
  target: DropTarget | undefined = $state();
  readonly #attribute: string;
  readonly #canWrite: () => boolean;
  readonly #onmove: (id: string, column: string, index: number) => void;

  constructor(
    attribute: string,
    canWrite: () => boolean,
    onmove: (id: string, column: string, index: number) => void,
  ) {
    this.#attribute = attribute;
    this.#canWrite = canWrite;
    this.#onmove = onmove;
  }

  start(event: DragEvent, id: string) {
    if (!this.#canWrite() || !event.dataTransfer) return;
    event.dataTransfer.setData('text/plain', id);
    event.dataTransfer.effectAllowed = 'move';
    this.dragging = id;
  }

  /** The drop index in the list `<ul>` at `clientY`. */
  dropIndex(list: HTMLElement, clientY: number): number {
    const cards = [...list.querySelectorAll<HTMLElement>(`:scope > li[${this.#attribute}]`)].map((card) => {
      const box = card.getBoundingClientRect();
      return { id: card.getAttribute(this.#attribute) ?? '', top: box.top, height: box.height };
    });
    return indexAt(cards, this.dragging ?? '', clientY);
  }

  over(event: DragEvent, column: string) {
    if (!this.dragging) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    const index = this.dropIndex(event.currentTarget as HTMLElement, event.clientY);
    if (this.target?.column !== column || this.target.index !== index) this.target = { column, index };
  }

  leave(event: DragEvent) {
    if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node)) this.target = undefined;
  }

  drop(event: DragEvent, column: string) {
    event.preventDefault();
    const id = this.dragging ?? event.dataTransfer?.getData('text/plain');
    const index = this.dropIndex(event.currentTarget as HTMLElement, event.clientY);
    this.end();
    if (id) this.#onmove(id, column, index);
  }

  end() {
    this.dragging = undefined;
    this.target = undefined;
  }
}
