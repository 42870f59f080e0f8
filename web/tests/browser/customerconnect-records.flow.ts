import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, type Flow } from './harness';

/**
 * CustomerConnect's records in the browser at a phone's width: a Sales Rep
 * creates a contact, is stopped by a 409 when a second contact reuses its
 * email (the dialog links to the existing one and offers "Create anyway"),
 * creates it anyway, then merges the two from the duplicate's page and lands
 * on the survivor, whose old id now answers with the survivor. Each screen
 * is checked by axe; no page scrolls sideways at 390 px.
 */

async function noSidewaysScroll(page: Page, width: number) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `no sideways scroll on the page (${scroll} px)`);
}

async function apiHeaders(baseUrl: string, email: string): Promise<Record<string, string>> {
  const response = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken: string; tenants: { id: string; slug: string }[] };
  return {
    authorization: `Bearer ${body.accessToken}`,
    'x-tenant-id': body.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '',
  };
}

const idOf = (url: string) => /\/contacts\/([0-9a-f-]{36})/.exec(url)?.[1] ?? '';

export const flows: Flow[] = [
  {
    name: 'customerconnect records at 390 px: create a contact, 409 on a duplicate email, merge the two into the survivor',
    viewport: { width: 390, height: 844 },
    async run(t) {
      const { page, baseUrl, runId } = t;
      const lastName = `Turing ${runId}`;
      const email = `alan.${runId}@example.com`.toLowerCase();

      await t.signIn('sales@acme.example');
      await page.goto('/t/acme/customerconnect/contacts');
      await page.getByRole('heading', { name: 'Contacts', exact: true }).waitFor();
      await page.getByRole('table', { name: 'Contacts' }).waitFor();
      await t.screen('contacts list at 390 px');
      await noSidewaysScroll(page, 390);

      // A new contact: the dialog, then its page.
      await page.getByRole('button', { name: 'New contact' }).click();
      const dialog = page.getByRole('dialog', { name: 'New contact' });
      await dialog.getByLabel('First name').fill('Alan');
      await dialog.getByLabel('Last name (required)').fill(lastName);
      await dialog.getByLabel('Email', { exact: true }).fill(email);
      await dialog.getByLabel('Job title').fill('Mathematician');
      await t.screen('new contact dialog at 390 px');
      await dialog.getByRole('button', { name: 'Create contact' }).click();
      await page.waitForURL(/\/customerconnect\/contacts\/[0-9a-f-]{36}$/);
      const survivorId = idOf(page.url());
      await page.getByRole('heading', { name: `Alan ${lastName}` }).waitFor();
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      await t.screen('contact page at 390 px');
      await noSidewaysScroll(page, 390);

      // The same email again: a 409 that names the existing contact.
      t.expectConsoleError(/409/);
      await page.goto('/t/acme/customerconnect/contacts');
      await page.getByRole('button', { name: 'New contact' }).click();
      const again = page.getByRole('dialog', { name: 'New contact' });
      await again.getByLabel('First name').fill('A.');
      await again.getByLabel('Last name (required)').fill(lastName);
      await again.getByLabel('Email', { exact: true }).fill(email.toUpperCase());
      await again.getByRole('button', { name: 'Create contact' }).click();
      const alert = again.getByRole('alert');
      await alert.waitFor();
      const existing = alert.getByRole('link', { name: 'Open the existing contact' });
      assert.equal(await existing.getAttribute('href'), `/t/acme/customerconnect/contacts/${survivorId}`);
      await t.screen('duplicate contact 409 at 390 px');

      // Created anyway, then merged into the first from the duplicate's page.
      await again.getByRole('button', { name: 'Create anyway' }).click();
      await page.waitForURL(
        (url) => /\/contacts\/[0-9a-f-]{36}$/.test(url.pathname) && idOf(url.href) !== survivorId,
      );
      const duplicateId = idOf(page.url());
      await page.getByRole('heading', { name: `A. ${lastName}` }).waitFor();
      await page.getByRole('button', { name: 'Merge…' }).click();
      const merge = page.getByRole('dialog', { name: 'Merge contacts' });
      await merge.getByLabel('Find the other contact').fill(lastName);
      await merge.getByRole('button', { name: new RegExp(`^Alan ${lastName}`) }).click();
      await merge.getByRole('radio', { name: `Alan ${lastName}` }).check();
      const preview = merge.getByRole('table', { name: 'The merged contact' });
      await preview.waitFor();
      const firstName = preview.getByRole('row', { name: /First name/ });
      assert.match((await firstName.textContent()) ?? '', /Alan\s*A\.\s*Alan/);
      await t.screen('merge dialog at 390 px');
      await merge.getByRole('button', { name: 'Merge', exact: true }).click();
      await page.waitForURL((url) => url.pathname.endsWith(`/contacts/${survivorId}`));
      await page.getByRole('heading', { name: `Alan ${lastName}` }).waitFor();
      await t.screen('survivor after merge at 390 px');
      await noSidewaysScroll(page, 390);

      // The merged-away id answers with the survivor, in the API and in the web.
      const headers = await apiHeaders(baseUrl, 'sales@acme.example');
      const response = await fetch(`${baseUrl}/v1/customerconnect/contacts/${duplicateId}`, { headers });
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { id: string }).id, survivorId);
      await page.goto(`/t/acme/customerconnect/contacts/${duplicateId}`);
      await page.waitForURL((url) => url.pathname.endsWith(`/contacts/${survivorId}`));
    },
  },
];
