import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createCloudWatchSource } from './cloudwatch-source';

const cloudWatch = mockClient(CloudWatchClient);
const WINDOW = { from: new Date('2026-12-05T15:00:00Z'), to: new Date('2026-12-06T15:00:00Z') };

beforeEach(() => cloudWatch.reset());

function source() {
  return createCloudWatchSource({
    client: new CloudWatchClient({ region: 'eu-west-1' }),
    stage: 'prod',
    now: () => WINDOW.to,
  });
}

describe('CloudWatch metrics source', () => {
  it("asks for the stage's functions in one search per statistic over the whole window", async () => {
    cloudWatch.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });

    await source().functionMetrics(WINDOW);

    const input = cloudWatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input;
    expect(input?.StartTime).toEqual(WINDOW.from);
    expect(input?.EndTime).toEqual(WINDOW.to);
    const expressions = input?.MetricDataQueries?.map((query) => query.Expression);
    expect(expressions).toContain(
      `SEARCH('{AWS/Lambda,FunctionName} MetricName="Duration" halooid-prod', 'p99', 86400)`,
    );
    expect(expressions).toContain(`SEARCH('{Halooid,service} MetricName="ServerError"', 'Sum', 86400)`);
    expect(input?.MetricDataQueries?.[0]?.Label).toBe(`\${PROP('Dim.FunctionName')}`);
  });

  it('adds failed invocations and masked 5xx per function, across pages, and keeps only this stage', async () => {
    cloudWatch
      .on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'invocations', Label: 'halooid-prod-taskodex-tasks', Values: [400] },
          { Id: 'invocations', Label: 'halooid-dev-taskodex-tasks', Values: [9] },
          { Id: 'errors', Label: 'halooid-prod-taskodex-tasks', Values: [2] },
          { Id: 'p95', Label: 'halooid-prod-taskodex-tasks', Values: [120.44] },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'p99', Label: 'halooid-prod-taskodex-tasks', Values: [480] },
          { Id: 'masked', Label: 'taskodex-tasks', Values: [6] },
          { Id: 'invocations', Label: 'halooid-prod-qultrix-employees', Values: [0] },
        ],
      });

    const metrics = await source().functionMetrics(WINDOW);

    expect(cloudWatch.commandCalls(GetMetricDataCommand)[1]?.args[0].input.NextToken).toBe('page-2');
    expect(metrics).toEqual([
      {
        name: 'halooid-prod-taskodex-tasks',
        invocations: 400,
        errors: 8,
        errorRate: 0.02,
        p95Ms: 120.4,
        p99Ms: 480,
      },
    ]);
  });

  it("reads the latest depth of the stage's dead-letter queues, deepest first", async () => {
    cloudWatch.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        { Id: 'dlq', Label: 'halooid-prod-taskodex-tasks-due-soon-dlq', Values: [0, 3] },
        { Id: 'dlq', Label: 'halooid-prod-qultrix-people-subscribers-failed', Values: [4] },
        { Id: 'dlq', Label: 'halooid-prod-webhooks', Values: [50] },
        { Id: 'dlq', Label: 'halooid-dev-taskodex-tasks-due-soon-dlq', Values: [9] },
      ],
    });

    const queues = await source().deadLetterQueues();

    expect(queues).toEqual([
      { name: 'halooid-prod-qultrix-people-subscribers-failed', depth: 4 },
      { name: 'halooid-prod-taskodex-tasks-due-soon-dlq', depth: 0 },
    ]);
    const input = cloudWatch.commandCalls(GetMetricDataCommand)[0]?.args[0].input;
    expect(input?.ScanBy).toBe('TimestampDescending');
    expect(input?.StartTime).toEqual(new Date('2026-12-06T14:45:00Z'));
  });
});
