import assert from 'node:assert/strict';
import { totp } from '@halooid/functions/platform/auth/totp.test-helper';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, type Flow } from './harness';

/** Signs in through the API (for set-up steps that are not under test) and returns bearer headers. */
async function apiSession(baseUrl: string, email: string) {
  const response = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken: string; tenants: { id: string; slug: string }[] };
  return (slug: string) => ({
    authorization: `Bearer ${body.accessToken}`,
    'x-tenant-id': body.tenants.find((tenant) => tenant.slug === slug)?.id ?? '',
    'content-type': 'application/json',
  });
}

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Search commands and pages' }).waitFor();
}

export const flows: Flow[] = [
  {
    name: 'sign in as a member, find your way with the keyboard, sign out',
    async run(t) {
      const { page } = t;
      await page.goto('/');
      await page.waitForURL(/\/sign-in/);
      await t.screen('sign in');

      const started = performance.now();
      await t.signIn('member@acme.example');
      await page.getByRole('heading', { name: /Welcome, Maya/ }).waitFor();
      t.measure('sign-in to home', performance.now() - started);
      assert.match(page.url(), /\/t\/acme$/);
      const products = page.getByRole('navigation', { name: 'Products' });
      // Products with screens where she holds a permission; the rest have none yet.
      for (const shown of [/Taskodex/, /Qultrix/, /CustomerConnect/, /Invantray/])
        assert.equal(await products.getByRole('link', { name: shown }).count(), 1);
      for (const hidden of ['AdminHub']) {
        assert.equal(
          await products.getByRole('link', { name: hidden }).count(),
          0,
          `${hidden} must be hidden`,
        );
      }
      await t.screen('home');

      // Ctrl-K → "api keys" → Enter, all by keyboard.
      await openPalette(page);
      await page.keyboard.type('api keys');
      await t.screen('command palette');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/t\/acme\/settings\/api-keys$/);
      await page.getByRole('heading', { name: 'API keys' }).waitFor();
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      assert.match((await crumbs.textContent()) ?? '', /Acme.*Settings.*API keys/);

      // A reload keeps the session (silent refresh through the httpOnly cookie).
      await page.reload();
      await page.getByRole('heading', { name: 'API keys' }).waitFor();

      // The notifications page, and an unknown page inside the shell.
      await page.goto('/t/acme/notifications');
      await page.getByRole('heading', { name: 'Notifications' }).waitFor();
      await t.screen('notifications');
      await page.goto('/t/acme/no-such-page');
      await page.getByText('This page does not exist').waitFor();
      await t.screen('not found');

      // Notifications and the user menu.
      await page.getByRole('button', { name: /^Notifications/ }).click();
      await page
        .getByText(/caught up|See all notifications/)
        .first()
        .waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /User menu/ }).click();
      await page.getByRole('button', { name: /Dark theme|Light theme/ }).click();
      await t.screen('dark theme');
      await page.getByRole('button', { name: /User menu/ }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/sign-in/);

      // Signed out means signed out: the tenant URL asks to sign in again.
      await page.goto('/t/acme/settings');
      await page.waitForURL(/\/sign-in\?next=/);
    },
  },
  {
    name: 'sign up, confirm the email from the mailbox, reset a forgotten password, turn on two-step verification',
    async run(t) {
      const { page } = t;
      const email = `founder.${t.runId}@initech.example`;
      await page.goto('/sign-in');
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByLabel('Your name').fill('Fiona Founder');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('too-weak');
      await page.getByLabel('Workspace name').fill(`Initech ${t.runId}`);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.getByText('Use at least 12 characters.').waitFor();
      await t.screen('sign up with a field error');
      await page.getByLabel('Password').fill('Founder-pass-1!');
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL(/\/confirm\?email=/);

      const code = (await t.mailbox(email)).at(-1)?.code;
      assert.ok(code, 'a confirmation code was emailed');
      await page.getByLabel('Confirmation code').fill(code);
      await t.screen('confirm');
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByText('Your email is confirmed').waitFor();

      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByRole('button', { name: 'Send code' }).click();
      await page.waitForURL(/\/reset-password/);
      const resetCode = (await t.mailbox(email)).at(-1)?.code;
      assert.ok(resetCode && resetCode !== code, 'a reset code was emailed');
      await page.getByLabel('Reset code').fill(resetCode);
      await page.getByLabel('New password').fill('Founder-pass-2!');
      await t.screen('reset password');
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByText('Your password was changed').waitFor();

      await t.signIn(email, 'Founder-pass-2!');
      await page.getByRole('button', { name: new RegExp(`current:\\s*Initech ${t.runId}`) }).waitFor();
      await t.screen('new workspace home');

      // Account and security, from the user menu: enrol an authenticator app.
      await page.getByRole('button', { name: /User menu/ }).click();
      await page.getByRole('link', { name: 'Account and security' }).click();
      await page.getByRole('heading', { name: 'Account', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
      const secretCode = (await page.locator('.secret code').textContent())?.trim() ?? '';
      assert.match(secretCode, /^[A-Z2-7]+=*$/);
      await t.screen('account and security');
      await page.getByLabel('Code from the app').fill(totp(secretCode));
      await page.getByRole('button', { name: 'Turn on' }).click();
      await page.getByText('On: sign-ins ask for a code').waitFor();

      // The next sign-in asks for a code from the app.
      await page.getByRole('button', { name: /User menu/ }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/sign-in/);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill('Founder-pass-2!');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
      await t.screen('two-step verification');
      await page.getByLabel('Authentication code').fill(totp(secretCode));
      await page.getByRole('button', { name: 'Verify' }).click();
      await page.waitForURL(/\/t\/[^/]+/);
    },
  },
  {
    name: 'create an API key with scopes, use it, revoke it',
    async run(t) {
      const { page } = t;
      await t.signIn('member@acme.example');
      await page.goto('/t/acme/settings/api-keys');
      await page.getByRole('heading', { name: 'API keys' }).waitFor();
      await t.screen('api keys');

      await page.getByRole('button', { name: 'Create API key' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create API key' });
      await dialog.getByLabel('Name').fill(`CI ${t.runId}`);
      await dialog.getByLabel('taskodex:task:read').check();
      await t.screen('create api key');
      await dialog.getByRole('button', { name: 'Create key' }).click();

      const secretDialog = page.getByRole('dialog', { name: /created/ });
      const secret = await secretDialog.getByLabel('The key').inputValue();
      assert.match(secret, /^hk_/);
      await secretDialog.getByRole('button', { name: 'Copy' }).click();
      await secretDialog.getByRole('button', { name: 'Copied', exact: true }).waitFor();
      await t.screen('api key secret shown once');
      await secretDialog.getByRole('button', { name: 'I have copied it' }).click();

      const works = await fetch(`${t.baseUrl}/v1/taskodex/tasks?limit=1`, {
        headers: { authorization: `ApiKey ${secret}` },
      });
      assert.equal(works.status, 200, 'the new key reads tasks');

      const row = page.getByRole('row', { name: new RegExp(`CI ${t.runId}`) });
      await row.getByRole('button', { name: /Revoke/ }).click();
      await page
        .getByRole('dialog', { name: 'Revoke API key' })
        .getByRole('button', { name: 'Revoke key' })
        .click();
      await row.getByText('revoked').waitFor();
      await t.screen('api key revoked');

      // Revocation takes effect within seconds (the authorizer's cache is short), not at once.
      let status = 0;
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
        status = (
          await fetch(`${t.baseUrl}/v1/taskodex/tasks?limit=1`, {
            headers: { authorization: `ApiKey ${secret}` },
          })
        ).status;
        if (status === 401) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      assert.equal(status, 401, 'a revoked key stops working within 10 s');
    },
  },
  {
    name: 'invite a new member and sign in as them from the mailbox',
    async run(t) {
      const { page } = t;
      const email = `new.${t.runId}@acme.example`;
      await t.signIn('admin@acme.example');
      await page.goto('/t/acme/settings/members');
      await page.getByRole('heading', { name: 'Members' }).waitFor();
      await t.screen('members');

      await page.getByRole('button', { name: 'Invite member' }).click();
      const dialog = page.getByRole('dialog', { name: 'Invite member' });
      await dialog.getByLabel('Email').fill(email);
      await dialog.getByLabel('Name (optional)').fill('Nina New');
      await t.screen('invite member');
      await dialog.getByRole('button', { name: 'Send invitation' }).click();
      await page.getByRole('row', { name: new RegExp(email) }).waitFor();

      const mail = await t.mailbox(email);
      const temporaryPassword = mail.at(-1)?.code;
      assert.ok(temporaryPassword, 'the invitation email carries a temporary password');

      const invitee = await t.newPage();
      await invitee.goto('/sign-in');
      await invitee.getByLabel('Email').fill(email);
      await invitee.getByLabel('Password').fill(temporaryPassword);
      await invitee.getByRole('button', { name: 'Sign in' }).click();
      await invitee.getByRole('heading', { name: 'Choose a password' }).waitFor();
      t.page = invitee;
      await t.screen('invitee chooses a password');
      await invitee.getByLabel('New password').fill('Nina-chooses-1!');
      await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
      await invitee.waitForURL(/\/t\/acme$/);
      await invitee.getByRole('heading', { name: /Welcome, Nina/ }).waitFor();
      await t.screen('invitee home');
      t.page = page;

      // The admin changes the newcomer's roles, then removes them.
      await page.reload();
      const row = page.getByRole('row', { name: new RegExp(email) });
      await row.getByRole('button', { name: /Change roles/ }).click();
      const roles = page.getByRole('dialog', { name: /Roles of/ });
      await roles.getByLabel('Viewer').check();
      await roles.getByRole('button', { name: 'Save roles' }).click();
      await row.getByText('Viewer').waitFor();
      await row.getByRole('button', { name: /Remove/ }).click();
      await page
        .getByRole('dialog', { name: 'Remove member' })
        .getByRole('button', { name: 'Remove member' })
        .click();
      await row.waitFor({ state: 'detached' });
    },
  },
  {
    name: 'switch tenant: a member of two workspaces',
    async run(t) {
      const { page } = t;
      // The demo makes Maya a member of Acme and Globex: she can switch straight away.
      await t.signIn('member@acme.example');
      assert.match(page.url(), /\/t\/acme$/);
      await page.getByRole('button', { name: /Switch workspace/ }).click();
      await t.screen('tenant switcher');
      await page.getByRole('link', { name: 'Globex' }).click();
      await page.waitForURL(/\/t\/globex$/);
      await page.getByRole('button', { name: /Switch workspace, current:\s*Globex/ }).waitFor();
      await t.screen('globex home');

      // Globex's data, not Acme's: her tasks in Globex's warehouse project.
      await page
        .getByRole('navigation', { name: 'Products' })
        .getByRole('link', { name: /Taskodex/ })
        .click();
      await page.waitForURL(/\/t\/globex\/taskodex/);
      await page.getByRole('heading', { name: 'My tasks' }).waitFor();
      await page.getByRole('button', { name: /Order shelving and barcode scanners/ }).waitFor();
      await page.getByRole('button', { name: /Train the night shift/ }).waitFor();
      assert.equal(
        await page.getByRole('button', { name: /Migrate blog posts/ }).count(),
        0,
        "Acme's tasks are not shown in Globex",
      );
      await t.screen('globex my tasks');

      // The tenant is in the URL: another tab shows Acme at the same time.
      const other = await page.context().newPage();
      await other.goto('/t/acme/settings/members');
      await other.getByRole('button', { name: /Switch workspace, current:\s*Acme/ }).waitFor();
      assert.match(page.url(), /\/t\/globex\/taskodex/);
      await other.close();

      // A workspace you are not in: a clear page, not an error.
      await page.goto('/t/initech');
      await page.getByText('No access to this workspace').waitFor();
      await t.screen('no access');

      // Globex's owner adds an existing Acme user (Victor): he joins at once, with no new account.
      const owner = await t.newPage();
      t.page = owner;
      await t.signIn('owner@globex.example', undefined, owner);
      await owner.goto('/t/globex/settings/members');
      await owner.getByRole('table', { name: 'Members' }).waitFor();
      await owner.getByRole('row', { name: /member@acme\.example/ }).waitFor();
      // (Already there when BASE_URL reuses a platform from an earlier run.)
      if ((await owner.getByRole('row', { name: /viewer@acme\.example/ }).count()) === 0) {
        await owner.getByRole('button', { name: 'Invite member' }).click();
        const dialog = owner.getByRole('dialog', { name: 'Invite member' });
        await dialog.getByLabel('Email').fill('viewer@acme.example');
        await dialog.getByRole('button', { name: 'Send invitation' }).click();
        await owner.getByRole('row', { name: /viewer@acme\.example/ }).waitFor();
      }
      const viewer = await t.newPage();
      t.page = viewer;
      await t.signIn('viewer@acme.example', undefined, viewer);
      await viewer.getByRole('button', { name: /Switch workspace/ }).click();
      await viewer.getByRole('link', { name: 'Globex' }).click();
      await viewer.waitForURL(/\/t\/globex$/);
      await viewer.getByRole('button', { name: /Switch workspace, current:\s*Globex/ }).waitFor();
      await t.screen('added user in globex');
      t.page = page;
    },
  },
  {
    name: 'roles with a permission picker, webhooks with deliveries, tenant settings (admin)',
    async run(t) {
      const { page } = t;
      await t.signIn('admin@acme.example');
      await page.goto('/t/acme/settings');
      await page.getByLabel('Workspace name').waitFor();
      await t.screen('general settings');

      await page.goto('/t/acme/settings/roles');
      await page.getByRole('button', { name: 'View role Owner' }).click();
      const owner = page.getByRole('dialog', { name: 'Owner' });
      await owner.getByText('A system role: read-only.').waitFor();
      await t.screen('system role');
      await owner.getByRole('button', { name: 'Close' }).first().click();

      await page.getByRole('button', { name: 'New role' }).click();
      const create = page.getByRole('dialog', { name: 'New role' });
      await create.getByLabel('Name', { exact: true }).fill(`Auditor ${t.runId}`);
      await create.getByLabel('Taskodex', { exact: true }).check();
      await t.screen('custom role permission picker');
      await create.getByRole('button', { name: 'Create role' }).click();
      await page.getByRole('row', { name: new RegExp(`Auditor ${t.runId}`) }).waitFor();

      // A webhook to a closed local port: deliveries fail, and can be redelivered.
      await page.goto('/t/acme/settings/webhooks');
      await page.getByRole('button', { name: 'Add webhook' }).click();
      const add = page.getByRole('dialog', { name: 'Add webhook' });
      await add.getByLabel('Endpoint URL').fill('http://127.0.0.1:9/hooks');
      await add.getByLabel('Events').fill('taskodex.*');
      await add.getByRole('button', { name: 'Add webhook' }).click();
      const added = page.getByRole('dialog', { name: 'Webhook added' });
      assert.ok((await added.getByLabel('The signing secret').inputValue()).length > 10);
      await added.getByRole('button', { name: 'I have copied it' }).click();

      const headers = (await apiSession(t.baseUrl, 'admin@acme.example'))('acme');
      const created = await fetch(`${t.baseUrl}/v1/taskodex/tasks`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: `Webhook trigger ${t.runId}` }),
      });
      assert.equal(created.status, 201);

      await page.getByRole('button', { name: 'Deliveries of http://127.0.0.1:9/hooks' }).first().click();
      const drawer = page.getByRole('dialog', { name: 'Deliveries' });
      for (let attempt = 0; attempt < 20; attempt++) {
        if ((await drawer.getByRole('button', { name: 'Redeliver' }).count()) > 0) break;
        await page.waitForTimeout(500);
        await drawer.getByRole('button', { name: 'Refresh' }).click();
      }
      await t.screen('webhook deliveries');
      await drawer.getByRole('button', { name: 'Redeliver' }).first().click();
      await page.getByText('Queued for redelivery.').waitFor();
    },
  },
  {
    name: 'phone width: shell, navigation and settings at 390 px',
    viewport: { width: 390, height: 844 },
    async run(t) {
      const { page } = t;
      await t.signIn('member@acme.example');
      await page.getByRole('heading', { name: /Welcome/ }).waitFor();
      await t.screen('home at 390 px');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (overflow ${overflow}px)`);

      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page
        .getByRole('navigation', { name: 'Products' })
        .getByRole('link', { name: /Taskodex/ })
        .waitFor();
      await t.screen('navigation at 390 px');
      await page.getByRole('link', { name: 'Members', exact: true }).click();
      await page.getByRole('heading', { name: 'Members' }).waitFor();
      await t.screen('members at 390 px');
      const membersOverflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(membersOverflow <= 0, `members fit at 390 px (overflow ${membersOverflow}px)`);
    },
  },
];
