import assert from 'node:assert/strict';
import { totp } from '@halooid/functions/platform/auth/totp.test-helper';
import type { Page } from 'playwright-core';
import { apiHeaders, noSidewaysScroll } from './api';
import type { Flow } from './harness';

/**
 * The operator console in the browser: the demo operator signs in with a
 * TOTP code, finds Acme among the tenants and suspends it; within 5 s every
 * request of Acme is refused with the `tenant_suspended` problem, and an Acme
 * member's browser says the workspace is suspended and why; the operator
 * resumes it and the member is back. A tenant Owner who opens /operator gets
 * a page saying it is for operators only. The TOTP secret is the one the
 * local platform printed at start (the harness reads it; with BASE_URL, set
 * HALOOID_OPERATOR_TOTP_SECRET yourself).
 */
const OPERATOR = 'operator@halooid.example';

async function signInOperator(page: Page, password: string) {
  const secret = process.env.HALOOID_OPERATOR_TOTP_SECRET;
  assert.ok(secret, 'the demo operator’s TOTP secret (HALOOID_OPERATOR_TOTP_SECRET)');
  await page.goto('/sign-in?next=/operator');
  await page.getByLabel('Email').fill(OPERATOR);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Authentication code').fill(totp(secret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL(/\/operator$/);
}

/** Polls Acme's current tenant with these headers until the answer is `want`; the time it took. */
async function answers(baseUrl: string, headers: Record<string, string>, want: 'refused' | 'ok') {
  const started = performance.now();
  let last = '';
  while (performance.now() - started < 5_000) {
    const response = await fetch(`${baseUrl}/v1/tenants/current`, { headers });
    last = `${response.status} ${await response.text()}`;
    if (want === 'ok' ? response.ok : response.status === 403 && last.includes('tenant_suspended'))
      return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`Acme's requests were not ${want} within 5 s (last answer: ${last})`);
}

export const flows: Flow[] = [
  {
    name: 'operator console: an operator signs in with TOTP, suspends a tenant whose member sees why, and resumes it',
    async run(t) {
      const { page, baseUrl } = t;
      // Refusals on purpose: the member's calls while suspended, the Admin's on /operator; a tenant
      // never scheduled for deletion answers its deletion read with 404.
      t.expectConsoleError(/status of 40[34]/);
      const { DEMO_PASSWORD } = await import('./harness');

      // An Acme member is signed in; the flow also watches Acme through the API.
      const member = await t.newPage();
      await t.signIn('member@acme.example', undefined, member);
      const acme = await apiHeaders(baseUrl, 'owner@acme.example');

      // A tenant's Owner is not an operator: tenant roles never reach the console.
      const admin = await t.newPage();
      await t.signIn('owner@acme.example', undefined, admin);
      await admin.goto('/operator');
      await admin.getByText('Operators only', { exact: true }).waitFor();

      // The operator: health, then Acme.
      await signInOperator(page, DEMO_PASSWORD);
      await page.getByRole('heading', { name: 'Platform health' }).waitFor();
      await t.screen('operator health');
      await page.getByRole('link', { name: 'Tenants', exact: true }).click();
      await page.getByLabel('Search tenants').fill('acme');
      await page.getByRole('row').filter({ hasText: 'acme' }).first().waitFor();
      await t.screen('operator tenants');
      await page.getByRole('row').filter({ hasText: 'acme' }).first().getByRole('link').first().click();
      await page.getByRole('button', { name: 'Suspend' }).waitFor();
      await t.screen('operator tenant page');

      // Suspend, with a reason.
      await page.getByRole('button', { name: 'Suspend' }).click();
      const dialog = page.getByRole('dialog', { name: /^Suspend/ });
      await dialog.getByLabel('Reason').fill('Browser flow: unpaid invoice');
      await dialog.getByRole('button', { name: 'Suspend' }).click();
      await page.getByRole('button', { name: 'Resume' }).waitFor();
      t.measure('suspend → refused', await answers(baseUrl, acme, 'refused'));

      // The member's browser says the workspace is suspended, and why.
      await member.reload();
      await member.getByText('This workspace is suspended', { exact: true }).waitFor();
      await member.getByText(/suspended by the platform operator/i).waitFor();

      // Resume: Acme is back.
      await page.getByRole('button', { name: 'Resume' }).click();
      await page
        .getByRole('dialog', { name: /^Resume/ })
        .getByRole('button', { name: 'Resume' })
        .click();
      await page.getByRole('button', { name: 'Suspend' }).waitFor();
      t.measure('resume → answered', await answers(baseUrl, acme, 'ok'));
      await member.reload();
      await member.waitForURL(/\/t\/acme/);
      await member.getByRole('navigation').first().waitFor();

      // At a phone's width the tenants list fits.
      // (Navigated in the app: a reload would need the operator's refresh, see docs/adminhub.md.)
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('link', { name: 'Tenants', exact: true }).click();
      await page.getByRole('row').nth(1).waitFor();
      await noSidewaysScroll(page, 390);
      await t.screen('operator tenants at 390 px');
    },
  },
];
