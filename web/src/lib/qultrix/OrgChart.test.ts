import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The org chart API: ceo → cto (→ dev, lazily) and cfo.
const calls: unknown[] = [];
const node = (id: string, managerId: string | null, depth: number, directReportCount = 0) => ({
  id,
  employeeNumber: `EMP-${id}`,
  name: `Person ${id}`,
  positionTitle: id.toUpperCase(),
  departmentName: null,
  managerId,
  depth,
  directReportCount,
});

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const ok = (data: unknown) => ({ data, response: new Response(null, { status: 200 }) });
  const GET = async (_path: string, options: { params: { query: { rootId?: string } } }) => {
    calls.push(options.params.query);
    if (options.params.query.rootId === 'cto')
      return ok({ items: [node('cto', 'ceo', 0, 1), node('dev', 'cto', 1)] });
    return ok({
      items: [node('ceo', null, 0, 2), node('cto', 'ceo', 1, 1), node('cfo', 'ceo', 1, 0)],
    });
  };
  return { api: { GET }, unwrap: client.unwrap, problemMessage: problem.problemMessage };
});

const { default: OrgChart } = await import('./OrgChart.svelte');

beforeEach(() => {
  calls.length = 0;
});

describe('OrgChart', () => {
  it('opens the first level and loads deeper reports when expanded', async () => {
    render(OrgChart, { onopen: vi.fn() });
    const ceo = await screen.findByRole('treeitem', { name: /Person ceo/ });
    expect(ceo.getAttribute('aria-expanded')).toBe('true');
    const cto = screen.getByRole('treeitem', { name: /Person cto/ });
    expect(cto.getAttribute('aria-expanded')).toBe('false');
    expect(cto.getAttribute('aria-level')).toBe('2');
    expect(screen.getByRole('treeitem', { name: /Person cfo/ }).getAttribute('aria-expanded')).toBeNull();

    await fireEvent.click(cto);
    const dev = await screen.findByRole('treeitem', { name: /Person dev/ });
    expect(dev.getAttribute('aria-level')).toBe('3');
    expect(calls.at(-1)).toEqual({ rootId: 'cto', depth: 1 });
  });

  it('moves with the arrow keys and opens a profile with Enter', async () => {
    const onopen = vi.fn();
    render(OrgChart, { onopen });
    const ceo = await screen.findByRole('treeitem', { name: /Person ceo/ });
    expect(ceo.tabIndex).toBe(0);
    ceo.focus();
    await fireEvent.keyDown(ceo, { key: 'ArrowDown' });
    const cto = screen.getByRole('treeitem', { name: /Person cto/ });
    await waitFor(() => expect(document.activeElement).toBe(cto));
    await fireEvent.keyDown(cto, { key: 'ArrowRight' });
    await screen.findByRole('treeitem', { name: /Person dev/ });
    await fireEvent.keyDown(cto, { key: 'ArrowLeft' });
    await waitFor(() => expect(screen.queryByRole('treeitem', { name: /Person dev/ })).toBeNull());
    await fireEvent.keyDown(cto, { key: 'ArrowLeft' });
    await waitFor(() => expect(document.activeElement).toBe(ceo));
    await fireEvent.keyDown(ceo, { key: 'Enter' });
    expect(onopen).toHaveBeenCalledWith('ceo');
  });
});
