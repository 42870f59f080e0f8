import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import {
  type ReceivedRequest,
  startWebhookReceiver,
  type WebhookReceiver,
} from '@halooid/local/testing/webhook-receiver';
import { defineConsumer } from '@halooid/shared/events/consumer';
import { PUBLISH_INLINE_LIMIT, withTenantEvents } from '@halooid/shared/events/outbox';
import { type EventPublisher, setPublisher } from '@halooid/shared/events/publisher';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_CATALOGS } from '../../registry';
import { taskodexEvents } from '../../taskodex/events';
import { verifySignature } from '../webhooks/signature';

let platform: TestPlatform;
let owner: Session;
let member: Session;
let memberId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [owner, member] = await Promise.all([
    platform.login('owner@acme.example'),
    platform.login('member@acme.example'),
  ]);
  const { rows } = await platform.db.query(
    `select id from platform.users where email = 'member@acme.example'`,
  );
  memberId = rows[0].id;
});

afterAll(async () => {
  await platform?.stop();
});

const acmeId = () => owner.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;

/** How long a poll waits for an asynchronous delivery: generous, as a poll returns as soon as it sees it. */
const DELIVERY_MS = 15_000;

async function waitFor<T>(ms: number, probe: () => Promise<T | undefined>): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const createTask = (body: Record<string, unknown>) =>
  platform.request('POST', '/v1/taskodex/tasks', { headers: owner.headers('acme'), body });

const notificationsFor = async (taskId: string) => {
  const response = await platform.request('GET', '/v1/notifications?unread=true', {
    headers: member.headers('acme'),
  });
  expect(response.status).toBe(200);
  return (response.body.items as { id: string; resource: { id: string } | null }[]).filter(
    (item) => item.resource?.id === taskId,
  );
};

describe('notifications from task events', () => {
  // Delivery is normally well under 2 s, but a hard latency bound fails on a
  // loaded CI machine; the poll below still proves the notification arrives.
  it('assigning a task to member@acme.example notifies them', async () => {
    const task = await createTask({ title: 'Write the events docs' });
    const patched = await platform.request('PATCH', `/v1/taskodex/tasks/${task.body.id}`, {
      headers: owner.headers('acme'),
      body: { version: 1, assigneeId: memberId },
    });
    expect(patched.status).toBe(200);

    const found = await waitFor(DELIVERY_MS, async () => {
      const items = await notificationsFor(task.body.id);
      return items.length > 0 ? items : undefined;
    });
    expect(found).toEqual([
      expect.objectContaining({
        type: 'taskodex.task.assigned',
        title: 'You were assigned "Write the events docs"',
        read: false,
      }),
    ]);

    const { rows } = await platform.db.query(
      `select type, published_at is not null as published from platform.outbox where envelope->'data'->>'taskId' = $1 or envelope->'data'->'task'->>'id' = $1 order by created_at, id`,
      [task.body.id],
    );
    expect(rows.map((row: { type: string }) => row.type)).toEqual([
      'task.created',
      'task.updated',
      'task.assigned',
    ]);
  });

  it('marks notifications read, one or all, and mutes types by preference', async () => {
    const task = await createTask({ title: 'Read me', assigneeId: memberId });
    const [notification] = (await waitFor(DELIVERY_MS, async () => {
      const items = await notificationsFor(task.body.id);
      return items.length > 0 ? items : undefined;
    })) as { id: string }[];
    const read = await platform.request('POST', `/v1/notifications/${notification?.id}/read`, {
      headers: member.headers('acme'),
    });
    expect(read.status).toBe(200);
    expect(read.body.read).toBe(true);
    expect(await notificationsFor(task.body.id)).toEqual([]);
    const all = await platform.request('POST', '/v1/notifications/read-all', {
      headers: member.headers('acme'),
    });
    expect(all.status).toBe(200);

    const muted = await platform.request('PUT', '/v1/notifications/preferences', {
      headers: member.headers('acme'),
      body: { mutedTypes: ['taskodex.task.assigned'] },
    });
    expect(muted.body).toEqual({ mutedTypes: ['taskodex.task.assigned'] });
    const unknown = await platform.request('PUT', '/v1/notifications/preferences', {
      headers: member.headers('acme'),
      body: { mutedTypes: ['taskodex.nothing.here'] },
    });
    expect(unknown.status).toBe(400);
    const quiet = await createTask({ title: 'Muted', assigneeId: memberId });
    await platform.events.bus.idle();
    expect(await notificationsFor(quiet.body.id)).toEqual([]);
    await platform.request('PUT', '/v1/notifications/preferences', {
      headers: member.headers('acme'),
      body: { mutedTypes: [] },
    });
  });

  it('refuses a notifications call without a tenant', async () => {
    const response = await platform.request('GET', '/v1/notifications', {
      headers: { authorization: `Bearer ${member.accessToken}` },
    });
    expect(response.status).toBe(400);
  });
});

