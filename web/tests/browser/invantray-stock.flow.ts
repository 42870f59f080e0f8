import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { api, apiHeaders, noSidewaysScroll } from './api';
import type { Flow } from './harness';

/**
 * Invantray's stock side in the browser, as a Warehouse Manager: create an
 * item, receive it into a bin by typing scanned codes into the scan field
 * (what a keyboard-wedge scanner does), transfer part of it to another bin at
 * a phone's width, count that bin with a variance (posted at once: under the
 * approval threshold), and read the stock value report. The warehouse and its
 * bins are arranged through the API; everything else through the screens.
 * Each screen is checked by axe; at 390 px nothing scrolls sideways.
 */

/** What a keyboard-wedge scanner does: type the code, then Enter; the field says what it found. */
async function scan(where: Locator, code: string, found: RegExp) {
  const field = where.getByLabel(/^Scan/).first();
  await field.fill(code);
  await field.press('Enter');
  await where.getByRole('status').filter({ hasText: found }).first().waitFor();
}

type Location = { id: string; code: string; barcode: string };

export const flows: Flow[] = [
  {
    name: 'invantray stock: create an item, receive and transfer by scanning, count a bin with a variance, value report',
    async run(t) {
      const { page, baseUrl, runId } = t;
      const code = `W${runId.toUpperCase()}`.slice(0, 20);
      const sku = `FLOW-${runId}`.toUpperCase();
      const barcode = `BC${runId}`.toUpperCase();

      // Arrange: a warehouse with a zone and two bins.
      const headers = await apiHeaders(baseUrl, 'warehouse@acme.example');
      const warehouse = await api<{ id: string }>(baseUrl, headers, 'POST', '/v1/invantray/warehouses', {
        code,
        name: `Flow warehouse ${runId}`,
      });
      const zone = await api<{ items: Location[] }>(
        baseUrl,
        headers,
        'POST',
        `/v1/invantray/warehouses/${warehouse.id}/locations`,
        {
          code: 'A',
          kind: 'zone',
        },
      );
      const bins = await api<{ items: Location[] }>(
        baseUrl,
        headers,
        'POST',
        `/v1/invantray/warehouses/${warehouse.id}/locations`,
        {
          parentId: zone.items[0]?.id,
          range: { from: 'B1', to: 'B2' },
          kind: 'bin',
        },
      );
      const [bin1, bin2] = bins.items;
      assert.ok(bin1 && bin2, 'two bins');

      await t.signIn('warehouse@acme.example');

      // The warehouse's location tree.
      await page.goto(`/t/acme/invantray/warehouses/${warehouse.id}`);
      await page.getByRole('list', { name: 'Locations' }).waitFor();
      await page.getByRole('button', { name: 'Collapse A' }).waitFor();
      await t.screen('warehouse location tree');

      // A new item, with a barcode.
      await page.goto('/t/acme/invantray/items');
      await page.getByRole('heading', { name: 'Items', exact: true }).waitFor();
      await page.getByRole('button', { name: 'New item' }).first().click();
      const itemDialog = page.getByRole('dialog', { name: 'New item' });
      await itemDialog.getByLabel('SKU').fill(sku);
      await itemDialog.getByLabel('Name', { exact: true }).fill(`Flow widget ${runId}`);
      await itemDialog.getByLabel('Barcodes').fill(barcode);
      await t.screen('new item dialog');
      await itemDialog.getByRole('button', { name: 'Create item' }).click();
      await page.waitForURL(/\/invantray\/items\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: `Flow widget ${runId}` }).waitFor();
      await t.screen('item page');

      // Receive 10 into bin 1 by scanning the item's barcode and the bin's.
      await page.goto(`/t/acme/invantray/stock?warehouseId=${warehouse.id}`);
      await page.getByRole('heading', { name: 'Stock', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Move stock' }).click();
      const receive = page.getByRole('dialog', { name: 'Receive stock' });
      await scan(receive, barcode, new RegExp(`Item ${sku}`));
      await scan(receive, bin1.barcode, /Location/);
      await receive.getByLabel('Quantity').fill('10');
      await receive.getByLabel('Unit cost').fill('2.50');
      await t.screen('receive dialog after scanning');
      await receive.getByRole('button', { name: 'Post' }).click();
      await receive.waitFor({ state: 'hidden' });
      await page
        .getByRole('cell', { name: new RegExp(`${code} · B1`) })
        .first()
        .waitFor();

      // At a phone's width: transfer 4 from bin 1 to bin 2, scanning item, from and to.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('button', { name: 'Move stock' }).click();
      const move = page.getByRole('dialog', { name: /stock$/ });
      await move.getByLabel('Move', { exact: true }).selectOption('transfer');
      await page.getByRole('dialog', { name: 'Transfer stock' }).waitFor();
      await scan(move, barcode, new RegExp(`Item ${sku}`));
      await scan(move, bin1.barcode, /Location/);
      await scan(move, bin2.barcode, /Location/);
      // Every scan's lookup settles before the quantity is typed, and the figure is checked in its
      // field before posting: a transfer of 1 (the scanned item's default) once left B2 with 1, not 4.
      await page.waitForLoadState('networkidle');
      await move.getByLabel('Quantity').fill('4');
      assert.equal(await move.getByLabel('Quantity').inputValue(), '4', 'the quantity is in its field');
      await t.screen('transfer dialog at 390 px');
      await noSidewaysScroll(page, 390);
      assert.equal(await move.getByLabel('Quantity').inputValue(), '4', 'the quantity is still 4');
      await move.getByRole('button', { name: 'Post' }).click();
      await move.waitFor({ state: 'hidden' });
      await page
        .getByRole('cell', { name: new RegExp(`${code} · B2`) })
        .first()
        .waitFor();

      // Count bin 2 at 390 px: 3 found where 4 are expected (blind: the sheet never shows 4).
      await page.goto('/t/acme/invantray/counts');
      await page.getByRole('button', { name: 'Start a count' }).click();
      const start = page.getByRole('dialog', { name: 'Start a count' });
      await start.getByLabel('Warehouse').selectOption(warehouse.id);
      await start.getByLabel('Location', { exact: true }).selectOption(bin2.id);
      await start.getByRole('button', { name: 'Start' }).click();
      await page.waitForURL(/\/invantray\/counts\/[0-9a-f-]{36}$/);
      const sheet = page.getByRole('form', { name: 'Counted quantities' });
      await sheet.waitFor();
      await scan(page.locator('main'), bin2.barcode, /Location/);
      await scan(page.locator('main'), barcode, new RegExp(`Item ${sku}`));
      const focused = page.locator('input[id^="counted-"]:focus');
      await focused.waitFor();
      assert.equal(await sheet.getByText(/expected/i).count(), 0, 'the sheet is blind');
      // The scans' lookups settle first, so nothing re-renders the line under the typed figure.
      await page.waitForLoadState('networkidle');
      await page.keyboard.type('3');
      assert.equal(await focused.inputValue(), '3', 'the counted figure is in its line');
      await t.screen('count sheet at 390 px');
      await noSidewaysScroll(page, 390);
      await sheet.getByRole('button', { name: 'Submit count' }).click();
      // Posting writes the count's moves: on a loaded CI machine that can outlast the default 15 s.
      await page.getByText('Posted', { exact: true }).first().waitFor({ timeout: 30_000 });
      await page.getByRole('cell', { name: '−1' }).waitFor({ timeout: 30_000 });
      await t.screen('posted count with its variance');

      // The value report: 9 left × 2.50 in the flow's warehouse.
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`/t/acme/invantray/valuation?groupBy=item&warehouseId=${warehouse.id}`);
      await page.getByRole('heading', { name: 'Stock value' }).waitFor();
      await page.getByRole('cell', { name: '22.50' }).first().waitFor();
      await t.screen('stock value report');
    },
  },
];
