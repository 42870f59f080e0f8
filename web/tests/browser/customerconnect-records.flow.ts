import assert from 'node:assert/strict';
import { api, apiHeaders, noSidewaysScroll } from './api';
import type { Flow } from './harness';

/**
 * CustomerConnect's records in the browser at a phone's width: a Sales Rep
 * creates a contact, is stopped by a 409 when a second contact reuses its
 * email (the dialog links to the existing one and offers "Create anyway"),
 * creates it anyway, then merges the two from the duplicate's page and lands
 * on the survivor, whose old id now answers with the survivor. Each screen
 * is checked by axe; no page scrolls sideways at 390 px.
 */

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
  {
    name: 'customerconnect records: custom field column and filter, saved view, a stale edit (409) reloaded, a note on the timeline, the import wizard, leads and deals',
    async run(t) {
      const { page, baseUrl, runId } = t;
      const admin = await apiHeaders(baseUrl, 'admin@acme.example');
      const key = `tier_${runId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
      const tierLabel = `Tier ${runId}`;
      await api(baseUrl, admin, 'POST', '/v1/customerconnect/fields', {
        object: 'company',
        key,
        label: tierLabel,
        type: 'select',
        options: ['gold', 'silver'],
      });

      // A company with the custom field, from the list's dialog.
      await t.signIn('admin@acme.example');
      await page.goto('/t/acme/customerconnect/companies');
      await page.getByRole('heading', { name: 'Companies', exact: true }).waitFor();
      const table = page.getByRole('table', { name: 'Companies' });
      await table.getByRole('columnheader', { name: tierLabel }).waitFor();
      await page.getByRole('button', { name: 'New company' }).click();
      const dialog = page.getByRole('dialog', { name: 'New company' });
      const name = `Initech ${runId}`;
      await dialog.getByLabel('Name (required)').fill(name);
      await dialog.getByLabel('Domain').fill(`${runId}.initech.example`.toLowerCase());
      await dialog.getByLabel(tierLabel).selectOption('gold');
      await t.screen('new company dialog with a custom field');
      await dialog.getByRole('button', { name: 'Create company' }).click();
      await page.waitForURL(/\/customerconnect\/companies\/[0-9a-f-]{36}$/);
      const companyId = /companies\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
      await page.getByRole('heading', { name }).waitFor();
      const details = page.getByRole('region', { name: 'Details' });
      await details.getByText('gold', { exact: true }).waitFor();

      // A note on the timeline.
      await page.getByLabel('Note').fill(`Intro call booked ${runId}`);
      await page.getByRole('button', { name: 'Log note' }).click();
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByText(`Intro call booked ${runId}`).waitFor();
      await t.screen('company page with a note');

      // A stale edit: someone else saves first; the page says so and reloads.
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      await details.getByLabel('Industry').fill('Robotics');
      const current = await api<{ version: number }>(
        baseUrl,
        admin,
        'GET',
        `/v1/customerconnect/companies/${companyId}`,
      );
      await api(baseUrl, admin, 'PATCH', `/v1/customerconnect/companies/${companyId}`, {
        version: current.version,
        phone: '+1 555 0100',
      });
      t.expectConsoleError(/409/);
      await details.getByRole('button', { name: 'Save' }).click();
      await details
        .getByRole('alert')
        .getByText(/Someone else changed this company/)
        .waitFor();
      await t.screen('stale edit 409');
      await details.getByRole('button', { name: 'Load the latest version' }).click();
      // The latest version (the other phone) with this user's change still in the form.
      await details
        .getByRole('status')
        .getByText(/your changes on top/)
        .waitFor();
      assert.equal(await details.getByLabel('Industry').inputValue(), 'Robotics');
      assert.equal(await details.getByLabel('Phone').inputValue(), '+1 555 0100');
      await details.getByRole('button', { name: 'Save' }).click();
      await details.getByText('Robotics', { exact: true }).waitFor();
      await details.getByText('+1 555 0100', { exact: true }).waitFor();
      await timeline
        .getByText(/Industry/)
        .first()
        .waitFor();

      // The list filtered on the custom field, saved as a view.
      await page.goto('/t/acme/customerconnect/companies');
      await page.getByRole('button', { name: 'More filters' }).click();
      await page.getByLabel(tierLabel).selectOption('gold');
      await page.waitForURL((url) => url.searchParams.getAll('custom').includes(`${key}:gold`));
      await table.getByRole('link', { name }).waitFor();
      await page.getByRole('button', { name: 'Save view' }).click();
      const save = page.getByRole('dialog', { name: 'Save this view' });
      await save.getByLabel('Name').fill(`Gold ${runId}`);
      await save.getByRole('button', { name: 'Save view' }).click();
      await page
        .getByLabel('Saved view')
        .locator('option', { hasText: `Gold ${runId}` })
        .waitFor({ state: 'attached' });
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await page.getByLabel('Saved view').selectOption({ label: `Gold ${runId}` });
      await page.waitForURL((url) => url.searchParams.getAll('custom').includes(`${key}:gold`));
      await t.screen('companies filtered by a saved view');

      // Contacts from a CSV: mapped by header, one bad row reported by number.
      await page.goto('/t/acme/customerconnect/contacts');
      await page.getByRole('button', { name: 'Import' }).click();
      const wizard = page.getByRole('dialog', { name: 'Import contacts from CSV' });
      const csv = [
        'First Name,Last Name,Email Address,Record ID',
        `Grace,Hopper ${runId},grace.${runId}@example.com,1`,
        `Edsger,Dijkstra ${runId},edsger.${runId}@example.com,2`,
        `Nobody,,bad.${runId}@example.com,3`,
      ].join('\n');
      await wizard
        .getByLabel('CSV file')
        .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await wizard.getByRole('table', { name: "Map the file's columns to fields" }).waitFor();
      assert.equal(await wizard.getByLabel('Field for Email Address').inputValue(), 'email');
      assert.equal(await wizard.getByLabel('Field for Record ID').inputValue(), '');
      await t.screen('import wizard mapping');
      await wizard.getByRole('button', { name: 'Import 3 rows' }).click();
      const report = wizard.getByRole('region', { name: 'Import report' });
      await report.waitFor();
      assert.match((await report.textContent()) ?? '', /2\s*created/);
      await report.getByRole('row', { name: /^4 Failed/ }).waitFor();
      await t.screen('import report');
      await wizard.getByRole('button', { name: 'Close' }).last().click();

      // A lead and its Convert button; the deals table.
      await page.goto('/t/acme/customerconnect/leads');
      await page.getByRole('heading', { name: 'Leads', exact: true }).waitFor();
      await page.getByRole('button', { name: 'New lead' }).click();
      const lead = page.getByRole('dialog', { name: 'New lead' });
      await lead.getByLabel('Last name (required)').fill(`Lamarr ${runId}`);
      await lead.getByLabel('Company').fill(`Hedy Labs ${runId}`);
      await lead.getByRole('button', { name: 'Create lead' }).click();
      await page.waitForURL(/\/customerconnect\/leads\/[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'Convert' }).waitFor();
      await t.screen('lead page');
      await page.goto('/t/acme/customerconnect/opportunities');
      await page.getByRole('heading', { name: 'Deals', exact: true }).waitFor();
      const deals = page.getByRole('table', { name: 'Deals' });
      await deals.waitFor();
      await t.screen('deals table');

      // A deal: its stage (movable by keyboard) and its contacts with roles.
      if ((await deals.getByRole('row').count()) > 1) {
        await deals.getByRole('row').nth(1).getByRole('link').first().click();
        await page.getByRole('heading', { name: 'Stage', exact: true }).waitFor();
        await page.getByLabel('Move to stage').waitFor();
        const contacts = page.getByRole('region', { name: 'Contacts' });
        await contacts.getByRole('button', { name: 'Edit' }).click();
        await contacts.getByLabel('Add a contact').waitFor();
        await t.screen('deal page, contacts being edited');
      }
    },
  },
];
