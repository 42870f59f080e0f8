import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, type Flow, type FlowContext } from './harness';

/** The focused element's accessible-ish name, and whether its focus ring is visible. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { name: '', visible: false, tag: 'body' };
    const labelled = element.getAttribute('aria-labelledby');
    const name =
      element.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : undefined) ??
      (element as HTMLInputElement).labels?.[0]?.textContent ??
      element.textContent ??
      '';
    const style = getComputedStyle(element);
    const visible =
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== 'none';
    return { name: name.trim().replace(/\s+/g, ' '), visible, tag: element.tagName.toLowerCase() };
  });
}

/** Presses Tab until the focused element's name matches; asserts it gets there with a visible focus ring. */
async function tabTo(page: Page, name: RegExp, options: { back?: boolean; max?: number } = {}) {
  const seen: string[] = [];
  for (let step = 0; step < (options.max ?? 60); step++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    seen.push(now.name || now.tag);
    if (name.test(now.name)) {
      assert.ok(now.visible, `"${now.name}" has a visible focus ring`);
      return;
    }
  }
  assert.fail(`Tab never reached ${name}; it went through: ${seen.join(' → ')}`);
}

/** Sign in by keyboard only: type, Tab, type, Enter. */
async function keyboardSignIn(t: FlowContext, email: string) {
  const { page } = t;
  await page.goto('/sign-in');
  await page.getByLabel('Email').waitFor();
  assert.match((await focused(page)).name, /Email/, 'the email field has the focus on arrival');
  await page.keyboard.type(email);
  await tabTo(page, /^Password/);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/t\/[^/]+$/);
  await page.getByRole('heading', { name: /Welcome/ }).waitFor();
}

async function noHorizontalScroll(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} fits at 390 px (overflow ${overflow}px)`);
}

export const flows: Flow[] = [
  {
    name: 'keyboard only: create and revoke an API key',
    async run(t) {
      const { page } = t;
      await keyboardSignIn(t, 'member@acme.example');

      // The palette reaches the screen.
      await page.keyboard.press('Control+k');
      await page.getByRole('combobox', { name: 'Search commands and pages' }).waitFor();
      await page.keyboard.type('api keys');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'API keys' }).waitFor();
      await page.getByRole('table', { name: 'API keys' }).waitFor();

      // Escape closes a dialog; the focus starts in its first field.
      await tabTo(page, /^Create API key$/);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Create API key' });
      await dialog.waitFor();
      assert.equal((await focused(page)).name, 'Name', 'the dialog opens with the focus on Name');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.match((await focused(page)).name, /^Create API key$/, 'the focus returns to the button');

      await page.keyboard.press('Enter');
      await dialog.waitFor();
      await page.keyboard.type(`Keyboard ${t.runId}`);
      await tabTo(page, /^taskodex:task:read/);
      await page.keyboard.press('Space');
      assert.ok(await dialog.getByLabel('taskodex:task:read').isChecked());
      await t.screen('create api key by keyboard');
      await tabTo(page, /^Create key$/);
      await page.keyboard.press('Enter');

      const secretDialog = page.getByRole('dialog', { name: /created/ });
      await secretDialog.waitFor();
      assert.match(await secretDialog.getByLabel('The key').inputValue(), /^hk_/);
      await tabTo(page, /^I have copied it$/);
      await page.keyboard.press('Enter');
      await secretDialog.waitFor({ state: 'hidden' });

      await tabTo(page, new RegExp(`^Revoke Keyboard ${t.runId}$`), { max: 80 });
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('dialog', { name: 'Revoke API key' });
      await confirm.waitFor();
      assert.equal((await focused(page)).name, 'Cancel', 'a confirmation starts on Cancel');
      await tabTo(page, /^Revoke key$/, { max: 3 });
      await page.keyboard.press('Enter');
      const row = page.getByRole('row', { name: new RegExp(`Keyboard ${t.runId}`) });
      await row.getByText('revoked').waitFor();
      await t.screen('api key revoked by keyboard');
    },
  },
  {
    name: "a member's view of administration: read-only where they may read, a clear state where they may not",
    async run(t) {
      const { page } = t;
      await t.signIn('member@acme.example');

      await page.goto('/t/acme/settings');
      await page.getByText('Only owners and admins can change these settings.').waitFor();
      assert.ok(await page.getByLabel('Workspace name').isDisabled());
      await t.screen('general settings as a member');

      await page.goto('/t/acme/settings/members');
      await page.getByRole('table', { name: 'Members' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Invite member' }).count(), 0);
      await t.screen('members as a member');

      await page.goto('/t/acme/settings/roles');
      await page.getByRole('button', { name: 'View role Owner' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'New role' }).count(), 0);
      await t.screen('roles as a member');

      // Webhooks need platform:webhook:read: no tab, no palette entry, and a page that says why.
      const tabs = page.getByRole('navigation', { name: 'Settings sections' });
      assert.equal(await tabs.getByRole('link', { name: 'Webhooks' }).count(), 0);
      await page.keyboard.press('Control+k');
      await page.keyboard.type('webhooks');
      await page.getByText('No matches for “webhooks”').waitFor();
      await page.keyboard.press('Escape');
      await page.goto('/t/acme/settings/webhooks');
      await page.getByText('No access to Webhooks').waitFor();
      await page.getByText('platform:webhook:read').waitFor();
      await t.screen('webhooks without permission');
      await page.getByRole('link', { name: 'Go to General' }).click();
      await page.getByLabel('Workspace name').waitFor();
    },
  },
  {
    name: 'phone width: sign-in, settings, notifications and the palette at 390 px',
    viewport: { width: 390, height: 844 },
    async run(t) {
      const { page } = t;
      await page.goto('/sign-in');
      await page.getByLabel('Email').waitFor();
      await t.screen('sign in at 390 px');
      await noHorizontalScroll(page, 'sign-in');

      await t.signIn('admin@acme.example');
      for (const [path, ready, name] of [
        ['/t/acme/settings', 'Workspace name', 'general'],
        ['/t/acme/settings/roles', 'View role Owner', 'roles'],
        ['/t/acme/settings/api-keys', 'Create API key', 'api keys'],
        ['/t/acme/settings/webhooks', 'Add webhook', 'webhooks'],
        ['/t/acme/notifications', 'Notifications', 'notifications'],
      ] as const) {
        await page.goto(path);
        await (name === 'general'
          ? page.getByLabel(ready)
          : name === 'notifications'
            ? page.getByRole('heading', { name: ready })
            : page.getByRole('button', { name: ready })
        ).waitFor();
        await t.screen(`${name} at 390 px`);
        await noHorizontalScroll(page, name);
      }
      // The breadcrumb shows where you are, not a row of ellipses.
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      assert.ok(await crumbs.getByText('Notifications', { exact: true }).isVisible());

      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('combobox', { name: 'Search commands and pages' }).waitFor();
      await t.screen('command palette at 390 px');
      await page.keyboard.press('Escape');

      await page.goto('/t/acme/settings/api-keys');
      await page.getByRole('button', { name: 'Create API key' }).click();
      await page.getByRole('dialog', { name: 'Create API key' }).waitFor();
      await t.screen('create api key at 390 px');
    },
  },
];
