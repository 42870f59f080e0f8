import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import PipelineBoard from './PipelineBoard.svelte';
import { board } from './test-fixtures';

const props = (overrides: Record<string, unknown> = {}) => ({
  board: board(),
  base: '/t/acme/customerconnect',
  canWrite: true,
  onmove: vi.fn(),
  ...overrides,
});

describe('PipelineBoard', () => {
  it('shows a column per stage with its count, probability and totals per currency', () => {
    render(PipelineBoard, props());
    const a = screen.getByRole('list', { name: 'A deals' });
    expect(within(a).getAllByRole('link')).toHaveLength(3);
    expect(screen.getByLabelText('3 deals')).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^WON/ })).toBeTruthy();
    expect(screen.getAllByText('50 %').length).toBe(2);
    expect(screen.getByText('No amounts')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Deal 1/ }).getAttribute('href')).toBe(
      '/t/acme/customerconnect/opportunities/1',
    );
  });

  it('moves a card by keyboard: Alt+→ to the next stage, Alt+↓ within it', async () => {
    const onmove = vi.fn();
    render(PipelineBoard, props({ onmove }));
    const card = screen.getByRole('link', { name: /Deal 1/ });
    await fireEvent.keyDown(card, { key: 'ArrowRight', altKey: true });
    expect(onmove).toHaveBeenLastCalledWith('1', 'b', 1);
    await fireEvent.keyDown(card, { key: 'ArrowDown', altKey: true });
    expect(onmove).toHaveBeenLastCalledWith('1', 'a', 1);
  });

  it('offers Move to… with every stage', async () => {
    const onmove = vi.fn();
    render(PipelineBoard, props({ onmove }));
    await fireEvent.click(screen.getByRole('button', { name: 'Move Deal 2 to…' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Move to the bottom of WON' }));
    expect(onmove).toHaveBeenCalledWith('2', 'won', 0);
  });

  it('offers Load more where a stage has more cards', () => {
    const onmore = vi.fn();
    render(PipelineBoard, props({ onmore }));
    screen.getByRole('button', { name: 'Load more in B' }).click();
    expect(onmore).toHaveBeenCalledWith('b');
  });

  it('has no move controls for someone who cannot change deals', () => {
    render(PipelineBoard, props({ canWrite: false }));
    expect(screen.queryByRole('button', { name: /^Move / })).toBeNull();
  });
});
