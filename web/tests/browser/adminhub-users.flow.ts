import assert from 'node:assert/strict';
import { apiHeaders, noSidewaysScroll } from './api';
import type { Flow } from './harness';

/**
 * AdminHub's user administration in the browser: an Admin finds a member in
 * the Users directory, disables them from their page, and the member's
 * session is refused within 5 s (their API calls, and the workspace in their
 * own browser); the Admin enables them again and they sign back in. The
 * directory is checked by axe and at a phone's width.
 */
const MEMBER = 'viewer@acme.example';

/** Polls a call with the member's token until it is refused; the time it took. */
async function refusedWithin(baseUrl: string, headers: Record<string, string>, ms: number) {
  const started = performance.now();
  while (performance.now() - started < ms) {
    const response = await fetch(`${baseUrl}/v1/tenants/current`, { headers });
    if (response.status === 401 || response.status === 403) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`the member's requests were still answered ${ms} ms after the disable`);
}

export const flows: Flow[] = [
  {
    name: 'adminhub users: an admin disables a member from the Users screen, their session is refused, then enables them',
    async run(t) {
      const { page, baseUrl } = t;
      // The member's requests fail on purpose once disabled.
      t.expectConsoleError(/status of 40[13]/);

      // The member is signed in, in their own browser and through the API.
      const memberPage = await t.newPage();
      await t.signIn(MEMBER, undefined, memberPage);
      const memberHeaders = await apiHeaders(baseUrl, MEMBER);

      // The Admin finds them in the directory.
      await t.signIn('admin@acme.example');
      await page.goto(`/t/acme/adminhub/users?q=${encodeURIComponent(MEMBER)}`);
      await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
      const row = page.getByRole('row').filter({ hasText: MEMBER });
      await row.getByText('Active').waitFor();
      await t.screen('users directory');

      // Disable from their page.
      await row.getByRole('link').first().click();
      await page.getByRole('heading', { name: 'Sessions' }).waitFor();
      await page.getByRole('button', { name: 'Disable', exact: true }).click();
      const confirm = page.getByRole('dialog', { name: /^Disable/ });
      await t.screen('disable confirmation');
      await confirm.getByRole('button', { name: 'Disable', exact: true }).click();
      await page.getByText('Disabled', { exact: true }).first().waitFor();

      // Refused within 5 s: through the API, and in their browser on the next load.
      t.measure('disable → refused', await refusedWithin(baseUrl, memberHeaders, 5_000));
      await memberPage.reload();
      await memberPage
        .getByRole('heading', { name: /No access to this workspace|Sign in/ })
        .first()
        .waitFor();

      // Enable again: they sign back in.
      await page.getByRole('button', { name: 'Enable', exact: true }).click();
      await page
        .getByRole('dialog', { name: /^Enable/ })
        .getByRole('button', { name: 'Enable', exact: true })
        .click();
      await page.getByText('Active', { exact: true }).first().waitFor();
      await t.screen('member page after enable');
      await t.signIn(MEMBER, undefined, memberPage);
      assert.match(memberPage.url(), /\/t\/acme/);

      // At a phone's width the directory still fits.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/t/acme/adminhub/users');
      await page.getByRole('heading', { name: 'Users', exact: true }).waitFor();
      await page.getByRole('row').nth(1).waitFor();
      await noSidewaysScroll(page, 390);
      await t.screen('users directory at 390 px');
    },
  },
];
