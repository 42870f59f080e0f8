import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The lookup knows one item barcode (a carton of 12) and one bin; anything else is a 404.
const asked: string[] = [];
vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const GET = async (_path: string, options: { params: { query: { barcode: string } } }) => {
    const code = options.params.query.barcode;
    asked.push(code);
    const matches =
      code === '4006381333931'
        ? [
            {
              type: 'item',
              item: { id: 'i1', sku: 'WID-1', name: 'Widget', unit: 'each' },
              unit: 'box',
              factor: '12',
            },
          ]
        : code === 'WH1-A-03'
          ? [{ type: 'location', location: { id: 'l1', code: '03', warehouseId: 'w1', path: ['A', '03'] } }]
          : null;
    if (!matches)
      return {
        error: { title: 'Not found', status: 404, detail: 'No match', code: 'not_found' },
        response: new Response(null, { status: 404 }),
      };
    return { data: { barcode: code, matches }, response: new Response(null, { status: 200 }) };
  };
  return {
    api: { GET },
    unwrap: client.unwrap,
    ApiError: problem.ApiError,
    problemMessage: problem.problemMessage,
  };
});

import ScanInput from './ScanInput.svelte';

describe('ScanInput', () => {
  beforeEach(() => {
    asked.length = 0;
  });

  it('resolves an Enter-terminated code, reports it and empties itself for the next scan', async () => {
    const onscan = vi.fn();
    const submitted = vi.fn((event: Event) => event.preventDefault());
    const form = document.createElement('form');
    form.addEventListener('submit', submitted);
    document.body.append(form);
    render(ScanInput, { target: form, props: { accept: ['item', 'location'], onscan } });
    const field = screen.getByLabelText('Scan') as HTMLInputElement;

    await fireEvent.input(field, { target: { value: ']C14006381333931' } });
    await fireEvent.keyDown(field, { key: 'Enter' });

    await waitFor(() => expect(onscan).toHaveBeenCalledTimes(1));
    expect(asked).toEqual(['4006381333931']);
    expect(onscan.mock.calls[0]?.[0].match.item.sku).toBe('WID-1');
    expect(screen.getByRole('status').textContent).toBe('Item WID-1 · Widget (box)');
    expect(field.value).toBe('');
    expect(submitted).not.toHaveBeenCalled();
    form.remove();
  });

  it('says when the code is of a kind the screen does not take', async () => {
    const onscan = vi.fn();
    render(ScanInput, { props: { accept: ['item'], onscan } });
    const field = screen.getByLabelText('Scan');

    await fireEvent.input(field, { target: { value: 'WH1-A-03' } });
    await fireEvent.keyDown(field, { key: 'Enter' });

    await waitFor(() => expect(onscan).toHaveBeenCalledTimes(1));
    expect(onscan.mock.calls[0]?.[0].match).toBeUndefined();
    expect(screen.getByRole('status').textContent).toBe('WH1-A-03 is a location; here an item is expected.');
  });

  it('treats an unknown code as a miss, not an error', async () => {
    const onscan = vi.fn();
    render(ScanInput, { props: { accept: ['item'], onscan } });
    const field = screen.getByLabelText('Scan');

    await fireEvent.input(field, { target: { value: 'NOPE' } });
    await fireEvent.keyDown(field, { key: 'Enter' });

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Nothing has the code NOPE.'));
    expect(onscan.mock.calls[0]?.[0]).toEqual({ code: 'NOPE', matches: [] });
  });

  it('shows no camera button where the browser has no BarcodeDetector', () => {
    render(ScanInput, { props: { accept: ['item'], onscan: vi.fn() } });
    expect(screen.queryByRole('button', { name: /camera/i })).toBeNull();
  });
});
