import { PRODUCTS, SERVICES } from '@halooid/functions/registry';
import { App } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHalooid } from './app';
import { subscriberInput } from './stacks/events-stack';
import type { EntryResolver } from './stacks/function-factory';
import { fakecoProduct, fixtureEntry, type Synthesized, synthesize, widgetsService } from './testing/synth';

/** The prod shape, synthesized without bundling (the dev test proves the bundles). */
let app: Synthesized;

beforeAll(() => {
  app = synthesize({ stage: 'prod', bundle: false });
}, 120_000);

afterAll(() => app?.dispose());

type Resources = Record<
  string,
  { DeletionPolicy?: string; UpdateReplacePolicy?: string; Properties: Record<string, unknown> }
>;

describe('prod', () => {
  it('retains every data store on delete and turns deletion protection on', () => {
    const data = app.template(app.stacks.data);
    for (const type of ['AWS::RDS::DBCluster', 'AWS::DynamoDB::Table']) {
      const found = Object.values(data.findResources(type) as Resources);
      expect(found.length).toBeGreaterThan(0);
      for (const resource of found) expect(resource.DeletionPolicy, type).toBe('Retain');
    }
    data.hasResourceProperties('AWS::RDS::DBCluster', { DeletionProtection: true });
    data.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: true });
    const identity = app.template(app.stacks.identity);
    identity.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });

  it('runs Aurora multi-AZ with Performance Insights', () => {
    const data = app.template(app.stacks.data);
    data.resourceCountIs('AWS::RDS::DBInstance', 2);
    data.hasResourceProperties('AWS::RDS::DBInstance', { EnablePerformanceInsights: true });
    app.template(app.stacks.network).resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  it('turns Cognito threat protection on', () => {
    app.template(app.stacks.identity).hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
  });

  it('wires every subscription and schedules every product job: the relay, the webhook worker, due-soon, Qultrix accrual and job changes, Invantray reorder', () => {
    const events = app.template(app.stacks.events);
    const subscriptions = SERVICES.flatMap((s) => s.subscriptions ?? []);
    expect(subscriptions.length).toBeGreaterThan(0);
    events.resourceCountIs('AWS::Events::Rule', subscriptions.length);
    for (const subscription of subscriptions) {
      events.hasResourceProperties('AWS::Events::Rule', {
        EventPattern: subscription.pattern,
        Targets: [
          Match.objectLike({
            InputTransformer: { InputTemplate: subscriberInput(subscription) },
            RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
            DeadLetterConfig: { Arn: Match.anyValue() },
          }),
        ],
      });
    }
    events.resourceCountIs(
      'AWS::Scheduler::Schedule',
      PRODUCTS.flatMap((product) => product.schedules ?? []).length,
    );
    expect(PRODUCTS.flatMap((product) => product.schedules ?? [])).toHaveLength(10);
    for (const name of ['halooid-prod-platform-outbox-relay', 'halooid-prod-platform-webhooks-worker'])
      events.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: name,
        ScheduleExpression: 'rate(1 minute)',
      });
    events.hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'halooid-prod-taskodex-due-soon',
      ScheduleExpression: 'cron(0 6 * * ? *)',
    });
    for (const [name, expression] of [
      ['halooid-prod-qultrix-accrual', 'cron(0 1 * * ? *)'],
      ['halooid-prod-qultrix-apply-due-job-changes', 'cron(15 0 * * ? *)'],
      ['halooid-prod-invantray-reorder', 'cron(0 5 * * ? *)'],
      ['halooid-prod-adminhub-audit-retention', 'cron(30 3 * * ? *)'],
    ])
      events.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: name,
        ScheduleExpression: expression,
      });
    events.hasResourceProperties('AWS::Events::Archive', { RetentionDays: 365 });
  });

  it('leaves no unacknowledged cdk-nag error', () => {
    for (const stack of Object.values(app.stacks)) expect(app.nag(stack).errors, stack.stackName).toEqual([]);
  });
});

describe('manifest checks at synth', () => {
  it('refuses a manifest that asks for a table the data stack does not have', () => {
    const bad = { ...widgetsService, subscriptions: [], resources: { tables: ['no-such-table'] } };
    expect(() =>
      buildHalooid(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), {
        stage: 'dev',
        products: [{ ...fakecoProduct, capabilities: [bad] }],
        entry: fixtureEntry,
      }),
    ).toThrow(/no-such-table/);
  });

  it('refuses a manifest with subscriptions but no subscribers.ts', () => {
    const entry: EntryResolver = (product, file) =>
      file.endsWith('/subscribers.ts') ? '/nowhere/subscribers.ts' : fixtureEntry(product, file);
    expect(() =>
      buildHalooid(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), {
        stage: 'dev',
        products: [fakecoProduct],
        entry,
      }),
    ).toThrow(
      /fakeco-widgets declares subscriptions \(task-created\) but \/nowhere\/subscribers\.ts does not exist/,
    );
  });

  it('refuses an unknown stage', () => {
    expect(() => buildHalooid(new App(), { stage: 'qa', products: [] })).toThrow(/Unknown stage "qa"/);
  });
});
