import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { api, apiHeaders, noSidewaysScroll } from './api';
import type { Flow } from './harness';

/**
 * CustomerConnect's pipeline in the browser. A Sales Rep converts a lead
 * through the conversion dialog on the lead's page (new contact, new company,
 * a deal in a pipeline made for this run), drags the deal to Won on the
 * board and gives the reason; the API then says the deal is won with that
 * reason, and Taskodex has made the deal's project. The forecast shows the
 * deal's amount. At 390 px the board scrolls by stage inside itself, and the
 * keyboard's "Move to…" dialog moves a card; a move the server refuses puts
 * the card back; a move to Lost cancelled at the reason leaves it where it
 * was. An admin edits a pipeline's stages (a renamed stage keeps its id) and
 * adds a select custom field. Every screen is checked by axe.
 */

interface Pipeline {
  id: string;
  stages: { id: string; name: string; kind: string; probability: string }[];
}
interface Deal {
  id: string;
  stageId: string;
  status: string;
  closeReason: string | null;
}

/** A pipeline of this run only (admin@), so its board holds exactly the run's deals. */
async function flowPipeline(baseUrl: string, runId: string): Promise<Pipeline> {
  const admin = await apiHeaders(baseUrl, 'admin@acme.example');
  return api<Pipeline>(baseUrl, admin, 'POST', '/v1/customerconnect/pipelines', {
    name: `Flow ${runId}`,
    stages: [
      { name: 'Discovery', kind: 'open', probability: '20' },
      { name: 'Proposal', kind: 'open', probability: '60' },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
}

/** Waits (up to `ms`) for `check` to return a value. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function currentQuarter(): string {
  const today = new Date();
  return `${today.getUTCFullYear()}-Q${Math.floor(today.getUTCMonth() / 3) + 1}`;
}

const columnList = (page: Page, stage: string) =>
  page.getByRole('list', { name: `${stage} deals`, exact: true });

export const flows: Flow[] = [
  {
    name: 'customerconnect pipeline: convert a lead with a deal, drag it to Won (Taskodex makes its project), the forecast',
    viewport: { width: 1280, height: 900 },
    async run(t) {
      const { page, baseUrl, runId } = t;
      const pipeline = await flowPipeline(baseUrl, runId);
      const sales = await apiHeaders(baseUrl, 'sales@acme.example');
      const lastName = `Hopper ${runId}`;
      const companyName = `Hopper ${runId} Ltd`;
      const dealName = `Hopper ${runId} rollout`;
      const lead = await api<{ id: string }>(baseUrl, sales, 'POST', '/v1/customerconnect/leads', {
        firstName: 'Grace',
        lastName,
        email: `grace@hopper-${runId}.example`,
        companyName,
        source: 'referral',
      });

      // The conversion dialog, opened from the lead's page.
      await t.signIn('sales@acme.example');
      await page.goto(`/t/acme/customerconnect/leads/${lead.id}`);
      await page.getByRole('button', { name: 'Convert', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Convert Grace ${lastName}` });
      await dialog.getByText('A new contact').waitFor();
      assert.ok(await dialog.getByRole('radio', { name: `A new company “${companyName}”` }).isChecked());
      await dialog.getByRole('checkbox', { name: 'Create a deal' }).check();
      await dialog.getByLabel('Deal name', { exact: true }).fill(dealName);
      await dialog.getByLabel('Pipeline', { exact: true }).selectOption(pipeline.id);
      await dialog.getByLabel('Stage', { exact: true }).selectOption({ label: 'Discovery' });
      await dialog.getByLabel('Amount', { exact: true }).fill('12500.50');
      await dialog.getByLabel('Currency', { exact: true }).fill('EUR');
      await dialog
        .getByLabel('Expected close date', { exact: true })
        .fill(new Date().toISOString().slice(0, 10));
      await t.screen('convert lead dialog');
      await dialog.getByRole('button', { name: 'Convert', exact: true }).click();
      await dialog.getByText('is converted').waitFor();
      const dealLink = dialog.getByRole('link', { name: `Deal ${dealName}` });
      const dealId =
        /\/opportunities\/([0-9a-f-]{36})/.exec((await dealLink.getAttribute('href')) ?? '')?.[1] ?? '';
      assert.ok(dealId, 'the dialog links to the new deal');
      await dialog.getByRole('link', { name: `Company ${companyName}` }).waitFor();
      await dialog.getByRole('link', { name: `Contact Grace ${lastName}` }).waitFor();
      await t.screen('lead converted');
      await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

      // The board of the run's pipeline: the deal in Discovery, dragged to Won.
      await page.goto(`/t/acme/customerconnect/board?pipeline=${pipeline.id}`);
      const card = page.locator(`li[data-deal-id="${dealId}"]`);
      await columnList(page, 'Discovery').locator(`li[data-deal-id="${dealId}"]`).waitFor();
      await page.getByRole('heading', { name: /^Discovery/ }).waitFor();
      await card.getByText(companyName).waitFor();
      await t.screen('pipeline board');
      await card.dragTo(columnList(page, 'Won'));
      const reason = page.getByRole('dialog', { name: `${dealName} won` });
      await reason.getByLabel('Why we won (optional)').fill('Signed the rollout after the pilot');
      await t.screen('won reason dialog');
      await reason.getByRole('button', { name: 'Mark as won' }).click();
      await columnList(page, 'Won').locator(`li[data-deal-id="${dealId}"]`).waitFor();

      const won = await eventually('the deal to be won', async () => {
        const deal = await api<Deal>(baseUrl, sales, 'GET', `/v1/customerconnect/opportunities/${dealId}`);
        return deal.status === 'won' ? deal : undefined;
      });
      assert.equal(won.closeReason, 'Signed the rollout after the pilot');
      assert.equal(won.stageId, pipeline.stages.find((stage) => stage.kind === 'won')?.id);

      // Taskodex makes the deal's project from opportunity.won.
      const owner = await apiHeaders(baseUrl, 'owner@acme.example');
      const project = await eventually('the deal project in Taskodex', async () => {
        const list = await api<{ items: { projectId: string; name: string }[] }>(
          baseUrl,
          owner,
          'GET',
          `/v1/taskodex/deal-projects?opportunityId=${dealId}`,
        );
        return list.items[0];
      });
      assert.ok(project.projectId, 'a Taskodex project exists for the won deal');

      // The forecast of this quarter, by stage, in the run's pipeline.
      await page.goto(
        `/t/acme/customerconnect/forecast?period=${currentQuarter()}&groupBy=stage&pipelineId=${pipeline.id}`,
      );
      const table = page.getByRole('table', { name: 'Forecast in EUR' });
      await table.getByRole('rowheader', { name: 'Won' }).waitFor();
      const wonRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Won' }) });
      assert.match((await wonRow.textContent()) ?? '', /12,500\.50/);
      await t.screen('forecast by stage');
    },
  },
  {
    name: 'customerconnect pipeline at 390 px: the board scrolls by stage, Move to… by keyboard, a cancelled Lost stays put',
    viewport: { width: 390, height: 844 },
    async run(t) {
      const { page, baseUrl, runId } = t;
      const pipeline = await flowPipeline(baseUrl, `m${runId}`);
      const sales = await apiHeaders(baseUrl, 'sales@acme.example');
      const deal = await api<Deal>(baseUrl, sales, 'POST', '/v1/customerconnect/opportunities', {
        name: `Phone deal ${runId}`,
        pipelineId: pipeline.id,
        amount: '990.00',
        currency: 'USD',
      });
      const proposal = pipeline.stages.find((stage) => stage.name === 'Proposal');

      await t.signIn('sales@acme.example');
      await page.goto(`/t/acme/customerconnect/board?pipeline=${pipeline.id}`);
      await columnList(page, 'Discovery').locator(`li[data-deal-id="${deal.id}"]`).waitFor();
      await t.screen('pipeline board at 390 px');
      await noSidewaysScroll(page, 390);

      // Keyboard: the card's Move to… button and the stage dialog.
      const move = page.getByRole('button', { name: `Move Phone deal ${runId} to…` });
      await move.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `Move Phone deal ${runId}` });
      await t.screen('move to dialog at 390 px');
      await dialog.getByRole('button', { name: 'Move to the top of Proposal' }).press('Enter');
      await columnList(page, 'Proposal').locator(`li[data-deal-id="${deal.id}"]`).waitFor();
      await eventually('the move to Proposal', async () => {
        const now = await api<Deal>(baseUrl, sales, 'GET', `/v1/customerconnect/opportunities/${deal.id}`);
        return now.stageId === proposal?.id ? now : undefined;
      });

      // A refused move puts the card back and says why (the server's 409, faked here).
      t.expectConsoleError(/409/);
      await page.route('**/v1/customerconnect/opportunities/*/stage', (route) =>
        route.fulfill({
          status: 409,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            detail: 'This deal changed meanwhile; reload it.',
            code: 'version_conflict',
          }),
        }),
      );
      await move.click();
      await dialog.getByRole('button', { name: 'Move to the top of Discovery' }).click();
      await page.getByText('This deal changed meanwhile; reload it.').first().waitFor();
      await columnList(page, 'Proposal').locator(`li[data-deal-id="${deal.id}"]`).waitFor();
      await page.unroute('**/v1/customerconnect/opportunities/*/stage');

      // Lost asks why; cancelling leaves the deal open in Proposal.
      await move.click();
      await dialog.getByRole('button', { name: 'Move to the top of Lost' }).click();
      const reason = page.getByRole('dialog', { name: `Phone deal ${runId} lost` });
      await reason.getByLabel('Why we lost (optional)').waitFor();
      await reason.getByRole('button', { name: 'Cancel' }).click();
      await columnList(page, 'Proposal').locator(`li[data-deal-id="${deal.id}"]`).waitFor();
      const after = await api<Deal>(baseUrl, sales, 'GET', `/v1/customerconnect/opportunities/${deal.id}`);
      assert.equal(after.status, 'open');

      await page.goto(`/t/acme/customerconnect/forecast?groupBy=owner&pipelineId=${pipeline.id}`);
      await page.getByRole('heading', { name: 'Forecast', exact: true }).waitFor();
      await page
        .getByText(/Nothing closes in|Forecast in/)
        .first()
        .waitFor();
      await t.screen('forecast at 390 px');
      await noSidewaysScroll(page, 390);

      await page.goto('/t/acme/customerconnect/settings');
      await page.getByRole('table', { name: 'Pipelines' }).getByText(`Flow m${runId}`).waitFor();
      await t.screen('crm settings at 390 px');
      await noSidewaysScroll(page, 390);
    },
  },
  {
    name: "customerconnect settings: an admin edits a pipeline's stages and adds a select custom field",
    viewport: { width: 1280, height: 900 },
    async run(t) {
      const { page, baseUrl, runId } = t;
      const pipeline = await flowPipeline(baseUrl, `s${runId}`);
      await t.signIn('admin@acme.example');
      await page.goto('/t/acme/customerconnect/settings');
      await page.getByRole('button', { name: `Edit Flow s${runId}` }).click();
      const dialog = page.getByRole('dialog', { name: `Edit Flow s${runId}` });
      await dialog.getByLabel('Stage 2 name').fill('Negotiation');
      await dialog.getByRole('button', { name: 'Move Negotiation up' }).click();
      await dialog.getByLabel('Stage 1 probability %').fill('75');
      await t.screen('pipeline editor');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const admin = await apiHeaders(baseUrl, 'admin@acme.example');
      const saved = await api<Pipeline>(
        baseUrl,
        admin,
        'GET',
        `/v1/customerconnect/pipelines/${pipeline.id}`,
      );
      assert.deepEqual(
        saved.stages.map((stage) => `${stage.name} ${stage.probability}`),
        ['Negotiation 75.00', 'Discovery 20.00', 'Won 100.00', 'Lost 0.00'],
      );
      assert.equal(saved.stages[0]?.id, pipeline.stages[1]?.id, 'the renamed stage kept its id');

      await page.getByRole('tab', { name: 'Custom fields' }).click();
      await page.getByLabel('Object').selectOption('opportunity');
      await page.getByRole('button', { name: 'New field' }).click();
      const field = page.getByRole('dialog', { name: 'New field' });
      await field.getByLabel('Label', { exact: true }).fill(`Tier ${runId}`);
      await field.getByLabel('Type').selectOption('select');
      await field.getByLabel('Options, one per line').fill('Gold\nSilver');
      await t.screen('new custom field');
      await field.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('table', { name: 'Custom fields of Deals' }).getByText(`Tier ${runId}`).waitFor();
      await t.screen('custom fields of deals');
    },
  },
];
