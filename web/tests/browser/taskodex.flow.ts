import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
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

/** 2026-11-19 → "2026-W47" (ISO 8601: Monday first, the week holding Thursday). */
function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const column = (page: Page, state: string) => page.getByRole('list', { name: `${state} tasks`, exact: true });
const card = (page: Page, identifier: string) =>
  page.locator('li[data-task-id]').filter({ hasText: identifier });

/** Waits (up to 10 s) for a form field to show `expected`; fails naming what it showed. */
async function fieldShows(field: Locator, expected: string) {
  let shown = '';
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
    shown = await field.inputValue();
    if (shown === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(shown, expected);
}

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
      // Both edits were saved, not only shown: the timeline has the rename too.
      await drawer.getByText(/changed the title from/).waitFor();
      assert.equal(await drawer.getByLabel('Title', { exact: true }).inputValue(), renamed);
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
      // The entry counts on the week the timer started in (see the timesheet below).
      const timerWeek = isoWeek(new Date());
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
      // The page opens on this week: if Monday 00:00 UTC passed since the timer started, go back one.
      if (!(await page.locator('.week-label').textContent())?.startsWith(timerWeek))
        await page.getByRole('button', { name: 'Previous week' }).click();
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
    name: 'taskodex: CSV import, bulk edit, project settings, workflow with a state in use, members',
    async run(t) {
      const { page, baseUrl } = t;
      const headers = await apiHeaders(baseUrl, 'member@acme.example', 'acme');
      const key = `S${t.runId
        .slice(-6)
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')}`.slice(0, 10);
      const name = `Settings test ${t.runId}`;
      const project = await apiCall<{ id: string }>(baseUrl, headers, 'POST', '/v1/taskodex/projects', {
        key,
        name,
      });
      await t.signIn('member@acme.example');
      await page.goto(`/t/acme/taskodex/projects/${project.id}?layout=list`);
      await page.getByRole('heading', { name: new RegExp(name) }).waitFor();

      // Import: two good rows and one the API refuses, reported by row number.
      await page.getByRole('button', { name: 'Import CSV' }).click();
      const importer = page.getByRole('dialog', { name: 'Import tasks from CSV' });
      await importer.getByLabel('CSV file').setInputFiles({
        name: 'tasks.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'title,priority,status\nFirst import,high,todo\nSecond import,low,todo\nThird import,soon,todo\n',
        ),
      });
      await importer.getByRole('button', { name: 'Upload and import' }).click();
      const report = importer.getByRole('region', { name: 'Import report' });
      await report.getByText(/2\s*tasks imported/).waitFor();
      await report.getByRole('rowheader', { name: '4' }).waitFor();
      await t.screen('import report');
      await page.keyboard.press('Escape');
      await importer.waitFor({ state: 'hidden' });

      // Bulk edit: a checkbox, a shift-click range, one change for both.
      const table = page.getByRole('table', { name: new RegExp(name) });
      await table.getByRole('button', { name: /First import/ }).waitFor();
      const boxes = table.getByRole('checkbox');
      await boxes.nth(0).click();
      await boxes.nth(1).click({ modifiers: ['Shift'] });
      const bar = page.getByRole('form', { name: 'Change 2 selected tasks' });
      await bar.getByLabel('Set priority').selectOption('urgent');
      await t.screen('bulk edit');
      await bar.getByRole('button', { name: 'Apply to 2' }).click();
      await bar.waitFor({ state: 'detached' });
      assert.equal(await table.getByText('Urgent').count(), 2);

      // Settings: details, then a workflow change that hits the API's 409 and its explanation.
      await page.locator('.head-actions').getByRole('link', { name: 'Settings', exact: true }).click();
      await page.getByRole('heading', { name: new RegExp(`${name} settings`) }).waitFor();
      await page.getByLabel('Client', { exact: true }).fill('Acme Retail');
      await page.getByLabel('Status', { exact: true }).selectOption('on_hold');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Project saved.').waitFor();

      t.expectConsoleError(/status of 409/);
      await page.getByRole('button', { name: 'Remove To do' }).click();
      await page.getByRole('button', { name: 'Save workflow' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /still in “To do”/ })
        .first()
        .waitFor();
      await t.screen('workflow state in use');
      await page.getByLabel('Move tasks in “To do” to').selectOption('backlog');
      await page.getByLabel('Name of state 1').fill('Icebox');
      await page.getByRole('button', { name: 'Save workflow' }).click();
      await page.getByText('Workflow saved.').waitFor();
      await page.getByRole('button', { name: 'Remove To do' }).waitFor({ state: 'detached' });

      // Members: add a tenant member, change their role, remove them.
      const members = page.getByRole('table', { name: 'Project members' });
      await members.getByRole('cell', { name: 'Maya Member', exact: true }).waitFor();
      const add = page.getByRole('form', { name: 'Add a member' });
      await add.getByLabel('Person').selectOption({ label: 'Adam Admin' });
      await add.getByLabel('Role', { exact: true }).selectOption('viewer');
      await add.getByRole('button', { name: 'Add member' }).click();
      await members.getByRole('cell', { name: 'Adam Admin', exact: true }).waitFor();
      await members.getByLabel('Role of Adam Admin').selectOption('member');
      await page.getByText('Adam Admin is now member.').waitFor();
      await t.screen('project settings');
      await members.getByRole('button', { name: 'Remove Adam Admin' }).click();
      await page
        .getByRole('dialog', { name: 'Remove Adam Admin?' })
        .getByRole('button', { name: 'Remove' })
        .click();
      await members.getByRole('cell', { name: 'Adam Admin', exact: true }).waitFor({ state: 'detached' });

      // The board shows the new workflow: Icebox holds the tasks moved out of To do.
      await page.getByRole('link', { name: 'Back to tasks' }).click();
      await page.getByRole('button', { name: 'Board', exact: true }).click();
      await column(page, 'Icebox').getByText('First import').waitFor();
    },
  },
  {
    name: 'taskodex: an approver reviews and approves a submitted week',
    async run(t) {
      const { page, baseUrl } = t;
      // The demo has a week Maya submitted; on a reused platform where it was approved, submit an older one.
      const admin = await apiHeaders(baseUrl, 'admin@acme.example', 'acme');
      const member = await apiHeaders(baseUrl, 'member@acme.example', 'acme');
      const me = await apiCall<{ user: { id: string } }>(baseUrl, member, 'GET', '/v1/me');
      const waiting = await apiCall<{ items: { userId: string; week: string }[] }>(
        baseUrl,
        admin,
        'GET',
        '/v1/taskodex/timesheets/submissions?status=submitted&limit=100',
      );
      let week = waiting.items.find((item) => item.userId === me.user.id)?.week;
      if (!week) {
        const day = new Date(Date.now() - (14 + (t.runId.length % 20) * 7) * 86_400_000);
        day.setUTCHours(9, 0, 0, 0);
        await apiCall(baseUrl, member, 'POST', '/v1/taskodex/time-entries', {
          description: `Approval test ${t.runId}`,
          startedAt: day.toISOString(),
          durationSeconds: 5400,
        });
        week = isoWeek(day);
        await apiCall(baseUrl, member, 'POST', `/v1/taskodex/timesheets/${week}/submit`);
      }

      await t.signIn('admin@acme.example');
      await page.goto('/t/acme/taskodex');
      await page.getByRole('link', { name: 'Approvals', exact: true }).click();
      await page.getByRole('heading', { name: 'Timesheet approvals' }).waitFor();
      await page.getByRole('button', { name: `Review Maya Member, ${week}` }).click();
      const drawer = page.getByRole('dialog', { name: `Maya Member · ${week}` });
      await drawer.getByRole('table', { name: 'Hours per day' }).waitFor();
      await t.screen('timesheet approval');
      await drawer.getByRole('button', { name: 'Approve' }).click();
      await page.getByText(`Maya Member's week ${week} approved.`).waitFor();
      await page.getByRole('button', { name: `Review Maya Member, ${week}` }).waitFor({ state: 'detached' });
      await page.getByLabel('Show', { exact: true }).selectOption('approved');
      await page.getByRole('button', { name: `Review Maya Member, ${week}` }).waitFor();
      await t.screen('approved timesheets');
    },
  },
  {
    name: 'taskodex: an edit to a task someone else changed meanwhile is explained, not lost',
    async run(t) {
      const { page, baseUrl } = t;
      const maya = await apiHeaders(baseUrl, 'member@acme.example', 'acme');
      const adam = await apiHeaders(baseUrl, 'admin@acme.example', 'acme');
      const me = await apiCall<{ user: { id: string } }>(baseUrl, maya, 'GET', '/v1/me');
      // A task of its own, so the flow neither depends on nor changes the demo's.
      const title = `Conflict ${t.runId}`;
      const task = await apiCall<{ id: string; identifier: string }>(
        baseUrl,
        maya,
        'POST',
        '/v1/taskodex/tasks',
        { title, priority: 'medium', assigneeId: me.user.id },
      );

      await t.signIn('member@acme.example');
      const opened = page.waitForResponse(
        (response) =>
          response.request().method() === 'GET' && response.url().endsWith(`/v1/taskodex/tasks/${task.id}`),
      );
      await page.goto(`/t/acme/taskodex?task=${task.id}`);
      const drawer = page.getByRole('dialog', { name: task.identifier });
      await drawer.getByLabel('Title', { exact: true }).waitFor();
      assert.equal((await opened).status(), 200);
      assert.equal(await drawer.getByLabel('Title', { exact: true }).inputValue(), title);

      // Behind the page's back, Adam renames the task: the drawer's copy is now stale.
      const current = await apiCall<{ version: number }>(
        baseUrl,
        adam,
        'GET',
        `/v1/taskodex/tasks/${task.id}`,
      );
      const renamed = `${title} (renamed by Adam)`;
      await apiCall(baseUrl, adam, 'PATCH', `/v1/taskodex/tasks/${task.id}`, {
        title: renamed,
        version: current.version,
      });

      // Maya changes the priority: the API answers 409, and she is told so, in view, with a way out.
      t.expectConsoleError(/status of 409/);
      const refused = page.waitForResponse(
        (response) =>
          response.request().method() === 'PATCH' && response.url().endsWith(`/v1/taskodex/tasks/${task.id}`),
      );
      await drawer.getByLabel('Priority').selectOption('high');
      assert.equal((await refused).status(), 409);
      // In the drawer, where she is looking: the page behind a modal drawer is covered and inert.
      const explanation = drawer.getByRole('alert').filter({ hasText: /changed by someone else/ });
      await explanation.waitFor();
      assert.match(
        (await explanation.textContent()) ?? '',
        new RegExp(`${task.identifier} was changed by someone else.*not saved`),
      );
      // Her edit is undone on screen (it was not saved), not left looking saved.
      await fieldShows(drawer.getByLabel('Priority'), 'medium');
      await t.screen('task conflict explained');

      // "Reload task" shows Adam's version; making the change again saves it on top.
      await explanation.getByRole('button', { name: 'Reload task' }).click();
      await fieldShows(drawer.getByLabel('Title', { exact: true }), renamed);
      await drawer.getByLabel('Priority').selectOption('high');
      await drawer.getByText(/changed the priority from medium to high/).waitFor();
      const saved = await apiCall<{ title: string; priority: string }>(
        baseUrl,
        maya,
        'GET',
        `/v1/taskodex/tasks/${task.id}`,
      );
      assert.deepEqual(
        { title: saved.title, priority: saved.priority },
        { title: renamed, priority: 'high' },
      );
      await t.screen('task saved after reload');
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
