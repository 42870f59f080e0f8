import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';

// The dialog POSTs the file's text to /v1/taskodex/tasks/import; the fake records it.
const calls: { path: string; query: unknown; body: unknown }[] = [];

vi.mock('$lib/api', async () => {
  const problem = await import('$lib/api/problem');
  const client = await import('$lib/api/client');
  const POST = async (path: string, options: { params: { query: unknown }; body: unknown }) => {
    calls.push({ path, query: options.params.query, body: options.body });
    return {
      data: {
        imported: 2,
        failed: [
          { row: 3, errors: [{ column: 'due date', message: 'Not a date (YYYY-MM-DD).' }] },
          { row: 5, errors: [{ column: null, message: 'The title is missing.' }] },
        ],
        ignoredColumnCount: 1,
        ignoredColumns: ['identifier'],
      },
      response: new Response(null, { status: 200 }),
    };
  };
  return {
    api: { POST },
    unwrap: client.unwrap,
    ApiError: problem.ApiError,
    problemMessage: problem.problemMessage,
  };
});

const { default: ImportDialog } = await import('./ImportDialog.svelte');

describe('ImportDialog', () => {
  it('uploads the chosen CSV into the project and reports rows not imported', async () => {
    const onimported = vi.fn();
    render(ImportDialog, { open: true, projectId: 'p1', projectName: 'Website', onimported });
    const upload = screen.getByRole('button', { name: 'Upload and import' });
    expect(upload).toHaveProperty('disabled', true);
    const csv = 'title,due date\nOne,2026-12-01\nTwo,soon\n';
    const input = screen.getByLabelText('CSV file') as HTMLInputElement;
    const file = new File([csv], 'tasks.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    await fireEvent.change(input);
    expect(upload).toHaveProperty('disabled', false);
    // happy-dom does not submit a form from a button outside it (form="…"); submit it directly.
    await fireEvent.submit(document.getElementById(upload.getAttribute('form') ?? '') as HTMLFormElement);

    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(calls).toEqual([{ path: '/v1/taskodex/tasks/import', query: { projectId: 'p1' }, body: { csv } }]);
    expect(report.textContent).toMatch(/2\s*tasks imported,\s*2\s*rows skipped/);
    const rows = within(report).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('3');
    expect(rows[1]?.textContent).toContain('due date: Not a date (YYYY-MM-DD).');
    expect(rows[2]?.textContent).toContain('The title is missing.');
    expect(report.textContent).toContain('Columns ignored: identifier.');
    expect(onimported).toHaveBeenCalledWith(2);
  });
});
