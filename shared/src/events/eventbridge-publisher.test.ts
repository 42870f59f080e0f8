import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids';
import type { EventEnvelope } from './envelope';
import { EventBridgePublisher } from './eventbridge-publisher';

const bridge = mockClient(EventBridgeClient);

const event = (n: number): EventEnvelope => ({
  id: uuidv7(),
  source: 'halooid.taskodex',
  type: 'task.created',
  version: 1,
  tenantId: '0190f0e0-0000-7000-8000-000000000001',
  occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  actor: { type: 'user', id: 'u' },
  data: { n },
});

const publisher = () =>
  new EventBridgePublisher({ busName: 'halooid-test', client: new EventBridgeClient({}), retryDelayMs: 1 });

beforeEach(() => bridge.reset());

describe('EventBridgePublisher', () => {
  it('sends batches of at most 10 entries with the envelope as detail', async () => {
    bridge.on(PutEventsCommand).callsFake((input: { Entries: unknown[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_, i) => ({ EventId: `e${i}` })),
    }));
    const events = Array.from({ length: 23 }, (_, n) => event(n));
    expect(await publisher().publish(events)).toEqual({ failed: [] });
    const calls = bridge.commandCalls(PutEventsCommand);
    expect(calls.map((call) => call.args[0].input.Entries?.length)).toEqual([10, 10, 3]);
    const first = calls[0]?.args[0].input.Entries?.[0];
    expect(first).toMatchObject({
      EventBusName: 'halooid-test',
      Source: 'halooid.taskodex',
      DetailType: 'task.created',
    });
    expect(JSON.parse(first?.Detail ?? '{}')).toEqual(events[0]);
  });

  it('retries only the refused entries of a partial failure', async () => {
    const events = [event(1), event(2), event(3)];
    bridge
      .on(PutEventsCommand)
      .resolvesOnce({
        FailedEntryCount: 1,
        Entries: [
          { EventId: 'a' },
          { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' },
          { EventId: 'c' },
        ],
      })
      .resolvesOnce({ FailedEntryCount: 0, Entries: [{ EventId: 'b' }] });
    expect(await publisher().publish(events)).toEqual({ failed: [] });
    const retry = bridge.commandCalls(PutEventsCommand)[1]?.args[0].input.Entries ?? [];
    expect(retry.map((entry) => JSON.parse(entry.Detail ?? '{}').id)).toEqual([events[1]?.id]);
  });

  it('reports what still fails so the outbox keeps it for the relay', async () => {
    const events = [event(1), event(2)];
    const refused = events[1]?.id ?? '';
    bridge.on(PutEventsCommand).callsFake((input: { Entries: { Detail: string }[] }) => ({
      FailedEntryCount: 1,
      Entries: input.Entries.map((entry) =>
        entry.Detail.includes(refused)
          ? { ErrorCode: 'InternalFailure', ErrorMessage: 'oops' }
          : { EventId: 'a' },
      ),
    }));
    const result = await publisher().publish(events);
    expect(result.failed).toEqual([{ event: events[1], error: 'InternalFailure: oops' }]);
    expect(bridge.commandCalls(PutEventsCommand)).toHaveLength(3); // first try + 2 retries
  });

  it('reports a whole batch when the call throws', async () => {
    bridge.on(PutEventsCommand).rejects(new Error('network down'));
    const events = [event(1)];
    expect((await publisher().publish(events)).failed).toEqual([{ event: events[0], error: 'network down' }]);
  });
});
