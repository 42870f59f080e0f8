import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import type { EventEnvelope } from '@halooid/shared/events/envelope';
import { uuidv7 } from '@halooid/shared/ids';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let admin: Session;
let sales: Session;
let owner: Session;
let tenantId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [admin, sales, owner] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('sales@acme.example'),
    platform.login('owner@acme.example'),
  ]);
  tenantId = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;
});

afterAll(async () => {
  await platform?.stop();
});

/** CustomerConnect's `opportunity.won` as it travels on the bus. */
function wonEvent(deal: {
  id: string;
  name: string;
  ownerId: string | null;
  projectTemplateId: string | null;
}): EventEnvelope {
  return {
    id: uuidv7(),
    source: 'halooid.customerconnect',
    type: 'opportunity.won',
    version: 1,
    tenantId,
    occurredAt: new Date().toISOString(),
    actor: { type: 'user', id: sales.userId },
    data: {
      opportunity: {
        id: deal.id,
        name: deal.name,
        pipelineId: randomUUID(),
        stageId: randomUUID(),
        status: 'won',
        amount: '48000.00',
        currency: 'EUR',
        expectedCloseDate: '2026-12-31',
        ownerId: deal.ownerId,
        companyId: null,
      },
      reason: 'Best fit',
      pipelineName: 'New business',
      projectTemplateId: deal.projectTemplateId,
    },
  };
}

async function deliver(...events: EventEnvelope[]) {
  await platform.events.bus.publish(events);
  await platform.events.bus.idle();
  expect(platform.events.bus.deadLetters()).toEqual([]);
}

const projectsOf = async (opportunityId: string) =>
  (
    await platform.db.query<{
      id: string;
      key: string;
      name: string;
      lead_id: string | null;
      created_by: string;
    }>(
      `select id, key, name, lead_id, created_by from taskodex.projects
        where tenant_id = $1 and origin_product = 'customerconnect' and origin_type = 'opportunity' and origin_id = $2`,
      [tenantId, opportunityId],
    )
  ).rows;

describe('a won deal becomes a Taskodex project', () => {
  it('copies the template’s workflow and open tasks, links back, and happens once per deal', async () => {
    const template = await platform.request('POST', '/v1/taskodex/projects', {
      headers: admin.headers('acme'),
      body: {
        key: 'ONBT',
        name: 'Onboarding template',
        states: [
          { key: 'todo', name: 'Planned', colour: '#64748b', group: 'unstarted' },
          { key: 'in_progress', name: 'Rolling out', colour: '#f59e0b', group: 'started' },
          { key: 'done', name: 'Live', colour: '#22c55e', group: 'completed' },
        ],
      },
    });
    expect(template.status).toBe(201);
    for (const [title, status] of [
      ['Kick-off call', 'todo'],
      ['Configure SSO', 'in_progress'],
      ['Old finished step', 'done'],
    ] as const) {
      const task = await platform.request('POST', '/v1/taskodex/tasks', {
        headers: admin.headers('acme'),
        body: { projectId: template.body.id, title, description: `${title} details`, status },
      });
      expect(task.status).toBe(201);
    }

    const opportunityId = randomUUID();
    const event = wonEvent({
      id: opportunityId,
      name: 'Globex renewal',
      ownerId: sales.userId,
      projectTemplateId: template.body.id,
    });
    await deliver(event);
    await deliver(event);
    // Reopened and won again: a distinct event, still the one project.
    await deliver({ ...event, id: uuidv7() });

    const projects = await projectsOf(opportunityId);
    expect(projects).toHaveLength(1);
    const [project] = projects;
    expect(project).toMatchObject({
      key: 'GLOBEX',
      name: 'Globex renewal',
      lead_id: sales.userId,
      created_by: sales.userId,
    });

    // The deal owner is the project's admin (a Sales Rep's own Taskodex role only reads projects and works tasks).
    const read = await platform.request('GET', `/v1/taskodex/projects/${project?.id}`, {
      headers: admin.headers('acme'),
    });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      origin: { product: 'customerconnect', type: 'opportunity', id: opportunityId },
      leadId: sales.userId,
      createdBy: sales.userId,
    });
    const members = await platform.db.query(
      'select user_id, role from taskodex.project_members where tenant_id = $1 and project_id = $2',
      [tenantId, project?.id],
    );
    expect(members.rows).toEqual([{ user_id: sales.userId, role: 'admin' }]);
    expect(read.body.description).toContain('48000.00 EUR');

    const workflow = await platform.db.query(
      `select key, name from taskodex.workflow_states where tenant_id = $1 and project_id = $2 order by position`,
      [tenantId, project?.id],
    );
    expect(workflow.rows).toEqual([
      { key: 'todo', name: 'Planned' },
      { key: 'in_progress', name: 'Rolling out' },
      { key: 'done', name: 'Live' },
    ]);
    const tasks = await platform.db.query(
      `select title, description, status, sequence, created_by from taskodex.tasks
        where tenant_id = $1 and project_id = $2 order by sequence`,
      [tenantId, project?.id],
    );
    expect(tasks.rows).toEqual([
      {
        title: 'Kick-off call',
        description: 'Kick-off call details',
        status: 'todo',
        sequence: 1,
        created_by: sales.userId,
      },
      {
        title: 'Configure SSO',
        description: 'Configure SSO details',
        status: 'in_progress',
        sequence: 2,
        created_by: sales.userId,
      },
    ]);

    const created = await platform.db.query(
      `select count(*)::int as n from platform.outbox
        where tenant_id = $1 and type = 'project.created' and envelope -> 'data' -> 'project' ->> 'id' = $2`,
      [tenantId, project?.id],
    );
    expect(created.rows[0].n).toBe(1);

    const listed = await platform.request(
      'GET',
      `/v1/taskodex/deal-projects?opportunityId=${opportunityId}`,
      {
        headers: admin.headers('acme'),
      },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        opportunityId,
        projectId: project?.id,
        key: 'GLOBEX',
        name: 'Globex renewal',
      }),
    ]);

    // Another deal of the same name gets the next free key.
    const second = randomUUID();
    await deliver(
      wonEvent({ id: second, name: 'Globex renewal', ownerId: sales.userId, projectTemplateId: null }),
    );
    expect((await projectsOf(second))[0]?.key).toBe('GLOBEX2');
  });

  it('makes a plain project run by the tenant owner when the template is gone and the owner is no member', async () => {
    const opportunityId = randomUUID();
    await deliver(
      wonEvent({
        id: opportunityId,
        name: '2027 — ☃',
        ownerId: randomUUID(),
        projectTemplateId: randomUUID(),
      }),
    );
    const [project] = await projectsOf(opportunityId);
    expect(project).toMatchObject({ lead_id: null, created_by: owner.userId });
    expect(project?.key).toMatch(/^D[0-9A-F]{9}$/);
    const workflow = await platform.db.query(
      `select key from taskodex.workflow_states where tenant_id = $1 and project_id = $2 order by position`,
      [tenantId, project?.id],
    );
    expect(workflow.rows.map((row) => row.key)).toEqual([
      'backlog',
      'todo',
      'in_progress',
      'in_review',
      'done',
      'cancelled',
    ]);
    const tasks = await platform.db.query(
      'select 1 from taskodex.tasks where tenant_id = $1 and project_id = $2',
      [tenantId, project?.id],
    );
    expect(tasks.rowCount).toBe(0);
  });
});
