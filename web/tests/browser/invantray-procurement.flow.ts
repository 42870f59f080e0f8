import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { api, apiHeaders, noSidewaysScroll } from './api';
import type { Flow } from './harness';

/**
 * Invantray's purchasing in the browser, the acceptance path of issue 16:
 * the buyer (Procurement Officer) creates a supplier and its price, drafts a
 * purchase order over 5,000 whose price comes from that quote, and submits
 * it; the buyer gets no Approve button but the reason; the admin approves and
 * sends it; the warehouse manager, on a phone (390 px), receives 60 % by
 * scanning and typing, is told inline when a line would take too much, then
 * receives the rest. The warehouse and the item are arranged through the API;
 * everything else through the screens, each checked by axe.
 */

async function statusIs(page: Page, status: string) {
  await page.getByRole('heading', { level: 1 }).getByText(status, { exact: true }).waitFor();
}

export const flows: Flow[] = [
  {
    name: 'invantray procurement: supplier and price, PO over 5,000 approved by someone else, sent, received in two parts at 390 px',
    async run(t) {
      const { page, baseUrl, runId } = t;
      const code = `P${runId.toUpperCase()}`.slice(0, 20);
      const sku = `PO-${runId}`.toUpperCase();
      const barcode = `PB${runId}`.toUpperCase();
      const supplierCode = `SUP-${runId}`.toUpperCase().slice(0, 40);

      // Arrange: a warehouse (with its receiving location) and an item with a barcode.
      const admin = await apiHeaders(baseUrl, 'admin@acme.example');
      const warehouse = await api<{ id: string }>(baseUrl, admin, 'POST', '/v1/invantray/warehouses', {
        code,
        name: `Purchasing flow ${runId}`,
      });
      await api(baseUrl, admin, 'POST', '/v1/invantray/items', {
        sku,
        name: `Flow bracket ${runId}`,
        unit: 'each',
        barcodes: [{ code: barcode }],
      });

      // The buyer: a supplier, then its price for the item.
      await t.signIn('buyer@acme.example');
      await page.goto('/t/acme/invantray/suppliers');
      await page.getByRole('heading', { name: 'Suppliers', exact: true }).waitFor();
      await t.screen('suppliers');
      await page.getByRole('button', { name: 'New supplier' }).click();
      const supplierDialog = page.getByRole('dialog', { name: 'New supplier' });
      await supplierDialog.getByLabel('Code', { exact: true }).fill(supplierCode);
      await supplierDialog.getByLabel('Name', { exact: true }).fill(`Flow supplies ${runId}`);
      await supplierDialog.getByLabel('Lead time (days)').fill('5');
      await supplierDialog.getByRole('button', { name: 'Add a contact' }).click();
      await supplierDialog.getByLabel('Contact 1 name').fill('Ada Sales');
      await t.screen('new supplier dialog');
      await supplierDialog.getByRole('button', { name: 'Create supplier' }).click();
      await page.waitForURL(/\/invantray\/suppliers\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { name: `Flow supplies ${runId}` }).waitFor();

      await page.getByRole('button', { name: 'Add price' }).click();
      const priceDialog = page.getByRole('dialog', { name: 'Add a price' });
      await priceDialog.getByLabel('Item', { exact: true }).fill(sku);
      await priceDialog.getByRole('button', { name: new RegExp(sku) }).click();
      await priceDialog.getByLabel('Unit price').fill('10');
      await t.screen('add price dialog');
      await priceDialog.getByRole('button', { name: 'Add price' }).click();
      await priceDialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: '10.00 USD' }).waitFor();
      await t.screen('supplier page with its price');

      // A purchase order of 500 at the quoted 10.00 (5,000: no approval needed), edited to 600:
      // 6,000, above the 5,000 approval level.
      await page.getByRole('link', { name: 'New purchase order' }).click();
      await page.getByRole('heading', { name: 'New purchase order' }).waitFor();
      await page.getByLabel('Ship to warehouse').selectOption(warehouse.id);
      await page.getByLabel('Item (line 1)').fill(sku);
      await page.getByRole('button', { name: new RegExp(sku) }).click();
      const quantity = page.getByLabel('Quantity', { exact: true });
      await quantity.fill('500');
      await quantity.blur();
      await page.waitForFunction(() => {
        const field = [...document.querySelectorAll('input')].find((input) =>
          input.labels?.[0]?.textContent?.startsWith('Unit price'),
        );
        return field?.value === '10';
      });
      await t.screen('new purchase order with the quoted price');
      await page.getByRole('button', { name: 'Create draft' }).click();
      await page.waitForURL(/\/invantray\/purchase-orders\/[0-9a-f-]{36}$/);
      const orderUrl = new URL(page.url()).pathname;
      await statusIs(page, 'Draft');
      await page.getByText('5,000.00 USD').first().waitFor();
      await page.getByRole('button', { name: 'Edit draft' }).click();
      const edit = page.getByRole('dialog', { name: /^Edit PO-/ });
      await edit.getByLabel('Quantity (each), line 1').fill('600');
      await t.screen('edit draft dialog');
      await edit.getByRole('button', { name: 'Save draft' }).click();
      await edit.waitFor({ state: 'hidden' });
      await page.getByText('6,000.00 USD').first().waitFor();

      await page.getByRole('button', { name: 'Submit for approval' }).click();
      await statusIs(page, 'Submitted');
      assert.equal(
        await page.getByRole('button', { name: 'Approve' }).count(),
        0,
        'the buyer cannot approve',
      );
      await page.getByText('You created this order; someone else must approve it.').waitFor();
      await t.screen('submitted order seen by its buyer');

      // The admin approves and sends it.
      const adminPage = await t.newPage();
      await t.signIn('admin@acme.example', undefined, adminPage);
      await adminPage.goto(orderUrl);
      await statusIs(adminPage, 'Submitted');
      await adminPage.getByRole('button', { name: 'Approve' }).click();
      await statusIs(adminPage, 'Approved');
      await adminPage.getByRole('button', { name: 'Mark as sent' }).click();
      await statusIs(adminPage, 'Sent');
      t.page = adminPage;
      await t.screen('sent order seen by the admin');

      // The warehouse manager on a phone: 60 % now.
      const phone = await t.newPage({ width: 390, height: 844 });
      await t.signIn('warehouse@acme.example', undefined, phone);
      t.page = phone;
      await phone.goto(orderUrl);
      await phone.getByRole('link', { name: 'Receive goods' }).click();
      await phone.getByRole('heading', { name: /^Receive PO-/ }).waitFor();
      const scanField = phone.getByLabel('Scan an item or a location');
      await scanField.fill(barcode);
      await scanField.press('Enter');
      const arrived = phone.getByLabel(/^Arrived now/);
      await phone.waitForFunction(() => {
        const field = [...document.querySelectorAll('input')].find((input) =>
          input.labels?.[0]?.textContent?.startsWith('Arrived now'),
        );
        return field?.value === '1';
      });
      await arrived.fill('360');
      await t.screen('receive screen at 390 px');
      await noSidewaysScroll(phone, 390);
      await phone.getByRole('button', { name: 'Post receipt' }).click();
      await phone.getByText(/posted\. Back to/).waitFor();
      await phone.getByText('240 each to come').waitFor();
      await statusIsBadge(phone, 'Partially received');

      // Too much for what is left (240 + 5 % of 600 at most): said on the line.
      t.expectConsoleError(/422/);
      await arrived.fill('300');
      await phone.getByRole('button', { name: 'Post receipt' }).click();
      await phone.getByText(/can take at most 270 more/).waitFor();
      await t.screen('over-receipt refused on its line at 390 px');

      // The rest.
      await phone.getByRole('button', { name: 'Fill all remaining' }).click();
      await phone.getByRole('button', { name: 'Post receipt' }).click();
      await phone.getByText('Everything has arrived').waitFor();
      await phone.goto(orderUrl);
      await statusIs(phone, 'Received');
      await phone.getByText(/^RCV-/).nth(1).waitFor();
      await t.screen('received order at 390 px');
      await noSidewaysScroll(phone, 390);
    },
  },
  {
    name: 'invantray procurement: a requisition asked, approved and ordered into a draft PO; reorder run; settings saved',
    async run(t) {
      const { page, baseUrl, runId } = t;
      const sku = `RQ-${runId}`.toUpperCase();

      // Arrange: a supplier with a price, and an item it supplies by default.
      const admin = await apiHeaders(baseUrl, 'admin@acme.example');
      const supplier = await api<{ id: string }>(baseUrl, admin, 'POST', '/v1/invantray/suppliers', {
        code: `RQS-${runId}`.toUpperCase(),
        name: `Requisition supplier ${runId}`,
      });
      const item = await api<{ id: string }>(baseUrl, admin, 'POST', '/v1/invantray/items', {
        sku,
        name: `Requested part ${runId}`,
        unit: 'each',
        defaultSupplierId: supplier.id,
      });
      await api(baseUrl, admin, 'POST', `/v1/invantray/suppliers/${supplier.id}/prices`, {
        itemId: item.id,
        unitPrice: '4.20',
      });
      const warehouses = await api<{ items: { id: string; code: string }[] }>(
        baseUrl,
        admin,
        'GET',
        '/v1/invantray/warehouses?limit=1',
      );
      const warehouse = warehouses.items[0];
      assert.ok(warehouse, 'a demo warehouse');

      // The warehouse manager asks for 5.
      await t.signIn('warehouse@acme.example');
      await page.goto('/t/acme/invantray/requisitions');
      await page.getByRole('heading', { name: 'Requisitions', exact: true }).waitFor();
      await page.getByRole('button', { name: 'New requisition' }).click();
      const dialog = page.getByRole('dialog', { name: 'New requisition' });
      await dialog.getByLabel('Item (line 1)').fill(sku);
      await dialog.getByRole('button', { name: new RegExp(sku) }).click();
      await dialog.getByLabel('Quantity', { exact: true }).fill('5');
      await dialog.getByLabel('Deliver to').selectOption(warehouse.id);
      await t.screen('new requisition dialog');
      await dialog.getByRole('button', { name: 'Create draft' }).click();
      await page.waitForURL(/\/invantray\/requisitions\/[0-9a-f-]{36}$/);
      const requisitionUrl = new URL(page.url()).pathname;
      await statusIs(page, 'Draft');
      await page.getByRole('button', { name: 'Submit to buyers' }).click();
      await statusIs(page, 'Submitted');
      await t.screen('submitted requisition');

      // The buyer approves it and orders it: one draft purchase order, linked back.
      const buyer = await t.newPage();
      await t.signIn('buyer@acme.example', undefined, buyer);
      t.page = buyer;
      await buyer.goto(requisitionUrl);
      await buyer.getByRole('button', { name: 'Approve' }).click();
      await statusIs(buyer, 'Approved');
      await buyer.getByRole('button', { name: /^Order/ }).click();
      await statusIs(buyer, 'Ordered');
      await t.screen('ordered requisition with its purchase order');
      await buyer
        .getByRole('region', { name: 'Purchase orders' })
        .getByRole('link', { name: /^PO-/ })
        .click();
      await statusIs(buyer, 'Draft');
      await buyer.getByText('21.00 USD').first().waitFor();

      // The reorder list and a run.
      await buyer.goto('/t/acme/invantray/reorder');
      await buyer.getByRole('heading', { name: 'Below the reorder point' }).waitFor();
      await buyer.getByRole('button', { name: 'Run reorder now' }).click();
      await buyer.getByText(/^Checked \d+ reorder settings/).waitFor();
      await t.screen('reorder after a run');

      // The admin changes the count approval threshold.
      const adminPage = await t.newPage();
      await t.signIn('admin@acme.example', undefined, adminPage);
      t.page = adminPage;
      await adminPage.goto('/t/acme/invantray/settings');
      const threshold = adminPage.getByLabel(/^Count approval above/);
      await threshold.waitFor();
      await threshold.fill('1500');
      await adminPage.getByRole('button', { name: 'Save settings' }).click();
      await adminPage.getByText('Settings saved.').waitFor();
      await t.screen('settings');
    },
  },
];

async function statusIsBadge(page: Page, status: string) {
  await page.locator('header').getByText(status, { exact: true }).first().waitFor();
}
