import type { ServiceManifest, Subscription } from '@halooid/shared/manifest';
import { serviceName } from '@halooid/shared/manifest';
import type { ProductManifest, ScheduledJob } from '@halooid/shared/product';
import { type CfnElement, CfnOutput, Duration, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { HouseFunction } from '../constructs/house-function';
import { suppress } from '../constructs/nag';
import type { StageConfig } from '../stage';
import { type FunctionFactory, jobName } from './function-factory';

export interface EventsStackProps extends StackProps {
  stage: StageConfig;
  /** The product list: their capabilities' subscriptions and their scheduled jobs. */
  products: readonly ProductManifest[];
  functions: FunctionFactory;
}

/** Rule target retries for delivery to the subscriber (throttling, service errors): EventBridge's maximum. */
export const SUBSCRIPTION_RETRY = { retryAttempts: 185, maxEventAge: Duration.hours(24) } as const;

/** Lambda's own retries when the subscriber throws, before its failed-run queue. */
export const SUBSCRIBER_ASYNC_RETRY = { retryAttempts: 2, maxEventAge: Duration.hours(6) } as const;

/**
 * What a rule hands its subscriber: the subscription's name and the whole bus
 * event, as createSubscriberHandler (shared/src/events/consumer.ts) expects.
 * `<aws.events.event.json>` is the full event; `<aws.events.event>` would
 * drop `detail`, which holds the envelope.
 */
export function subscriberInput(subscription: Pick<Subscription, 'name'>): string {
  return `{"subscription":${JSON.stringify(subscription.name)},"event":<aws.events.event.json>}`;
}

/** An input transformer with only a template: reserved variables need no InputPathsMap. */
class TemplateInput extends events.RuleTargetInput {
  constructor(private readonly template: string) {
    super();
  }

  bind(): events.RuleTargetInputProperties {
    return { inputTemplate: this.template };
  }
}

export interface SubscriberWiring {
  service: ServiceManifest;
  fn: HouseFunction;
  /** Runs that still threw after Lambda's retries (on-failure destination; the record holds the input). */
  failedRuns: sqs.Queue;
}

export interface JobWiring {
  product: ProductManifest;
  job: ScheduledJob;
  fn: HouseFunction;
  schedule: scheduler.Schedule;
}

export interface SubscriptionWiring {
  service: ServiceManifest;
  subscription: Subscription;
  rule: events.Rule;
  /** Events EventBridge could not hand to the subscriber within its retry policy. */
  deadLetterQueue: sqs.Queue;
}

/**
 * The platform bus with an archive for replay; per capability with
 * subscriptions one subscriber Lambda (the `handler` of its subscribers.ts),
 * and per subscription one rule → that Lambda, with an input transformer
 * naming the subscription, a retry policy and an SQS dead-letter queue. Also
 * every product's scheduled jobs (the platform's outbox relay and webhook
 * worker, Taskodex's due-soon), run by EventBridge Scheduler.
 */
export class EventsStack extends Stack {
  readonly bus: events.EventBus;
  readonly archive: events.Archive;
  readonly subscribers: SubscriberWiring[] = [];
  readonly subscriptions: SubscriptionWiring[] = [];
  /** Every product's scheduled jobs, by function name (`platform-outbox-relay`). */
  readonly jobs = new Map<string, JobWiring>();

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

    const queue = (queueId: string, queueName: string, reason: string) => {
      const q = new sqs.Queue(this, queueId, {
        queueName,
        retentionPeriod: Duration.days(14),
        encryption: sqs.QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
      });
      suppress(q, [{ id: 'AwsSolutions-SQS3', reason }]);
      return q;
    };

    for (const service of props.products.flatMap((product) => product.capabilities)) {
      const subscriptions = service.subscriptions ?? [];
      if (subscriptions.length === 0) continue;
      const name = serviceName(service);
      const failedRuns = queue(
        `${pascal(name)}SubscriberFailedRuns`,
        `halooid-${stage.name}-${name}-subscribers-failed`,
        `Receives the runs of the ${name} subscriber that still failed after Lambda's retries (its on-failure destination): it is a dead-letter queue itself.`,
      );
      const fn = props.functions.subscriber(this, `${pascal(name)}SubscribersFn`, service, {
        onFailure: new SqsDestination(failedRuns),
        ...SUBSCRIBER_ASYNC_RETRY,
      });
      // Consumers may record further events (outbox) and the kernel publishes them after commit.
      fn.bindEventBus(this.bus);
      this.subscribers.push({ service, fn, failedRuns });

      for (const subscription of subscriptions) {
        const ruleName = `${name}-${subscription.name}`;
        const deadLetterQueue = queue(
          `${pascal(ruleName)}Dlq`,
          `halooid-${stage.name}-${ruleName}-dlq`,
          `The dead-letter queue of the ${ruleName} rule's target (events EventBridge could not deliver within 24 h): it is a dead-letter queue itself.`,
        );
        const rule = new events.Rule(this, `${pascal(ruleName)}Rule`, {
          ruleName: `halooid-${stage.name}-${ruleName}`.slice(0, 64),
          eventBus: this.bus,
          eventPattern: subscription.pattern as events.EventPattern,
          description: `${service.product}/${service.capability} subscription ${subscription.name} (${subscription.handler})`,
        });
        rule.addTarget(
          new targets.LambdaFunction(fn, {
            event: new TemplateInput(subscriberInput(subscription)),
            deadLetterQueue,
            ...SUBSCRIPTION_RETRY,
          }),
        );
        this.subscriptions.push({ service, subscription, rule, deadLetterQueue });
      }
    }

    for (const product of props.products) {
      for (const job of product.schedules ?? []) {
        const name = jobName(product, job);
        const id = job.cdkId ?? pascal(name);
        const fn = props.functions.job(this, `${id}Fn`, product, job);
        if (job.emitsEvents) fn.bindEventBus(this.bus);
        const schedule = this.schedule(stage, `${id}Schedule`, fn, job);
        this.jobs.set(name, { product, job, fn, schedule });
      }
    }

    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
  }

  /** The job's own expression, no Scheduler retries and no Lambda retries: the next run is the retry. */
  private schedule(stage: StageConfig, id: string, fn: HouseFunction, job: ScheduledJob): scheduler.Schedule {
    const schedule = new scheduler.Schedule(this, id, {
      scheduleName: `halooid-${stage.name}-${fn.serviceName}`,
      description: job.description,
      // Expressions in product.ts are UTC, as every schedule was.
      schedule: scheduler.ScheduleExpression.expression(job.schedule, TimeZone.ETC_UTC),
      target: new schedulerTargets.LambdaInvoke(fn, {
        retryAttempts: 0,
        maxEventAge: Duration.minutes(1),
      }),
    });
    // The target role is a stack-level singleton per function, made by LambdaInvoke.
    const functionArn = `<${this.getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>`;
    suppress(this, [
      {
        id: 'AwsSolutions-IAM5',
        reason: `The Scheduler role of ${fn.serviceName} may only lambda:InvokeFunction that one function; Function.grantInvoke adds its qualified ARNs (${functionArn}:*, versions and aliases) beside the bare one.`,
        appliesTo: [`Resource::${functionArn}:*`],
      },
    ]);
    return schedule;
  }

  /** A product's scheduled job by function name; throws when there is none (tests, wiring). */
  job(name: string): JobWiring {
    const wiring = this.jobs.get(name);
    if (!wiring) throw new Error(`No scheduled job ${name} (known: ${[...this.jobs.keys()].join(', ')})`);
    return wiring;
  }
}

export function pascal(name: string): string {
  return name.replace(/(^|[^a-zA-Z0-9]+)([a-zA-Z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
