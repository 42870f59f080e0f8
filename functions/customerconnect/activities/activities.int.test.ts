import { randomUUID } from 'node:crypto';
import { statusWithin } from '@halooid/local/testing/eventually';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let admin: Session;
let viewer: Session;
let sofia: Session;
let ravi: Session;
let globexOwner: Session;
let acme: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, admin, viewer, sofia, ravi, globexOwner] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('admin@acme.example'),
    platform.login('viewer@acme.example'),
    platform.login('sales@acme.example'),
    platform.login('rep@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  acme = member.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;
});

afterAll(async () => {
  await platform?.stop();
});

/* Records are arranged in SQL: this suite is about activities and timelines, not the record APIs. */
async function company(name: string, ownerId: string | null = null): Promise<string> {
  const id = randomUUID();
  await platform.db.query(
    'insert into customerconnect.companies (tenant_id, id, name, owner_id) values ($1, $2, $3, $4)',
    [acme, id, name, ownerId],
  );
  return id;
}

async function lead(lastName: string, ownerId: string | null = null): Promise<string> {
  const id = randomUUID();
  await platform.db.query(
    'insert into customerconnect.leads (tenant_id, id, last_name, owner_id) values ($1, $2, $3, $4)',
    [acme, id, lastName, ownerId],
  );
  return id;
}

async function opportunityWithStages(): Promise<{ id: string; stages: string[] }> {
  const pipeline = randomUUID();
  const stages = [randomUUID(), randomUUID(), randomUUID()];
  await platform.db.query(`insert into customerconnect.pipelines (tenant_id, id, name) values ($1, $2, $3)`, [
    acme,
    pipeline,
    `Pipeline ${pipeline.slice(0, 8)}`,
  ]);
  for (const [position, stage] of stages.entries())
    await platform.db.query(
      `insert into customerconnect.stages (tenant_id, id, pipeline_id, name, position, probability)
       values ($1, $2, $3, $4, $5, $6)`,
      [acme, stage, pipeline, ['Qualify', 'Propose', 'Negotiate'][position], position, position * 30],
    );
  const id = randomUUID();
  await platform.db.query(
    `insert into customerconnect.opportunities (tenant_id, id, name, pipeline_id, stage_id, owner_id)
     values ($1, $2, 'Timeline deal', $3, $4, $5)`,
    [acme, id, pipeline, stages[2], member.userId],
  );
  return { id, stages };
}

async function setVisibility(mode: 'all' | 'own') {
  await platform.db.query(
    `insert into customerconnect.settings (tenant_id, company_visibility, contact_visibility, lead_visibility, opportunity_visibility)
     values ($1, $2, $2, $2, $2)
     on conflict (tenant_id) do update set company_visibility = $2, contact_visibility = $2,
       lead_visibility = $2, opportunity_visibility = $2`,
    [acme, mode],
  );
}

const log = (as: Session, body: Record<string, unknown>, tenant = 'acme') =>
  platform.request('POST', '/v1/customerconnect/activities', { headers: as.headers(tenant), body });

const timeline = (as: Session, type: string, id: string, query = '') =>
  platform.request('GET', `/v1/customerconnect/timelines/${type}/${id}${query}`, {
    headers: as.headers('acme'),
  });

