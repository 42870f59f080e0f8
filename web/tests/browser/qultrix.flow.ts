import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { subtractDecimal } from '../../src/lib/qultrix/decimal';
import { DEMO_PASSWORD, type Flow } from './harness';

/**
 * Qultrix in the browser: an employee requests a day off at a phone's width
 * (the dialog counts the working days live), their manager approves it in the
 * approvals inbox, and the employee's balance drops by exactly that amount.
 * Then HR's screens, each checked by axe: the directory with its filters, a
 * profile with its tabs, the org chart by keyboard, the team calendar and the
 * HR settings.
 *
 * The demo seed (functions/qultrix/demo) maps employee@ to Ethan Employee,
 * who reports to Maya Member (member@). Without it, the flow builds the same
 * through the API first (a leave type, the two employees, ten days).
 */

type Headers = Record<string, string>;

async function apiHeaders(baseUrl: string, email: string): Promise<Headers> {
  const response = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken: string; tenants: { id: string; slug: string }[] };
  return {
    authorization: `Bearer ${body.accessToken}`,
    'x-tenant-id': body.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '',
    'content-type': 'application/json',
  };
}

async function call<T>(baseUrl: string, headers: Headers, method: string, path: string, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function ok<T>(baseUrl: string, headers: Headers, method: string, path: string, body?: unknown) {
  const result = await call<T>(baseUrl, headers, method, path, body);
  assert.ok(result.status < 300, `${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

interface Balance {
  leaveTypeName: string;
  balance: string;
  available: string;
}

/** employee@'s employee record, made (with a manager, a leave type and a balance) when the demo has none. */
async function employeeRecord(baseUrl: string): Promise<{ id: string; managerId: string | null }> {
  const employee = await apiHeaders(baseUrl, 'employee@acme.example');
  const own = await call<{ id: string; managerId: string | null }>(
    baseUrl,
    employee,
    'GET',
    '/v1/qultrix/employees/me',
  );
  if (own.status === 200) return own.body;

  const hr = await apiHeaders(baseUrl, 'hr@acme.example');
  const members = await ok<{ items: { userId: string; email: string }[] }>(
    baseUrl,
    hr,
    'GET',
    '/v1/tenants/current/members?limit=100',
  );
  const userOf = (email: string) => members.items.find((member) => member.email === email)?.userId;
  const type = await ok<{ id: string }>(baseUrl, hr, 'POST', '/v1/qultrix/leave-types', {
    name: 'Annual leave',
    kind: 'annual',
    approval: 'manager',
  });
  const manager = await ok<{ id: string }>(baseUrl, hr, 'POST', '/v1/qultrix/employees', {
    legalName: { given: 'Maya', family: 'Member' },
    hireDate: '2024-01-08',
    status: 'active',
    userId: userOf('member@acme.example'),
  });
  const created = await ok<{ id: string; managerId: string | null }>(
    baseUrl,
    hr,
    'POST',
    '/v1/qultrix/employees',
    {
      legalName: { given: 'Ethan', family: 'Employee' },
      hireDate: '2025-03-03',
      status: 'active',
      managerId: manager.id,
      userId: userOf('employee@acme.example'),
    },
  );
  await ok(baseUrl, hr, 'POST', `/v1/qultrix/employees/${created.id}/balances/${type.id}/adjustments`, {
    amount: '10',
    note: 'Browser test set-up',
  });
  return created;
}

async function annualBalance(baseUrl: string, employeeId: string): Promise<Balance> {
  const headers = await apiHeaders(baseUrl, 'employee@acme.example');
  const balances = await ok<{ items: Balance[] }>(
    baseUrl,
    headers,
    'GET',
    `/v1/qultrix/employees/${employeeId}/balances`,
  );
  const annual = balances.items.find((item) => item.leaveTypeName === 'Annual leave');
  assert.ok(annual, `an Annual leave balance: ${JSON.stringify(balances.items)}`);
  return annual;
}

/** employee@'s request starting on `day`, as the API has it. */
async function newestRequest(baseUrl: string, day: string): Promise<{ id: string; amount: string }> {
  const headers = await apiHeaders(baseUrl, 'employee@acme.example');
  const page = await ok<{ items: { id: string; amount: string; start: string; status: string }[] }>(
    baseUrl,
    headers,
    'GET',
    `/v1/qultrix/time-off/requests?mine=true&from=${day}&to=${day}`,
  );
  const found = page.items.find((item) => item.start === day && item.status === 'pending');
  assert.ok(found, `the pending request on ${day}: ${JSON.stringify(page.items)}`);
  return found;
}

/** A Tuesday about ten weeks ahead: clear of the demo's requests and of public holidays' clusters. */
function requestDay(now = new Date()): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 70));
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

async function noSidewaysScroll(page: Page, width: number) {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `no sideways scroll on the page (${scroll} px)`);
}

export const flows: Flow[] = [
  {
    name: 'qultrix: request time off at 390 px, the manager approves in the inbox, the balance drops',
    viewport: { width: 390, height: 844 },
    async run(t) {
      const { page, baseUrl } = t;
      const employee = await employeeRecord(baseUrl);
      const before = await annualBalance(baseUrl, employee.id);

      // The employee asks for a day off; the dialog counts it before sending.
      await t.signIn('employee@acme.example');
      await page.goto('/t/acme/qultrix/time-off');
      await page.getByRole('heading', { name: 'Time off', exact: true }).waitFor();
      const card = page
        .getByRole('list', { name: 'My balances' })
        .locator('[data-leave-type="Annual leave"]');
      await card.waitFor();
      await t.screen('my time off at 390 px');
      await noSidewaysScroll(page, 390);

      await page.getByRole('button', { name: 'Request time off' }).click();
      const dialog = page.getByRole('dialog', { name: 'Request time off' });
      await dialog.waitFor();
      await dialog.getByLabel('Leave type').selectOption({ label: 'Annual leave' });
      const day = requestDay();
      await dialog.getByLabel('From').fill(day);
      await dialog.getByLabel('To').fill(day);
      await dialog.getByText('1 working day').waitFor();
      await dialog.getByText(/Available [\s\S]* left/).waitFor();
      await t.screen('request time off dialog at 390 px');
      await dialog.getByRole('button', { name: 'Send request' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const mine = page
        .getByRole('list', { name: 'My requests' })
        .getByRole('listitem')
        .filter({ hasText: 'Annual leave' });
      await mine.filter({ hasText: 'Pending' }).first().waitFor();

      // Their manager approves it in the inbox.
      const manager = await t.newPage();
      await t.signIn('member@acme.example', undefined, manager);
      await manager.goto('/t/acme/qultrix/approvals');
      await manager.getByRole('heading', { name: 'Approvals' }).waitFor();
      const inbox = manager.getByRole('list', { name: 'Requests awaiting me' });
      const approve = inbox.getByRole('button', { name: /^Approve Ethan .*Annual leave/ });
      await approve.first().waitFor();
      const requestCount = await approve.count();
      const requested = await newestRequest(baseUrl, day);
      const target = inbox.locator(`[data-request-id="${requested.id}"]`);
      await target.waitFor();
      assert.equal(requested.amount.replace(/\.?0+$/, ''), '1');
      t.page = manager;
      await t.screen('approvals inbox');
      t.page = page;
      await target.getByRole('button', { name: /^Approve / }).click();
      await manager.getByText(/^Approved: Ethan/).waitFor();
      assert.equal(await approve.count(), requestCount - 1, 'the approved request leaves the inbox');

      // The balance dropped by the day: the ledger's taken row.
      const after = await annualBalance(baseUrl, employee.id);
      assert.equal(subtractDecimal(before.balance, after.balance), '1.000');
      await page.reload();
      await page.getByRole('list', { name: 'My requests' }).getByText('Approved').first().waitFor();
      await card
        .getByText(new RegExp(`balance ${after.balance.replace(/\.?0+$/, '').replace('.', '\\.')}\\b`))
        .waitFor();

      // The ledger shows why: a taken row for the day.
      await card.getByRole('button', { name: 'Annual leave ledger' }).click();
      const ledger = page.getByRole('dialog', { name: 'Annual leave: ledger' });
      await ledger.getByRole('row').filter({ hasText: 'Taken' }).filter({ hasText: '-1' }).first().waitFor();
      await t.screen('balance ledger at 390 px');
    },
  },
  {
    name: 'qultrix: HR screens — directory, profile tabs, org chart by keyboard, calendar, settings',
    async run(t) {
      const { page } = t;
      await employeeRecord(t.baseUrl);
      await t.signIn('hr@acme.example');
      await page
        .getByRole('navigation', { name: 'Products' })
        .getByRole('link', { name: /Qultrix/ })
        .click();
      await page.getByRole('heading', { name: 'People' }).waitFor();
      const table = page.getByRole('table', { name: 'People' });
      await table.getByRole('link', { name: /Ethan/ }).waitFor();
      await t.screen('people directory');

      await page.getByLabel('Search people').fill('Ethan');
      await page.waitForURL(/q=Ethan/);
      await table.getByRole('link', { name: /Ethan/ }).click();
      await page.getByRole('heading', { name: /Ethan/ }).waitFor();
      await t.screen('profile: personal');
      for (const tab of ['Job', 'Compensation', 'Time off', 'History']) {
        await page.getByRole('tab', { name: tab }).click();
        await page.getByRole('tabpanel').waitFor();
        await page.waitForLoadState('networkidle');
        await t.screen(`profile: ${tab.toLowerCase()}`);
      }
      await page.getByRole('button', { name: 'Record a change' }).click();
      await page.getByRole('dialog', { name: 'Record a job change' }).waitFor();
      await t.screen('record a job change');
      await page.keyboard.press('Escape');

      // The edit form shows the server's problems beside their field.
      await page.getByRole('button', { name: 'Edit', exact: true }).click();
      const edit = page.getByRole('dialog', { name: /^Edit / });
      t.expectConsoleError(/status of 400/);
      await edit.getByLabel('Street').fill('Unter den Linden 1');
      await edit.getByLabel('City').fill('Berlin');
      await edit.getByLabel('Country').fill('D1');
      await edit.getByRole('button', { name: 'Save' }).click();
      const country = edit.getByLabel('Country');
      await edit.getByText(/ISO 3166-1 alpha-2/).waitFor();
      assert.equal(await country.getAttribute('aria-invalid'), 'true');
      await t.screen('edit employee with a field error');
      await edit.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('link', { name: 'Org chart' }).click();
      const tree = page.getByRole('tree', { name: 'Org chart' });
      await tree.waitFor();
      const first = tree.getByRole('treeitem').first();
      await first.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowRight');
      await t.screen('org chart');

      await page.getByRole('link', { name: 'Team calendar' }).click();
      await page.getByRole('list', { name: /^Absences in / }).waitFor();
      await t.screen('team calendar');

      await page.getByRole('link', { name: 'Approvals' }).click();
      await page.getByRole('heading', { name: 'Delegations' }).waitFor();
      await page.getByRole('button', { name: 'Delegate my approvals' }).click();
      await page.getByRole('dialog', { name: 'Delegate my approvals' }).waitFor();
      await t.screen('approvals with the delegation dialog');
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: 'HR settings' }).click();
      await page.getByRole('heading', { name: 'HR settings' }).waitFor();
      for (const section of [
        'Departments',
        'Positions',
        'Locations',
        'Holidays',
        'Leave types',
        'Policies',
      ]) {
        await page.getByRole('tab', { name: section }).click();
        await page.waitForLoadState('networkidle');
        await t.screen(`settings: ${section.toLowerCase()}`);
      }
    },
  },
  {
    name: 'qultrix at 390 px: an employee sees their own record, edits their phone, the org chart and the calendar',
    viewport: { width: 390, height: 844 },
    async run(t) {
      const { page } = t;
      await employeeRecord(t.baseUrl);
      await t.signIn('employee@acme.example');
      await page.goto('/t/acme/qultrix');
      const table = page.getByRole('table', { name: 'People' });
      // Row scope: an employee without reports finds their own record only.
      await table.getByRole('link', { name: /Ethan/ }).waitFor();
      assert.equal(await table.getByRole('link').count(), 1);
      await t.screen('directory as an employee at 390 px');
      await noSidewaysScroll(page, 390);

      await table.getByRole('link', { name: /Ethan/ }).click();
      await page.getByRole('heading', { name: /Ethan/ }).waitFor();
      assert.equal(await page.getByRole('tab', { name: 'Compensation' }).count(), 0, 'no compensation tab');
      assert.equal(await page.getByRole('button', { name: 'Terminate' }).count(), 0);
      await t.screen('own profile at 390 px');
      await noSidewaysScroll(page, 390);

      // Self-service: only their contact details are in the form.
      await page.getByRole('button', { name: 'Edit my details' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit my details' });
      assert.equal(await edit.getByLabel('Manager').count(), 0, 'no job fields in self-service');
      const phone = `+49 170 ${t.runId.replace(/\D/g, '').slice(-6).padStart(6, '0')}`;
      await edit.getByLabel('Mobile phone').fill(phone);
      await t.screen('edit my details at 390 px');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'hidden' });
      await page.getByRole('definition').filter({ hasText: phone }).waitFor();

      await page.goto('/t/acme/qultrix/org-chart');
      await page.getByRole('tree', { name: 'Org chart' }).getByRole('treeitem').first().waitFor();
      await t.screen('org chart at 390 px');
      await noSidewaysScroll(page, 390);

      await page.goto('/t/acme/qultrix/calendar');
      await page.getByRole('list', { name: /^Absences in / }).waitFor();
      await t.screen('team calendar at 390 px');
      await noSidewaysScroll(page, 390);

      await page.goto('/t/acme/qultrix/approvals');
      await page.getByRole('heading', { name: 'Approvals' }).waitFor();
      await page.getByText('Nothing to approve').waitFor();
      await t.screen('empty approvals inbox at 390 px');
    },
  },
];
