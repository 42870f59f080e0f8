import assert from 'node:assert/strict';
import { noSidewaysScroll } from './api';
import type { Flow } from './harness';

/**
 * The rest of Acme's Administration area as its Owner uses it, on the demo
 * data: a bulk sign-out of two members with a result per member, a saved
 * security policy that becomes the next version, the audit log filtered to
 * that change, the open alert acknowledged and resolved, the organization's
 * domain challenge and the usage page. Every screen is checked by axe and,
 * at a phone's width, for sideways scrolling.
 */
export const flows: Flow[] = [
  {
    name: 'adminhub console: bulk sign-out, a policy version, the audit log, an alert resolved, organization and usage',
    async run(t) {
      const { page, runId } = t;
      await t.signIn('owner@acme.example');

      // Home: the open alert is the first thing said.
      await page.goto('/t/acme/adminhub');
      await page.getByRole('heading', { name: 'Administration', exact: true }).waitFor();
      await page.getByRole('link', { name: /open security alert/ }).waitFor();
      await t.screen('administration home');

      // Bulk: sign two members out everywhere.
      await page.goto('/t/acme/adminhub/users');
      await page.getByRole('row').filter({ hasText: 'viewer@acme.example' }).waitFor();
      await page.getByLabel('Select viewer@acme.example').check();
      await page.getByLabel('Select member@acme.example').check();
      await page
        .getByRole('toolbar', { name: 'Bulk actions' })
        .getByRole('button', { name: 'Sign out' })
        .click();
      const bulk = page.getByRole('dialog', { name: 'Sign members out everywhere' });
      await bulk.getByRole('button', { name: 'Sign members out everywhere' }).click();
      // Done, or skipped for a member with no open session: either way a result for each of the two.
      await bulk.getByText(/ of 2\./).waitFor();
      assert.equal(await bulk.getByRole('row').count(), 3, 'a header and a row per member');
      await t.screen('bulk job results');
      await bulk.getByText('Close', { exact: true }).click();

      // Security policy: a longer minimum becomes version 3 (the demo saved two).
      await page.goto('/t/acme/adminhub/policies');
      await page
        .getByText(/Version 2/)
        .first()
        .waitFor();
      await page.getByLabel('Minimum length').fill('14');
      await page.getByRole('button', { name: 'Save policy' }).click();
      await page
        .getByText(/Version 3/)
        .first()
        .waitFor();
      await page.getByRole('table', { name: 'Policy versions' }).getByRole('row').nth(3).waitFor();
      await t.screen('security policy');

      // The audit log shows that change.
      await page.goto('/t/acme/adminhub/audit?action=adminhub.policy.*');
      await page.getByRole('row').filter({ hasText: 'adminhub.policy.updated' }).first().waitFor();
      await t.screen('audit log');

      // The open alert: acknowledge, then resolve with a note.
      await page.goto('/t/acme/adminhub/alerts');
      await page.getByRole('link', { name: /failed sign-ins/ }).click();
      await page.getByRole('heading', { name: 'Evidence' }).waitFor();
      await page.getByRole('button', { name: 'Acknowledge' }).click();
      await page.getByText('Acknowledged', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: 'Resolve' }).click();
      const resolve = page.getByRole('dialog', { name: 'Resolve the alert' });
      await resolve.getByLabel('Note').fill('Blocked the address at the firewall.');
      await resolve.getByRole('button', { name: 'Resolve' }).click();
      await page.getByText('Blocked the address at the firewall.').waitFor();
      await t.screen('resolved alert');

      // Organization: a domain to verify shows its TXT record.
      await page.goto('/t/acme/adminhub/organization');
      await page.getByRole('button', { name: 'Save profile' }).waitFor();
      await page.getByRole('button', { name: 'Add domain' }).click();
      const domain = `flow-${runId}.acme.example`;
      await page.getByRole('dialog', { name: 'Add a domain' }).getByLabel('Domain').fill(domain);
      await page
        .getByRole('dialog', { name: 'Add a domain' })
        .getByRole('button', { name: 'Add domain' })
        .click();
      await page
        .getByText(/halooid-verification=/)
        .first()
        .waitFor();
      await t.screen('organization');

      // Usage.
      await page.goto('/t/acme/adminhub/usage');
      await page.getByRole('heading', { name: 'Requests a day' }).waitFor();
      await t.screen('usage');

      // A phone's width: nothing scrolls sideways on these screens.
      await page.setViewportSize({ width: 390, height: 844 });
      for (const section of ['users', 'policies', 'audit', 'alerts', 'organization', 'usage']) {
        await page.goto(`/t/acme/adminhub/${section}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await noSidewaysScroll(page, 390);
      }
      await t.screen('usage at 390 px');
    },
  },
];
