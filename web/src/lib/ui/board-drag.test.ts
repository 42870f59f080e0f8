import { describe, expect, it, vi } from 'vitest';
import { BoardDrag, indexAt, keyboardMove } from './board-drag.svelte';

describe('indexAt', () => {
  it('finds the drop index from card midpoints, skipping the dragged card', () => {
    const cards = [
      { id: 'x', top: 0, height: 100 },
      { id: 'y', top: 110, height: 100 },
      { id: 'z', top: 220, height: 100 },
    ];
    expect(indexAt(cards, 'none', 10)).toBe(0);
    expect(indexAt(cards, 'none', 170)).toBe(2);
    expect(indexAt(cards, 'x', 170)).toBe(1);
    expect(indexAt(cards, 'none', 999)).toBe(3);
    expect(indexAt([], 'none', 5)).toBe(0);
  });
});

describe('keyboardMove', () => {
  const counts = [2, 0, 3];
  it('moves to the end of the previous/next column', () => {
    expect(keyboardMove(counts, 0, 1, 'ArrowRight')).toEqual({ columnIndex: 1, index: 0 });
    expect(keyboardMove(counts, 1, 0, 'ArrowRight')).toEqual({ columnIndex: 2, index: 3 });
    expect(keyboardMove(counts, 2, 0, 'ArrowLeft')).toEqual({ columnIndex: 1, index: 0 });
  });
  it('takes a move key with nowhere to go at the board edges', () => {
    expect(keyboardMove(counts, 0, 0, 'ArrowLeft')).toBeNull();
    expect(keyboardMove(counts, 2, 0, 'ArrowRight')).toBeNull();
  });
  it('moves one place within the column, not past its ends', () => {
    expect(keyboardMove(counts, 2, 1, 'ArrowUp')).toEqual({ columnIndex: 2, index: 0 });
    expect(keyboardMove(counts, 2, 1, 'ArrowDown')).toEqual({ columnIndex: 2, index: 2 });
    expect(keyboardMove(counts, 2, 0, 'ArrowUp')).toBeUndefined();
    expect(keyboardMove(counts, 2, 2, 'ArrowDown')).toBeUndefined();
  });
  it('leaves other keys and unknown columns alone', () => {
    expect(keyboardMove(counts, 0, 0, 'Enter')).toBeUndefined();
    expect(keyboardMove(counts, -1, 0, 'ArrowRight')).toBeUndefined();
  });
});

describe('BoardDrag', () => {
  function list(ids: string[]) {
    const ul = document.createElement('ul');
    ids.forEach((id, at) => {
      const li = document.createElement('li');
      li.setAttribute('data-card-id', id);
      li.getBoundingClientRect = () => ({ top: at * 100, height: 90 }) as DOMRect;
      ul.append(li);
    });
    return ul;
  }
  function dragEvent(currentTarget: HTMLElement, clientY: number) {
    const dataTransfer = { setData: vi.fn(), getData: vi.fn(() => ''), effectAllowed: '', dropEffect: '' };
    return { currentTarget, clientY, dataTransfer, preventDefault: vi.fn() } as unknown as DragEvent;
  }

  it('tracks the drop target while dragging and applies the drop', () => {
    const onmove = vi.fn();
    const drag = new BoardDrag('data-card-id', () => true, onmove);
    const ul = list(['a', 'b', 'c']);
    drag.start(dragEvent(ul, 0), 'a');
    expect(drag.dragging).toBe('a');
    drag.over(dragEvent(ul, 230), 'todo');
    expect(drag.target).toEqual({ column: 'todo', index: 1 });
    drag.drop(dragEvent(ul, 230), 'todo');
    expect(onmove).toHaveBeenCalledWith('a', 'todo', 1);
    expect(drag.dragging).toBeUndefined();
    expect(drag.target).toBeUndefined();
  });

  it('does not start a drag without write access', () => {
    const drag = new BoardDrag('data-card-id', () => false, vi.fn());
    const ul = list(['a']);
    drag.start(dragEvent(ul, 0), 'a');
    expect(drag.dragging).toBeUndefined();
    drag.over(dragEvent(ul, 0), 'todo');
    expect(drag.target).toBeUndefined();
  });
});
