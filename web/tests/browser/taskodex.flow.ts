import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, type Flow } from './harness';

/**
 * Taskodex in the browser: create, edit and move a task on a project board
 * (mouse and keyboard), comment with an @mention, start and stop the timer,
 * the timesheet and the time report with its CSV, a 500-task board's render
 * and drop times, and the screens at a phone's width.
 */

/** Bearer headers for set-up steps that are not under test (seeding 500 tasks). */
async function apiHeaders(baseUrl: string, email: string, slug: string) {
  const response = await fetch(`${baseUrl}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken: string; tenants: { id: string; slug: string }[] };
  return {
    authorization: `Bearer ${body.accessToken}`,
    'x-tenant-id': body.tenants.find((tenant) => tenant.slug === slug)?.id ?? '',
    'content-type': 'application/json',
  };
}

async function apiCall<T>(
  baseUrl: string,
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

const column = (page: Page, state: string) => page.getByRole('list', { name: `${state} tasks`, exact: true });
const card = (page: Page, identifier: string) =>
  page.locator('li[data-task-id]').filter({ hasText: identifier });

async function openProject(page: Page, name: string) {
  await page.getByRole('link', { name: 'Projects', exact: true }).click();
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  await page.getByRole('link', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
  await page.getByRole('region', { name: 'Board' }).waitFor();
}

export const flows: Flow[] = [
  {
    name: 'taskodex: create, edit and move a task on the board, comment, start and stop a timer',
    async run(t) {
      const { page } = t;
      await t.signIn('member@acme.example');
      await page
        .getByRole('navigation', { name: 'Products' })
        .getByRole('link', { name: /Taskodex/ })
        .click();
      await page.getByRole('heading', { name: 'My tasks' }).waitFor();
      await page.getByRole('button', { name: /Migrate blog posts/ }).waitFor();
      await t.screen('my tasks');

      await openProject(page, 'Website relaunch');
      await card(page, 'Checkout: one-page flow').waitFor();
      await t.screen('project board');

      // C opens the create dialog (not while typing), with the project preselected.
      await page.locator('body').click({ position: { x: 5, y: 300 } });
      await page.keyboard.press('c');
      const dialog = page.getByRole('dialog', { name: 'New task' });
      await dialog.waitFor();
      const title = `Browser task ${t.runId}`;
      await dialog.getByLabel('Title', { exact: true }).fill(title);
      await dialog.getByLabel('Priority').selectOption('medium');
      await t.screen('create task');
      await dialog.getByRole('button', { name: 'Create task' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const created = card(page, title);
      await created.waitFor();
      const identifier = ((await created.locator('.identifier').textContent()) ?? '').trim();
      assert.match(identifier, /^WEB-\d+$/);
      assert.equal(
        await column(page, 'To do').locator('li[data-task-id]').filter({ hasText: title }).count(),
        1,
      );

      // Edit in the drawer: the title inline, the priority, a comment with an @mention.
      await created.getByRole('button', { name: new RegExp(`^${identifier} `) }).click();
      const drawer = page.getByRole('dialog', { name: identifier });
      await drawer.getByLabel('Title', { exact: true }).waitFor();
      const renamed = `${title} (edited)`;
      await drawer.getByLabel('Title', { exact: true }).fill(renamed);
      await drawer.getByLabel('Title', { exact: true }).press('Enter');
      await drawer.getByLabel('Priority').selectOption('high');
      await drawer.getByText(/changed the priority from medium to high/).waitFor();
      const composer = drawer.getByRole('combobox', { name: 'Add a comment' });
      await composer.fill('Can you review this, ');
      await composer.pressSequentially('@adm');
      await drawer
        .getByRole('listbox', { name: 'People to mention' })
        .getByRole('option', { name: /Admin/ })
        .waitFor();
      await composer.press('Enter');
      await composer.pressSequentially('please?');
      await drawer.getByRole('button', { name: 'Comment', exact: true }).click();
      await drawer
        .locator('.mention')
        .filter({ hasText: /@.*Admin/ })
        .waitFor();

      // The timer: start on this task from the drawer, see it in the top bar, stop it there.
      await drawer.getByRole('button', { name: /Start timer/ }).click();
      const stop = page.getByRole('button', { name: new RegExp(`^Stop timer on ${identifier}`) });
      await stop.waitFor();
      await t.screen('task drawer with a running timer');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
      await card(page, renamed).waitFor();
      await page.getByRole('timer', { name: 'Elapsed time' }).waitFor();
      await page.waitForTimeout(1100);
      await stop.click();
      await page.getByText('Timer stopped').waitFor();
      await page.getByRole('button', { name: 'Start timer' }).waitFor();

      // Drag from To do to In progress; the move survives a reload.
      const started = performance.now();
      await card(page, renamed).dragTo(column(page, 'In progress'));
      await column(page, 'In progress').locator('li[data-task-id]').filter({ hasText: renamed }).waitFor();
      t.measure('drop a card (seeded board)', performance.now() - started);
      await page.waitForLoadState('networkidle');
      await page.reload();
      await column(page, 'In progress').locator('li[data-task-id]').filter({ hasText: renamed }).waitFor();

      // By keyboard: Alt+→ moves it on to In review.
      await card(page, renamed)
        .getByRole('button', { name: new RegExp(`^${identifier} `) })
        .focus();
      await page.keyboard.press('Alt+ArrowRight');
      await column(page, 'In review').locator('li[data-task-id]').filter({ hasText: renamed }).waitFor();
      await t.screen('board after moves');

      // The list view, sorted by title.
      await page.getByRole('button', { name: 'List', exact: true }).click();
      await page.getByRole('table').getByRole('button', { name: /^Task/ }).click();
      await page
        .getByRole('button', { name: new RegExp(`${identifier} ${renamed.replace(/[()]/g, '\\$&')}`) })
        .waitFor();
      await t.screen('project list');
      const [tasksCsv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      assert.match(tasksCsv.suggestedFilename(), /\.csv$/);

      // Timesheet: the stopped timer is there; the report has a chart and a CSV.
      await page.getByRole('link', { name: 'Timesheet', exact: true }).click();
      await page.getByRole('heading', { name: 'Timesheet' }).waitFor();
      await page.getByRole('rowheader', { name: new RegExp(identifier) }).waitFor();
      await t.screen('timesheet');
      await page.getByRole('link', { name: 'Time report', exact: true }).click();
      await page.getByRole('heading', { name: 'Time report' }).waitFor();
      await page.getByRole('img', { name: /Hours by project/ }).waitFor();
      await t.screen('time report');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^time-report-.*\.csv$/);

      // The command palette knows the projects: Ctrl+K, the key, Enter.
      await page.keyboard.press('Control+k');
      await page.getByRole('combobox', { name: 'Search commands and pages' }).waitFor();
      await page.keyboard.type('MOB');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /Mobile app 2\.0/ }).waitFor();
      await page.getByRole('region', { name: 'Board' }).waitFor();
    },
  },
  {
    name: 'taskodex: a board with 500 tasks renders and drops quickly',
    async run(t) {
      const { page, baseUrl } = t;
      const headers = await apiHeaders(baseUrl, 'member@acme.example', 'acme');
      const key = `B${t.runId
        .slice(-6)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')}`.slice(0, 10);
      const project = await apiCall<{ id: string }>(baseUrl, headers, 'POST', '/v1/taskodex/projects', {
        key,
        name: `Load test ${t.runId}`,
      });
      const statuses = ['backlog', 'todo', 'in_progress', 'in_review', 'done'];
      const csv = [
        'title,status,priority',
        ...Array.from({ length: 500 }, (_, index) => `Load task ${index + 1},${statuses[index % 5]},medium`),
      ].join('\n');
      const result = await apiCall<{ imported: number }>(
        baseUrl,
        headers,
        'POST',
        `/v1/taskodex/tasks/import?projectId=${project.id}`,
        { csv },
      );
      assert.equal(result.imported, 500);

      await t.signIn('member@acme.example');
      const started = performance.now();
      await page.goto(`/t/acme/taskodex/projects/${project.id}`);
      await page.waitForFunction(
        () => document.querySelectorAll('li[data-task-id]').length === 500,
        undefined,
        { timeout: 30_000 },
      );
      t.measure('render 500-task board', performance.now() - started);

      const moving = column(page, 'To do').locator('li[data-task-id]').first();
      const id = await moving.getAttribute('data-task-id');
      assert.ok(id);
      const dropStarted = performance.now();
      await moving.dragTo(column(page, 'In progress').locator('li[data-task-id]').first());
      await column(page, 'In progress').locator(`li[data-task-id="${id}"]`).waitFor();
      t.measure('drop a card (500-task board)', performance.now() - dropStarted);
      const saved = await page
        .waitForResponse((response) => response.url().includes(`/tasks/${id}/move`), { timeout: 15_000 })
        .catch(() => undefined);
      if (saved) assert.equal(saved.status(), 200);
      await t.screen('500-task board');
    },
  },
  {
    name: 'taskodex at 390 px: my tasks, a task, the board',
    viewport: { width: 390, height: 844 },
    async run(t) {
      const { page } = t;
      await t.signIn('member@acme.example');
      await page.goto('/t/acme/taskodex');
      await page.getByRole('heading', { name: 'My tasks' }).waitFor();
      const task = page.getByRole('button', { name: /Migrate blog posts/ });
      await task.waitFor();
      await t.screen('my tasks at 390 px');
      await task.click();
      const drawer = page.getByRole('dialog', { name: /^WEB-\d+$/ });
      await drawer.getByLabel('Title', { exact: true }).waitFor();
      await drawer.getByText('Write the import script').waitFor();
      await t.screen('task drawer at 390 px');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `no sideways scroll on the page (${width} px)`);
      await page.keyboard.press('Escape');
      await page.goto('/t/acme/taskodex?layout=board');
      await page.getByRole('region', { name: 'Board' }).waitFor();
      await t.screen('my tasks board at 390 px');
    },
  },
];
