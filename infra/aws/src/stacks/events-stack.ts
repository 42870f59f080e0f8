import type { ServiceManifest, Subscription } from '@halooid/shared/manifest';
import { serviceName } from '@halooid/shared/manifest';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { suppress } from '../constructs/nag';
import type { StageConfig } from '../stage';
import type { FunctionFactory } from './function-factory';

export interface EventsStackProps extends StackProps {
  stage: StageConfig;
  services: readonly ServiceManifest[];
  functions: FunctionFactory;
  /**
   * The outbox relay (functions/platform/events/relay.ts, from the events issue).
   * When given it runs every minute and re-publishes outbox rows left behind;
   * until it exists nothing is scheduled.
   */
  relayEntry?: string;
}

export interface SubscriptionWiring {
  service: ServiceManifest;
  subscription: Subscription;
  rule: events.Rule;
  deadLetterQueue: sqs.Queue;
}

/**
 * The platform bus with an archive for replay, and for every subscription in
 * the manifests one rule → one subscriber Lambda (the export named by
 * `handler` in the capability's subscribers.ts), with retries and an SQS
 * dead-letter queue both for delivery failures and for handler failures.
 */
export class EventsStack extends Stack {
  readonly bus: events.EventBus;
  readonly archive: events.Archive;
  readonly subscriptions: SubscriptionWiring[] = [];

  constructor(scope: Construct, id: string, props: EventsStackProps) {
    super(scope, id, props);
    const { stage } = props;

    this.bus = new events.EventBus(this, 'Bus', { eventBusName: `halooid-${stage.name}` });
    this.archive = this.bus.archive('Archive', {
      archiveName: `halooid-${stage.name}-all`,
      description: 'Every platform event, for replay after a consumer fix',
      eventPattern: { source: events.Match.prefix('halooid.') },
      retention: stage.eventArchiveRetention,
    });

    for (const service of props.services) {
      for (const subscription of service.subscriptions ?? []) {
        const name = `${serviceName(service)}-${subscription.name}`;
        const id = pascal(name);
        const deadLetterQueue = new sqs.Queue(this, `${id}Dlq`, {
          queueName: `halooid-${stage.name}-${name}-dlq`,
          retentionPeriod: Duration.days(14),
          encryption: sqs.QueueEncryption.SQS_MANAGED,
          enforceSSL: true,
        });
        suppress(deadLetterQueue, [
          {
            id: 'AwsSolutions-SQS3',
            reason: 'This queue is itself the dead-letter queue of the rule and its subscriber.',
          },
        ]);
        const fn = props.functions.subscriber(this, `${id}Fn`, service, subscription, {
          onFailure: new SqsDestination(deadLetterQueue),
          retryAttempts: 2,
          maxEventAge: Duration.hours(6),
        });
        fn.bindEventBus(this.bus);
        const rule = new events.Rule(this, `${id}Rule`, {
          ruleName: `halooid-${stage.name}-${name}`.slice(0, 64),
          eventBus: this.bus,
          eventPattern: subscription.pattern as events.EventPattern,
          description: `${service.product}/${service.capability} reacts with ${subscription.handler}`,
        });
        rule.addTarget(
          new targets.LambdaFunction(fn, {
            deadLetterQueue,
            retryAttempts: 8,
            maxEventAge: Duration.hours(24),
          }),
        );
        this.subscriptions.push({ service, subscription, rule, deadLetterQueue });
      }
    }

    if (props.relayEntry) {
      const relay = props.functions.relay(this, 'OutboxRelay', props.relayEntry);
      relay.bindEventBus(this.bus);
      new events.Rule(this, 'OutboxRelaySchedule', {
        description: 'Re-publishes outbox rows not yet published (at-least-once delivery)',
        schedule: events.Schedule.rate(Duration.minutes(1)),
        targets: [new targets.LambdaFunction(relay, { retryAttempts: 0 })],
      });
    }

    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
  }
}

export function pascal(name: string): string {
  return name.replace(/(^|[^a-zA-Z0-9]+)([a-zA-Z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