describe('activities', () => {
  it('logs a call on a company: stored with its links, audited, activity.created in the outbox', async () => {
    const acmeCorp = await company('Call target Ltd');

    const created = await log(member, {
      type: 'call',
      subject: 'Discovery call',
      body: 'Talked budgets.',
      occurredAt: '2026-11-03T10:00:00+01:00',
      durationMinutes: 25,
      outcome: 'connected',
      links: [{ recordType: 'company', recordId: acmeCorp }],
    });

    expect(created.status, created.text).toBe(201);
    expect(created.headers.get('location')).toBe(`/v1/customerconnect/activities/${created.body.id}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.body).toMatchObject({
      type: 'call',
      subject: 'Discovery call',
      occurredAt: '2026-11-03T09:00:00.000Z',
      durationMinutes: 25,
      outcome: 'connected',
      done: false,
      createdBy: member.userId,
      links: [{ recordType: 'company', recordId: acmeCorp }],
      mentions: [],
      version: 1,
    });
    const read = await platform.request('GET', `/v1/customerconnect/activities/${created.body.id}`, {
      headers: viewer.headers('acme'),
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const { rows: audit } = await platform.db.query(
      `select action, actor_id from platform.audit_log where target_id = $1`,
      [created.body.id],
    );
    expect(audit).toEqual([{ action: 'activity.created', actor_id: member.userId }]);
    const { rows: events } = await platform.db.query(
      `select envelope->'data' as data from platform.outbox where type = 'activity.created' and envelope->'data'->'activity'->>'id' = $1`,
      [created.body.id],
    );
    expect(events).toEqual([
      {
        data: {
          activity: {
            id: created.body.id,
            type: 'call',
            subject: 'Discovery call',
            links: [{ recordType: 'company', recordId: acmeCorp }],
          },
          authorId: member.userId,
          mentionedUserIds: [],
        },
      },
    ]);
  });

  it('notifies a mentioned member with a link to the record, and refuses someone outside the tenant (422)', async () => {
    const target = await company('Mention target Inc');

    const created = await log(member, {
      type: 'note',
      subject: 'Pricing question',
      body: `@[The boss](${admin.userId}) can you approve the discount?`,
      links: [{ recordType: 'company', recordId: target }],
    });
    const outsider = await log(member, {
      type: 'note',
      body: `hi @[Gil](${globexOwner.userId})`,
      links: [{ recordType: 'company', recordId: target }],
    });

    expect(created.status, created.text).toBe(201);
    expect(created.body.mentionedUserIds).toEqual([admin.userId]);
    expect(created.body.body).toBe(`@[Adam Admin](${admin.userId}) can you approve the discount?`);
    expect(created.body.mentions).toEqual([{ userId: admin.userId, name: 'Adam Admin' }]);
    expect(outsider.status).toBe(422);
    expect(outsider.body.code).toBe('mention_not_allowed');
    const notice = async () => {
      const response = await platform.request('GET', '/v1/notifications', { headers: admin.headers('acme') });
      const found = response.body.items?.find(
        (item: { type: string; resource: { id: string } | null }) =>
          item.type === 'customerconnect.activity.created' && item.resource?.id === target,
      );
      return { status: found ? 200 : 404, found };
    };
    expect(await statusWithin(10_000, notice, 200)).toBe(200);
    expect((await notice()).found).toMatchObject({
      title: 'You were mentioned in a note',
      body: 'Pricing question',
      actorId: member.userId,
      resource: { type: 'customerconnect.company', id: target },
    });
    const { rows } = await platform.db.query(
      `select user_id from platform.notifications where resource_id = $1`,
      [target],
    );
    expect(rows).toEqual([{ user_id: admin.userId }]);
  });

  it('lets only the author (or a record admin) change or delete, with optimistic concurrency', async () => {
    const target = await company('Edit target');
    const created = await log(member, {
      type: 'task',
      subject: 'Send proposal',
      occurredAt: '2026-12-01T09:00:00Z',
      assigneeId: member.userId,
      links: [{ recordType: 'company', recordId: target }],
    });
    const path = `/v1/customerconnect/activities/${created.body.id}`;

    const bySofia = await platform.request('PATCH', path, {
      headers: sofia.headers('acme'),
      body: { version: 1, done: true },
    });
    const done = await platform.request('PATCH', path, {
      headers: { ...member.headers('acme'), 'If-Match': '"1"' },
      body: { done: true },
    });
    const stale = await platform.request('PATCH', path, {
      headers: member.headers('acme'),
      body: { version: 1, subject: 'Too late' },
    });
    const byAdmin = await platform.request('PATCH', path, {
      headers: admin.headers('acme'),
      body: { version: 2, subject: 'Send the proposal' },
    });
    const myTasks = await platform.request(
      'GET',
      '/v1/customerconnect/activities?assigneeId=me&type=task&done=true',
      {
        headers: member.headers('acme'),
      },
    );
    const deleteBySofia = await platform.request('DELETE', path, { headers: sofia.headers('acme') });
    const deleted = await platform.request('DELETE', path, { headers: member.headers('acme') });
    const gone = await platform.request('GET', path, { headers: member.headers('acme') });

    expect(bySofia.status).toBe(403);
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ done: true, version: 2 });
    expect(stale.status).toBe(409);
    expect(byAdmin.status, byAdmin.text).toBe(200);
    expect(byAdmin.body).toMatchObject({
      subject: 'Send the proposal',
      version: 3,
      createdBy: member.userId,
    });
    expect(myTasks.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
    expect(deleteBySofia.status).toBe(403);
    expect(deleted.status).toBe(204);
    expect(gone.status).toBe(404);
    const { rows } = await platform.db.query(
      `select action from platform.audit_log where target_id = $1 order by occurred_at, id`,
      [created.body.id],
    );
    expect(rows.map((row: { action: string }) => row.action)).toEqual([
      'activity.created',
      'activity.updated',
      'activity.updated',
      'activity.deleted',
    ]);
  });

  it('keeps the mentions an edit does not touch, even of someone who has left since', async () => {
    const target = await company('Departed mention');
    const created = await log(member, {
      type: 'note',
      body: `Ask @[Vera](${viewer.userId})`,
      links: [{ recordType: 'company', recordId: target }],
    });
    await platform.db.query(
      `update platform.memberships set status = 'suspended' where tenant_id = $1 and user_id = $2`,
      [acme, viewer.userId],
    );
    try {
      const path = `/v1/customerconnect/activities/${created.body.id}`;
      const subject = await platform.request('PATCH', path, {
        headers: member.headers('acme'),
        body: { version: 1, subject: 'Still fine' },
      });
      const remention = await platform.request('PATCH', path, {
        headers: member.headers('acme'),
        body: { version: 2, body: `Ask @[Vera](${viewer.userId}) and @[Vera again](${viewer.userId})` },
      });
      const relinked = await platform.request('PATCH', path, {
        headers: member.headers('acme'),
        body: { version: 3, links: [{ recordType: 'company', recordId: target }] },
      });

      expect(created.status, created.text).toBe(201);
      expect(subject.status, subject.text).toBe(200);
      expect(subject.body.mentionedUserIds).toEqual([viewer.userId]);
      expect(remention.status).toBe(200);
      // New links are checked against everyone mentioned: a suspended member no longer qualifies.
      expect(relinked.status).toBe(422);
    } finally {
      await platform.db.query(
        `update platform.memberships set status = 'active' where tenant_id = $1 and user_id = $2`,
        [acme, viewer.userId],
      );
    }
  });

  it("rescores a lead from its activities (the tenant's activity scoring rule)", async () => {
    const prospect = await lead('Scored');
    await platform.db.query(
      `insert into customerconnect.lead_scoring_rules (tenant_id, id, kind, activity_type, points)
       values ($1, $2, 'activity', 'meeting', 15)`,
      [acme, randomUUID()],
    );

    const meeting = await log(member, {
      type: 'meeting',
      links: [{ recordType: 'lead', recordId: prospect }],
    });
    const { rows: after } = await platform.db.query('select score from customerconnect.leads where id = $1', [
      prospect,
    ]);
    await platform.request('DELETE', `/v1/customerconnect/activities/${meeting.body.id}`, {
      headers: member.headers('acme'),
    });
    const { rows: afterDelete } = await platform.db.query(
      'select score from customerconnect.leads where id = $1',
      [prospect],
    );
    await platform.db.query(`delete from customerconnect.lead_scoring_rules where tenant_id = $1`, [acme]);

    expect(meeting.status, meeting.text).toBe(201);
    expect(after).toEqual([{ score: 15 }]);
    expect(afterDelete).toEqual([{ score: 0 }]);
  });

  it('links a merged-away company to its survivor, and its timeline is the survivor’s', async () => {
    const survivor = await company('Survivor Co');
    const loser = await company('Loser Co');
    await platform.db.query('update customerconnect.companies set merged_into = $2 where id = $1', [
      loser,
      survivor,
    ]);

    const created = await log(member, {
      type: 'note',
      body: 'Old id',
      links: [{ recordType: 'company', recordId: loser }],
    });
    const shown = await timeline(member, 'company', loser);

    expect(created.status, created.text).toBe(201);
    expect(created.body.links).toEqual([{ recordType: 'company', recordId: survivor }]);
    expect(shown.status).toBe(200);
    expect(shown.body.recordId).toBe(survivor);
    expect(shown.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
  });

  it('answers 400 for bad input, 403 to a viewer logging, 404 for an unknown record', async () => {
    const target = await company('Validation target');
    const link = [{ recordType: 'company', recordId: target }];

    const noLinks = await log(member, { type: 'note', links: [] });
    const tooMany = await log(member, {
      type: 'note',
      links: Array.from({ length: 11 }, () => ({ recordType: 'company', recordId: target })),
    });
    const badType = await log(member, { type: 'fax', links: link });
    const unknownField = await log(member, { type: 'note', links: link, priority: 'high' });
    const longDuration = await log(member, { type: 'call', durationMinutes: 2000, links: link });
    const unknownRecord = await log(member, {
      type: 'note',
      links: [{ recordType: 'lead', recordId: randomUUID() }],
    });
    const byViewer = await log(viewer, { type: 'note', links: link });
    const halfFilter = await platform.request('GET', `/v1/customerconnect/activities?recordId=${target}`, {
      headers: member.headers('acme'),
    });
    const badRange = await platform.request(
      'GET',
      '/v1/customerconnect/activities?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z',
      { headers: member.headers('acme') },
    );
    const badTimelineType = await timeline(member, 'invoice', target);
    const badTypes = await timeline(member, 'company', target, '?types=call,gossip');
    const badCursor = await timeline(member, 'company', target, '?cursor=nonsense');
    const emptyPatch = await platform.request('PATCH', `/v1/customerconnect/activities/${randomUUID()}`, {
      headers: member.headers('acme'),
      body: { version: 1 },
    });
    const noVersion = await platform.request('PATCH', `/v1/customerconnect/activities/${randomUUID()}`, {
      headers: member.headers('acme'),
      body: { done: true },
    });

    expect(noLinks.status).toBe(400);
    expect(noLinks.body.errors[0].field).toBe('body.links');
    expect(tooMany.status).toBe(400);
    expect(badType.status).toBe(400);
    expect(unknownField.status).toBe(400);
    expect(longDuration.status).toBe(400);
    expect(unknownRecord.status).toBe(404);
    expect(byViewer.status).toBe(403);
    expect(halfFilter.status).toBe(400);
    expect(badRange.status).toBe(400);
    expect(badTimelineType.status).toBe(400);
    expect(badTypes.status).toBe(400);
    expect(badCursor.status).toBe(400);
    expect(noVersion.status).toBe(400);
    expect(emptyPatch.status).toBe(400);
  });

  it("keeps activities inside their tenant: Globex gets 404 for Acme's activity", async () => {
    const target = await company('Tenant target');
    const created = await log(member, { type: 'note', links: [{ recordType: 'company', recordId: target }] });

    const read = await platform.request('GET', `/v1/customerconnect/activities/${created.body.id}`, {
      headers: globexOwner.headers('globex'),
    });

    expect(read.status).toBe(404);
  });
});

describe('the timeline', () => {
  it('merges activities, field changes and stage moves newest first, a page at a time', async () => {
    const deal = await opportunityWithStages();
    const [qualify, propose, negotiate] = deal.stages;
    const change = (kind: string, at: string, changes: unknown[]) =>
      platform.db.query(
        `insert into customerconnect.record_changes (tenant_id, id, record_type, record_id, kind, changes, changed_by, changed_at)
         values ($1, $2, 'opportunity', $3, $4, $5::jsonb, $6, $7)`,
        [acme, randomUUID(), deal.id, kind, JSON.stringify(changes), member.userId, at],
      );
    const move = (from: string | null, to: string | undefined, at: string, seconds: number | null) =>
      platform.db.query(
        `insert into customerconnect.stage_history (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at, seconds_in_from_stage)
         values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [acme, randomUUID(), deal.id, from, to, member.userId, at, seconds],
      );
    await change('created', '2026-10-01T09:00:00Z', []);
    await move(qualify ?? null, propose, '2026-10-03T09:00:00Z', 172_800);
    await change('updated', '2026-10-04T09:00:00Z', [{ field: 'amount', from: '100.00', to: '250.00' }]);
    await move(propose ?? null, negotiate, '2026-10-06T09:00:00Z', 259_200);
    const call = await log(member, {
      type: 'call',
      subject: 'Negotiation call',
      occurredAt: '2026-10-07T09:00:00Z',
      links: [{ recordType: 'opportunity', recordId: deal.id }],
    });
    const note = await log(member, {
      type: 'note',
      body: 'Legal is reviewing',
      occurredAt: '2026-10-02T09:00:00Z',
      links: [{ recordType: 'opportunity', recordId: deal.id }],
    });

    const first = await timeline(member, 'opportunity', deal.id, '?limit=4');
    const second = await timeline(member, 'opportunity', deal.id, `?limit=4&cursor=${first.body.nextCursor}`);
    const onlyStages = await timeline(member, 'opportunity', deal.id, '?types=stage,call');

    expect(call.status).toBe(201);
    expect(first.status, first.text).toBe(200);
    expect(first.body.recordId).toBe(deal.id);
    const summary = (items: { kind: string; at: string }[]) =>
      items.map((item) => `${item.kind}@${item.at.slice(5, 10)}`);
    expect(summary(first.body.items)).toEqual([
      'activity@10-07',
      'stage@10-06',
      'change@10-04',
      'stage@10-03',
    ]);
    expect(second.status).toBe(200);
    expect(summary(second.body.items)).toEqual(['activity@10-02', 'change@10-01']);
    expect(second.body.nextCursor).toBeNull();
    expect(first.body.items[0].activity).toMatchObject({ id: call.body.id, subject: 'Negotiation call' });
    expect(first.body.items[1].stage).toEqual({
      fromStageId: propose,
      fromStageName: 'Propose',
      toStageId: negotiate,
      toStageName: 'Negotiate',
      secondsInFromStage: 259_200,
      changedBy: member.userId,
    });
    expect(first.body.items[2].change).toEqual({
      kind: 'updated',
      changes: [{ field: 'amount', from: '100.00', to: '250.00' }],
      changedBy: member.userId,
    });
    expect(second.body.items[0].activity.id).toBe(note.body.id);
    expect(summary(onlyStages.body.items)).toEqual(['activity@10-07', 'stage@10-06', 'stage@10-03']);
  });

  it("shows a company's contacts' activities on the company's timeline, each once", async () => {
    const account = await company('Contact timeline Co');
    const other = await company('Unrelated Co');
    const contact = async (companyId: string) => {
      const id = randomUUID();
      await platform.db.query(
        'insert into customerconnect.contacts (tenant_id, id, last_name, company_id) values ($1, $2, $3, $4)',
        [acme, id, 'Employee', companyId],
      );
      return id;
    };
    const [employee, outsider] = [await contact(account), await contact(other)];
    const onContact = await log(member, {
      type: 'call',
      links: [{ recordType: 'contact', recordId: employee }],
    });
    const onBoth = await log(member, {
      type: 'meeting',
      links: [
        { recordType: 'company', recordId: account },
        { recordType: 'contact', recordId: employee },
      ],
    });
    const elsewhere = await log(member, {
      type: 'note',
      links: [{ recordType: 'contact', recordId: outsider }],
    });

    const shown = await timeline(member, 'company', account);

    expect(elsewhere.status).toBe(201);
    expect(shown.status).toBe(200);
    expect(shown.body.items.map((item: { id: string }) => item.id).sort()).toEqual(
      [onContact.body.id, onBoth.body.id].sort(),
    );
  });

  it("under visibility `own` a rep sees their records' timelines and activities only (404 for another rep's)", async () => {
    const sofiasCompany = await company('Sofia account', sofia.userId);
    const ravisCompany = await company('Ravi account', ravi.userId);
    const sofiasContactAtRavis = randomUUID();
    await platform.db.query(
      'insert into customerconnect.contacts (tenant_id, id, last_name, company_id, owner_id) values ($1, $2, $3, $4, $5)',
      [acme, sofiasContactAtRavis, 'Sofia-owned', ravisCompany, sofia.userId],
    );
    await setVisibility('own');
    try {
      // Sofia's note on her contact at Ravi's company stays off Ravi's company timeline.
      const sofiasContactNote = await log(sofia, {
        type: 'note',
        links: [{ recordType: 'contact', recordId: sofiasContactAtRavis }],
      });
      expect(sofiasContactNote.status).toBe(201);
      const sofiasNote = await log(sofia, {
        type: 'note',
        body: 'Sofia only',
        links: [{ recordType: 'company', recordId: sofiasCompany }],
      });
      const ravisNote = await log(ravi, {
        type: 'note',
        body: 'Ravi only',
        links: [{ recordType: 'company', recordId: ravisCompany }],
      });
      const raviOnSofias = await log(ravi, {
        type: 'note',
        links: [{ recordType: 'company', recordId: sofiasCompany }],
      });
      const sofiaMentionsRavi = await log(sofia, {
        type: 'note',
        body: `@[Ravi](${ravi.userId}) look`,
        links: [{ recordType: 'company', recordId: sofiasCompany }],
      });
      const foreignTimeline = await timeline(ravi, 'company', sofiasCompany);
      const ownTimeline = await timeline(ravi, 'company', ravisCompany);
      const foreignActivity = await platform.request(
        'GET',
        `/v1/customerconnect/activities/${sofiasNote.body.id}`,
        {
          headers: ravi.headers('acme'),
        },
      );
      const foreignList = await platform.request(
        'GET',
        `/v1/customerconnect/activities?recordType=company&recordId=${sofiasCompany}`,
        { headers: ravi.headers('acme') },
      );
      const ravisList = await platform.request('GET', '/v1/customerconnect/activities?limit=100', {
        headers: ravi.headers('acme'),
      });
      const adminTimeline = await timeline(admin, 'company', sofiasCompany);

      expect(sofiasNote.status, sofiasNote.text).toBe(201);
      expect(ravisNote.status).toBe(201);
      expect(raviOnSofias.status).toBe(404);
      expect(sofiaMentionsRavi.status).toBe(422);
      expect(foreignTimeline.status).toBe(404);
      expect(ownTimeline.status).toBe(200);
      expect(ownTimeline.body.items.map((item: { id: string }) => item.id)).toEqual([ravisNote.body.id]);
      expect(foreignActivity.status).toBe(404);
      expect(foreignList.status).toBe(404);
      const listed = ravisList.body.items.map((item: { id: string }) => item.id);
      expect(listed).toContain(ravisNote.body.id);
      expect(listed).not.toContain(sofiasNote.body.id);
      expect(adminTimeline.status).toBe(200);
      expect(adminTimeline.body.items.map((item: { id: string }) => item.id)).toEqual([sofiasNote.body.id]);
    } finally {
      await setVisibility('all');
    }
  });
});