describe('no loss, no double effect', () => {
  it('publishing killed between commit and PutEvents: the relay delivers the event', async () => {
    const broken: EventPublisher = {
      publish: async () => {
        throw new Error('process killed before PutEvents');
      },
    };
    setPublisher(broken);
    let taskId: string;
    try {
      const task = await createTask({ title: 'Survives a crash', assigneeId: memberId });
      expect(task.status).toBe(201);
      taskId = task.body.id;
      const { rows } = await platform.db.query(
        `select published_at from platform.outbox where type = 'task.assigned' and envelope->'data'->>'taskId' = $1`,
        [taskId],
      );
      expect(rows).toEqual([{ published_at: null }]);
    } finally {
      setPublisher(platform.events.bus);
    }
    const found = await waitFor(DELIVERY_MS, async () => {
      const items = await notificationsFor(taskId);
      return items.length > 0 ? items : undefined;
    });
    expect(found).toHaveLength(1);
    const { rows } = await platform.db.query(
      `select published_at is not null as published from platform.outbox where type = 'task.assigned' and envelope->'data'->>'taskId' = $1`,
      [taskId],
    );
    expect(rows).toEqual([{ published: true }]);
  });

  it('the same event delivered twice makes one notification', async () => {
    const task = await createTask({ title: 'Delivered twice', assigneeId: memberId });
    await waitFor(DELIVERY_MS, async () =>
      (await notificationsFor(task.body.id)).length > 0 ? true : undefined,
    );
    const { rows } = await platform.db.query(
      `select envelope from platform.outbox where type = 'task.assigned' and envelope->'data'->>'taskId' = $1`,
      [task.body.id],
    );
    await platform.events.bus.publish([rows[0].envelope, rows[0].envelope]);
    await platform.events.bus.idle();
    expect(await notificationsFor(task.body.id)).toHaveLength(1);
    const inbox = await platform.db.query(
      `select consumer from platform.inbox where event_id = $1 order by consumer`,
      [rows[0].envelope.id],
    );
    expect(inbox.rows.map((row: { consumer: string }) => row.consumer)).toEqual([
      'platform-notifications.notify-task-assignee',
      'platform-webhooks.fan-out-webhooks',
    ]);
  });

  it('a handler that throws is retried, dead-lettered, then redriven successfully', async () => {
    let failing = true;
    let attempts = 0;
    const consumer = defineConsumer({
      service: { product: 'test', capability: 'flaky' },
      subscription: 'flaky',
      catalogs: EVENT_CATALOGS,
      async handle(_event, { tx }) {
        attempts++;
        if (failing) throw new Error('downstream unavailable');
        await tx.query('select 1');
      },
    });
    const remove = platform.events.bus.addRule({
      name: 'test-flaky.flaky',
      pattern: { source: ['halooid.taskodex'], 'detail-type': ['task.deleted'] },
      target: (event) => consumer.consume(event),
    });
    try {
      const task = await createTask({ title: 'Delete me' });
      expect(
        (
          await platform.request('DELETE', `/v1/taskodex/tasks/${task.body.id}`, {
            headers: owner.headers('acme'),
          })
        ).status,
      ).toBe(204);
      await platform.events.bus.idle();
      expect(attempts).toBe(3);
      const dlq = await platform.request('GET', '/dev/dlq');
      const letter = dlq.body.items.find(
        (item: { rule: string; event: { data: { taskId: string } } }) =>
          item.rule === 'test-flaky.flaky' && item.event.data.taskId === task.body.id,
      );
      expect(letter).toMatchObject({ attempts: 3, error: 'downstream unavailable' });

      failing = false;
      const redriven = await platform.request('POST', `/dev/dlq/${letter.id}/redrive`);
      expect(redriven.status).toBe(202);
      await platform.events.bus.idle();
      expect(attempts).toBe(4);
      const after = await platform.request('GET', '/dev/dlq');
      expect(after.body.items.some((item: { id: string }) => item.id === letter.id)).toBe(false);
      const events = await platform.request('GET', '/dev/events?type=task.deleted');
      const seen = events.body.items.find(
        (item: { event: { id: string } }) => item.event.id === letter.event.id,
      );
      expect(seen.deliveries).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: 'test-flaky.flaky', status: 'delivered', attempts: 1 }),
        ]),
      );
      const inbox = await platform.db.query(
        'select 1 from platform.inbox where event_id = $1 and consumer = $2',
        [letter.event.id, 'test-flaky.flaky'],
      );
      expect(inbox.rows).toHaveLength(1);
    } finally {
      remove();
    }
  });

  it('a change that records more than PUBLISH_INLINE_LIMIT events leaves them to the relay, which publishes them all', async () => {
    // Arrange: a template task, and a publisher that counts what the request itself sends.
    const task = (await createTask({ title: 'Bulk template' })).body;
    const sentInline: string[] = [];
    const counting: EventPublisher = {
      publish: async (events) => {
        sentInline.push(...events.map((event) => event.id));
        return platform.events.bus.publish(events);
      },
    };
    setPublisher(counting);
    const ids: string[] = [];
    try {
      // Act
      await withTenantEvents(
        { tenantId: acmeId(), actor: { type: 'system', id: 'test' } },
        async (_tx, events) => {
          for (let n = 0; n <= PUBLISH_INLINE_LIMIT; n += 1)
            ids.push((await events.record(taskodexEvents, 'task.created', { task })).id);
        },
      );
      // Assert: nothing went out with the request; every row waits in the outbox.
      expect(ids.some((id) => sentInline.includes(id))).toBe(false);
    } finally {
      setPublisher(platform.events.bus);
    }
    const published = await waitFor(DELIVERY_MS, async () => {
      const { rows } = await platform.db.query(
        'select count(*)::int as n from platform.outbox where id = any($1::uuid[]) and published_at is not null',
        [ids],
      );
      return rows[0].n === ids.length ? rows[0].n : undefined;
    });
    expect(published).toBe(PUBLISH_INLINE_LIMIT + 1);
  });

  it('a change that rolls back publishes nothing', async () => {
    const before = platform.events.bus.recent().length;
    let eventId = '';
    // Made first: never wait on another request while holding a transaction (PGlite is one backend).
    const task = (await createTask({ title: 'Template' })).body;
    await expect(
      withTenantEvents({ tenantId: acmeId(), actor: { type: 'system', id: 'test' } }, async (tx, events) => {
        await tx.query(`update taskodex.tasks set title = 'Changed' where id = $1`, [task.id]);
        eventId = (await events.record(taskodexEvents, 'task.created', { task })).id;
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(eventId).not.toBe('');
    await new Promise((resolve) => setTimeout(resolve, 600)); // two relay periods
    const { rows } = await platform.db.query('select 1 from platform.outbox where id = $1', [eventId]);
    expect(rows).toEqual([]);
    const title = await platform.db.query('select title from taskodex.tasks where id = $1', [task.id]);
    expect(title.rows).toEqual([{ title: 'Template' }]);
    expect(
      platform.events.bus
        .recent()
        .slice(0, platform.events.bus.recent().length - before)
        .some((item) => item.event.id === eventId),
    ).toBe(false);
  });

  it('publishing an event that is not in the catalog, or with bad data, is an error', async () => {
    await expect(
      withTenantEvents({ tenantId: acmeId(), actor: { type: 'system', id: 'test' } }, (_tx, events) =>
        events.record(taskodexEvents, 'task.deleted', { taskId: 'not-a-uuid', title: 'x' }),
      ),
    ).rejects.toThrow(/does not match its schema/);
    await expect(
      withTenantEvents({ tenantId: acmeId(), actor: { type: 'system', id: 'test' } }, (_tx, events) =>
        events.record(taskodexEvents, 'task.exploded' as never, {} as never),
      ),
    ).rejects.toThrow(/No event/);
  });
});

describe('webhooks', () => {
  let receiver: WebhookReceiver;
  let url: string;
  let received: ReceivedRequest[];
  let failuresLeft = 0;

  beforeAll(async () => {
    receiver = await startWebhookReceiver(() => {
      if (failuresLeft <= 0) return 200;
      failuresLeft--;
      return 500;
    });
    url = `${receiver.base}/hooks`;
    received = receiver.received;
  });

  afterAll(async () => {
    await receiver.close();
  });

  const forEvent = (eventId: string) =>
    received.filter((request) => request.headers['halooid-event-id'] === eventId);

  it('delivers taskodex.task.created, signed, and retries a failing receiver until it answers', async () => {
    const created = await platform.request('POST', '/v1/webhooks', {
      headers: owner.headers('acme'),
      body: { url, events: ['taskodex.task.created'] },
    });
    expect(created.status).toBe(201);
    const secret: string = created.body.secret;
    expect(secret).toMatch(/^whsec_/);
    const listed = await platform.request('GET', '/v1/webhooks', { headers: owner.headers('acme') });
    expect(listed.body.items[0]).not.toHaveProperty('secret');

    failuresLeft = 2;
    const task = await createTask({ title: 'Hook me' });
    const requests = await waitFor(DELIVERY_MS, async () => {
      const hits = received.filter((request) => JSON.parse(request.body).data.task?.id === task.body.id);
      return hits.length >= 3 ? hits : undefined;
    });
    expect(requests).toHaveLength(3);
    for (const request of requests ?? []) {
      const envelope = JSON.parse(request.body);
      expect(envelope).toMatchObject({
        source: 'halooid.taskodex',
        type: 'task.created',
        version: 1,
        tenantId: acmeId(),
      });
      expect(verifySignature(secret, request.body, String(request.headers['halooid-signature']))).toBe(true);
      expect(request.headers['halooid-event-type']).toBe('taskodex.task.created');
    }
    const eventId = JSON.parse(requests?.[0]?.body ?? '{}').id;
    expect(new Set(forEvent(eventId).map((request) => request.headers['halooid-delivery-id'])).size).toBe(1);

    const log = await waitFor(DELIVERY_MS, async () => {
      const response = await platform.request('GET', `/v1/webhooks/${created.body.id}/deliveries`, {
        headers: owner.headers('acme'),
      });
      const done = response.body.items.filter((item: { status: string }) => item.status === 'succeeded');
      return done.length > 0 ? response.body.items : undefined;
    });
    expect(log).toEqual([
      expect.objectContaining({
        eventId,
        eventType: 'taskodex.task.created',
        status: 'succeeded',
        attempts: 3,
        responseCode: 200,
      }),
    ]);

    const again = await platform.request(
      'POST',
      `/v1/webhooks/${created.body.id}/deliveries/${log?.[0].id}/redeliver`,
      { headers: owner.headers('acme') },
    );
    expect(again.status).toBe(202);
    const redelivered = await waitFor(DELIVERY_MS, async () =>
      forEvent(eventId).length >= 4 ? true : undefined,
    );
    expect(redelivered).toBe(true);
    const last = forEvent(eventId).at(-1);
    expect(last?.headers['halooid-delivery-id']).toBe(again.body.id);
    expect(verifySignature(secret, last?.body ?? '', String(last?.headers['halooid-signature']))).toBe(true);

    // Task updates are not subscribed: nothing more arrives for them.
    await platform.request('DELETE', `/v1/webhooks/${created.body.id}`, { headers: owner.headers('acme') });
  });

  it('refuses unknown event names and private addresses; members may not manage webhooks', async () => {
    const unknown = await platform.request('POST', '/v1/webhooks', {
      headers: owner.headers('acme'),
      body: { url, events: ['taskodex.task.exploded'] },
    });
    expect(unknown.status).toBe(400);
    const wildcard = await platform.request('POST', '/v1/webhooks', {
      headers: owner.headers('acme'),
      body: { url, events: ['taskodex.*'], enabled: false },
    });
    expect(wildcard.status).toBe(201);
    const internal = await platform.request('POST', '/v1/webhooks', {
      headers: owner.headers('acme'),
      body: { url: 'http://10.0.0.5/hook', events: ['*'] },
    });
    expect(internal.status).toBe(400);
    expect(internal.body.errors[0].code).toBe('url_refused');
    const asMember = await platform.request('POST', '/v1/webhooks', {
      headers: member.headers('acme'),
      body: { url, events: ['*'] },
    });
    expect(asMember.status).toBe(403);
  });
});
