import { METRICS_NAMESPACE, PRODUCT_REQUESTS, PRODUCT_SERVER_ERRORS } from '@halooid/shared/observability';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { HouseFunction } from '../constructs/house-function';
import type { StageConfig } from '../stage';
import type { ApiStack } from './api-stack';
import type { DataStack } from './data-stack';
import type { EventsStack } from './events-stack';

export interface ObservabilityStackProps extends StackProps {
  stage: StageConfig;
  api: ApiStack;
  data: DataStack;
  events: EventsStack;
  /** Subscribed to the alarm topic when given (context `alarmEmail`). */
  alarmEmail?: string;
}

interface ProductView {
  functions: HouseFunction[];
  deadLetterQueues: EventsStack['subscriptions'][number]['deadLetterQueue'][];
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The share of a product's requests answered 5xx, from the counts every
 * function's HTTP adapter publishes per product (shared/src/http/adapter.ts).
 * Quiet periods count as 0 %: under 20 requests in 5 minutes one failure is
 * not yet a rate worth waking someone for.
 */
function productServerErrorRate(product: string): cloudwatch.MathExpression {
  const count = (metricName: string) =>
    new cloudwatch.Metric({
      namespace: METRICS_NAMESPACE,
      metricName,
      dimensionsMap: { service: product },
      period: FIVE_MINUTES,
      statistic: 'Sum',
    });
  return new cloudwatch.MathExpression({
    expression: 'IF(requests >= 20, 100 * FILL(errors, 0) / requests, 0)',
    usingMetrics: { requests: count(PRODUCT_REQUESTS), errors: count(PRODUCT_SERVER_ERRORS) },
    period: FIVE_MINUTES,
    label: `${product} 5xx %`,
  });
}

/**
 * Aurora PostgreSQL's default max_connections at a capacity:
 * LEAST(memory / 9,531,392 bytes, 5000), with 2 GiB of memory per ACU.
 */
export function auroraMaxConnections(maxAcu: number): number {
  return Math.min(Math.floor((maxAcu * 2 * 1024 ** 3) / 9_531_392), 5000);
}

/**
 * One CloudWatch dashboard per product (5xx rate, invocations, errors, p99
 * duration, throttles, DLQ depth, Aurora ACUs and connections, cache hits,
 * API traffic) and alarms on what needs a human, all to one encrypted SNS topic.
 */
export class ObservabilityStack extends Stack {
  readonly topic: sns.Topic;
  readonly dashboards: cloudwatch.Dashboard[] = [];

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const { stage, api, data, events } = props;

    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the Halooid alarm topic; CloudWatch may publish to it',
      enableKeyRotation: true,
      removalPolicy: stage.dataRemovalPolicy,
    });
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new sns.Topic(this, 'Alarms', {
      topicName: `halooid-${stage.name}-alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
    const action = new cwActions.SnsAction(this.topic);

    const products = new Map<string, ProductView>();
    const view = (product: string) => {
      let entry = products.get(product);
      if (!entry) {
        entry = { functions: [], deadLetterQueues: [] };
        products.set(product, entry);
      }
      return entry;
    };
    view('platform').functions.push(api.authorizerFunction, data.migrator);
    for (const { product, fn } of events.jobs.values()) view(product.key).functions.push(fn);
    for (const { service, fn } of api.functions.values()) view(service.product).functions.push(fn);
    for (const { service, fn, failedRuns } of events.subscribers) {
      view(service.product).functions.push(fn);
      view(service.product).deadLetterQueues.push(failedRuns);
    }
    for (const wiring of events.subscriptions)
      view(wiring.service.product).deadLetterQueues.push(wiring.deadLetterQueue);
    // Long runs by design (the webhook worker polls for about 55 s of its 70 s):
    // no p99-duration alarm; a timeout still counts as an error.
    const longRunning = new Set<HouseFunction>(
      [...events.jobs.values()].filter(({ job }) => job.longRunning).map(({ fn }) => fn),
    );

    // Alarms: every function, every DLQ, the API and the database.
    const alarm = (
      id: string,
      metric: cloudwatch.Metric | cloudwatch.MathExpression,
      threshold: number,
      description: string,
      periods = 1,
    ) =>
      metric
        .createAlarm(this, id, {
          threshold,
          evaluationPeriods: periods,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
          alarmDescription: description,
        })
        .addAlarmAction(action);
    for (const [product, { functions, deadLetterQueues }] of products) {
      for (const fn of functions) {
        const id = `${fn.node.id}${product}`;
        alarm(
          `${id}Errors`,
          fn.metricErrors({ period: FIVE_MINUTES }),
          5,
          `${fn.serviceName}: 5+ errors in 5 minutes`,
        );
        alarm(
          `${id}Throttles`,
          fn.metricThrottles({ period: FIVE_MINUTES }),
          1,
          `${fn.serviceName} is throttled`,
        );
        if (longRunning.has(fn)) continue;
        alarm(
          `${id}SlowP99`,
          fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' }),
          (fn.timeout?.toMilliseconds() ?? 28_000) * 0.8,
          `${fn.serviceName}: p99 duration above 80% of its timeout`,
          3,
        );
      }
      for (const dlq of deadLetterQueues) {
        alarm(
          `${dlq.node.id}Depth`,
          dlq.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES }),
          1,
          `Events are waiting in ${dlq.node.id}: a subscriber failed after its retries`,
        );
      }
    }
    alarm(
      'Api5xx',
      api.api.metricServerError({ period: FIVE_MINUTES }),
      10,
      'API: 10+ server errors in 5 minutes',
    );
    alarm(
      'ApiLatencyP99',
      api.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
      3000,
      'API: p99 latency above 3 s for 15 minutes',
      3,
    );
    for (const product of products.keys()) {
      alarm(
        `${product}ServerErrorRate`,
        productServerErrorRate(product),
        1,
        `${product}: 1%+ of its requests answered 5xx for 15 minutes`,
        3,
      );
    }
    alarm(
      'AuroraConnectionsHigh',
      data.cluster.metricDatabaseConnections({ period: FIVE_MINUTES, statistic: 'Maximum' }),
      Math.floor(auroraMaxConnections(stage.aurora.maxAcu) * 0.8),
      'Aurora connections above 80% of max_connections at maximum capacity for 15 minutes: check RDS Proxy pinning and pool sizes',
      3,
    );
    alarm(
      'AuroraAcuHigh',
      data.cluster.metric('ACUUtilization', { period: FIVE_MINUTES, statistic: 'Average' }),
      90,
      'Aurora is near its maximum ACUs for 15 minutes: raise serverlessV2MaxCapacity',
      3,
    );

    // Shared widgets.
    const acu = new cloudwatch.GraphWidget({
      title: 'Aurora capacity (ACUs)',
      left: [data.cluster.metricServerlessDatabaseCapacity({ period: FIVE_MINUTES, statistic: 'Maximum' })],
      width: 8,
    });
    const connections = new cloudwatch.GraphWidget({
      title: 'Aurora connections',
      left: [data.cluster.metricDatabaseConnections({ period: FIVE_MINUTES, statistic: 'Maximum' })],
      width: 8,
    });
    const cacheMetric = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/ElastiCache',
        metricName,
        dimensionsMap: { clusterId: data.cacheName },
        period: FIVE_MINUTES,
        statistic: 'Sum',
      });
    const cache = new cloudwatch.GraphWidget({
      title: 'Cache hits and misses',
      left: [cacheMetric('CacheHits'), cacheMetric('CacheMisses')],
      width: 8,
    });
    const apiTraffic = new cloudwatch.GraphWidget({
      title: 'API requests, 4xx, 5xx',
      left: [
        api.api.metricCount({ period: FIVE_MINUTES }),
        api.api.metricClientError({ period: FIVE_MINUTES }),
        api.api.metricServerError({ period: FIVE_MINUTES }),
      ],
      width: 8,
    });

    for (const [product, { functions, deadLetterQueues }] of products) {
      const per = (title: string, metric: (fn: HouseFunction) => cloudwatch.IMetric) =>
        new cloudwatch.GraphWidget({ title, left: functions.map(metric), width: 12 });
      const dashboard = new cloudwatch.Dashboard(this, `${product}Dashboard`, {
        dashboardName: `halooid-${stage.name}-${product}`,
        defaultInterval: Duration.hours(3),
      });
      dashboard.addWidgets(
        new cloudwatch.GraphWidget({
          title: '5xx rate (%)',
          left: [productServerErrorRate(product)],
          leftYAxis: { min: 0 },
          width: 24,
        }),
      );
      dashboard.addWidgets(
        per('Invocations', (fn) => fn.metricInvocations({ period: FIVE_MINUTES, label: fn.serviceName })),
        per('Errors', (fn) => fn.metricErrors({ period: FIVE_MINUTES, label: fn.serviceName })),
      );
      dashboard.addWidgets(
        per('Duration p99 (ms)', (fn) =>
          fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99', label: fn.serviceName }),
        ),
        per('Throttles', (fn) => fn.metricThrottles({ period: FIVE_MINUTES, label: fn.serviceName })),
      );
      dashboard.addWidgets(
        new cloudwatch.GraphWidget({
          title: 'Dead-letter queue depth',
          left: deadLetterQueues.map((q) =>
            q.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, label: q.node.id }),
          ),
          width: 24,
        }),
      );
      dashboard.addWidgets(acu, connections, cache, apiTraffic);
      this.dashboards.push(dashboard);
    }

    new CfnOutput(this, 'AlarmTopicArn', { value: this.topic.topicArn });
  }
}
