import { PRODUCTS } from '@halooid/functions/registry';
import { createSubscriberHandler, type EventConsumer } from '@halooid/shared/events/consumer';
import { binaryMediaTypesOf } from '@halooid/shared/http/binary';
import { PUBLIC, type ServiceManifest, serviceName } from '@halooid/shared/manifest';
import { TIER_LIMITS } from '@halooid/shared/tiers';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnMethod } from 'aws-cdk-lib/aws-apigateway';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_LIMIT_BYTES, bundleSizes } from './bundle-report';
import type { HouseFunction } from './constructs/house-function';
import { ownsNestedStack } from './stacks/api-stack';
import { subscriberInput } from './stacks/events-stack';
import { fakecoProduct, type Synthesized, synthesize, widgetsService } from './testing/synth';

/**
 * The dev app synthesized once, bundles and all, from the real manifests plus
 * a fake capability that exists only in tests (./testing/fixtures): whatever
 * it gets (a Lambda, routes, a rule with a DLQ) proves a new manifest needs
 * no infrastructure code.
 */
const products = [...PRODUCTS, fakecoProduct];
const services = products.flatMap((product) => product.capabilities);
const jobs = products.flatMap((product) => product.schedules ?? []);
let app: Synthesized;
let api: Template;
/** The API stack and its product stacks (nested): the capability functions live in the latter. */
let apiTemplates: Template[];

beforeAll(() => {
  app = synthesize({ stage: 'dev', products });
  api = app.template(app.stacks.api);
  apiTemplates = [api, ...[...app.stacks.api.productStacks.values()].map((stack) => app.template(stack))];
}, 240_000);

afterAll(() => app?.dispose());

type Resources = Record<
  string,
  { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string }
>;
const resources = (template: Template, type: string): Resources => template.findResources(type) as Resources;
/** Resources of a type in the API stack and its product stacks, keyed `<template index>:<logical id>`. */
const apiResources = (type: string): Resources =>
  Object.fromEntries(
    apiTemplates.flatMap((template, index) =>
      Object.entries(resources(template, type)).map(([id, resource]) => [`${index}:${id}`, resource]),
    ),
  );

interface LambdaProps {
  FunctionName: string;
  Handler: string;
  Timeout: number;
  VpcConfig?: { SubnetIds: unknown; SecurityGroupIds: unknown };
  Environment: { Variables: Record<string, unknown> };
}
interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/** The template id of a construct (an L2's CloudFormation resource, or the L1 itself). */
const logicalId = (construct: IConstruct): string => {
  const element = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(element).getLogicalId(element);
};

/** The function's template properties and every statement of its role's policies. */
const lambdaOf = (fn: HouseFunction): { props: LambdaProps; statements: Statement[] } => {
  const template = app.template(Stack.of(fn));
  const props = template.toJSON().Resources[logicalId(fn)].Properties as LambdaProps;
  const roleId = logicalId(fn.role as IConstruct);
  // CDK moves statements past a role's inline-policy size into managed "overflow" policies.
  const policies = [
    ...Object.values(resources(template, 'AWS::IAM::Policy')),
    ...Object.values(resources(template, 'AWS::IAM::ManagedPolicy')),
  ];
  const statements = policies
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
  return { props, statements };
};
const actions = (statements: Statement[]): string[] => statements.flatMap((s) => [s.Action].flat());
const withSubscriptions = (list: readonly ServiceManifest[]) => list.filter((s) => s.subscriptions?.length);

describe('functions from the manifests', () => {
  it('creates one Lambda per capability, the fake one included, plus the authorizer', () => {
    const names = Object.values(apiResources('AWS::Lambda::Function')).map((r) => r.Properties.FunctionName);
    for (const service of services) expect(names).toContain(`halooid-dev-${serviceName(service)}`);
    expect(names).toContain('halooid-dev-fakeco-widgets');
    expect(names).toContain('halooid-dev-platform-authorizer');
    expect(app.stacks.api.functions.size).toBe(services.length);
  });

  it('runs every function on Node.js 22 arm64 with tracing and the Powertools environment', () => {
    for (const fn of Object.values(apiResources('AWS::Lambda::Function'))) {
      const props = fn.Properties as {
        Runtime: string;
        Architectures: string[];
        TracingConfig: { Mode: string };
        Environment: { Variables: Record<string, unknown> };
      };
      expect(props.Runtime).toBe('nodejs22.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.TracingConfig.Mode).toBe('Active');
      expect(props.Environment.Variables).toMatchObject({
        NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
        POWERTOOLS_METRICS_NAMESPACE: 'Halooid',
        STAGE: 'dev',
      });
    }
  });

  it('puts database functions in the VPC and lets them connect to RDS Proxy only as the app login', () => {
    const tasks = Object.values(apiResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.FunctionName === 'halooid-dev-taskodex-tasks',
    );
    expect(tasks?.Properties.VpcConfig).toBeDefined();
    expect(tasks?.Properties.Environment).toMatchObject({
      Variables: { DB_USER: 'halooid_request_login', DB_NAME: 'halooid', DB_PORT: '5432' },
    });
    const connect = JSON.stringify(apiResources('AWS::IAM::Policy')).match(/"rds-db:connect"/g) ?? [];
    expect(connect.length).toBeGreaterThan(0);
    expect(JSON.stringify(apiResources('AWS::IAM::Policy'))).toContain('/halooid_request_login');
  });

  it('gives request functions the request login only: no API function may sign in as the worker login', () => {
    const entries = [...app.stacks.api.functions.values()];
    const operatorConsole = entries.filter(({ service }) =>
      service.routes.every((route) => route.permission === 'operator'),
    );
    const functions = entries.filter((entry) => !operatorConsole.includes(entry)).map(({ fn }) => fn);
    functions.push(app.stacks.api.authorizerFunction);
    for (const fn of functions) {
      const { props, statements } = lambdaOf(fn);
      if (props.Environment.Variables.DB_USER === undefined) continue;
      expect(props.Environment.Variables.DB_USER, fn.serviceName).toBe('halooid_request_login');
      expect(JSON.stringify(statements), fn.serviceName).toContain('/halooid_request_login');
    }
    // The operator console alone signs in as the operator login (platform/0011), which can become halooid_operator only.
    expect(operatorConsole.length).toBeGreaterThan(0);
    for (const { fn } of operatorConsole) {
      const { props, statements } = lambdaOf(fn);
      expect(props.Environment.Variables.DB_USER, fn.serviceName).toBe('halooid_operator_login');
      expect(JSON.stringify(statements), fn.serviceName).not.toContain('/halooid_request_login');
    }
    expect(JSON.stringify(apiResources('AWS::IAM::Policy'))).not.toContain('halooid_worker_login');
  });

  it('takes the client IP from the CloudFront header in every API function', () => {
    for (const { service, fn } of app.stacks.api.functions.values()) {
      expect(lambdaOf(fn).props.Environment.Variables.TRUST_CLOUDFRONT_HEADER, serviceName(service)).toBe(
        'true',
      );
    }
  });

  it('gives cache users a TLS Redis URL of the serverless cache', () => {
    const meta = Object.values(apiResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.FunctionName === 'halooid-dev-platform-meta',
    );
    expect(JSON.stringify(meta?.Properties.Environment)).toContain('rediss://');
  });

  it('grants no wildcard actions', () => {
    for (const stack of [...Object.values(app.stacks), ...app.stacks.api.productStacks.values()]) {
      // aws-cdk-lib's own BucketDeployment helper is exempt (its grants are fixed by the library and
      // acknowledged in the web stack); every policy of ours is held to the rule.
      const ours = Object.entries(resources(app.template(stack), 'AWS::IAM::Policy')).filter(
        ([id]) => !id.startsWith('CustomCDKBucketDeployment'),
      );
      const policies = JSON.stringify(Object.fromEntries(ours));
      // Neither "*" nor "service:*" nor "service:Prefix*" as an action.
      expect(policies, stack.stackName).not.toMatch(/"Action":"\*"|"Action":\["\*"|"[a-z0-9-]+:[A-Za-z]*\*"/);
    }
  });

  it('binds the idempotency table (IDEMPOTENCY_TABLE and item grants) to every capability that declares it', () => {
    const declaring = services.filter((s) => s.resources.tables?.includes('idempotency'));
    expect(declaring.map(serviceName)).toEqual(
      expect.arrayContaining(['platform-tenants', 'platform-rbac', 'taskodex-tasks']),
    );
    const tableArn = JSON.stringify(app.stacks.api.resolve(app.stacks.data.tables.idempotency.tableArn));
    for (const service of declaring) {
      const { props, statements } = lambdaOf(
        app.stacks.api.functions.get(serviceName(service))?.fn as HouseFunction,
      );
      expect(props.Environment.Variables.IDEMPOTENCY_TABLE, serviceName(service)).toBeDefined();
      // One statement may grant several tables (idempotency and revocations together).
      const grant = statements.find((s) =>
        [s.Resource].flat().some((resource) => JSON.stringify(resource) === tableArn),
      );
      expect(grant?.Action, serviceName(service)).toEqual(
        expect.arrayContaining([
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
        ]),
      );
    }
  });

  it('keeps every bundle under 1 MiB', () => {
    const sizes = bundleSizes(app.assembly);
    // Capabilities + authorizer + migrator + a subscriber per capability with subscriptions
    // + every product's scheduled jobs (the relay, the webhook worker, due-soon, the fake tick,
    // Qultrix's apply-due-job-changes and accrual, Invantray's reorder, AdminHub's audit retention,
    // export worker and tenant deletion, and its alert detectors).
    expect(jobs).toHaveLength(11);
    expect(sizes.length).toBe(services.length + 2 + withSubscriptions(services).length + jobs.length);
    for (const size of sizes) expect(size.bytes, size.functionName).toBeLessThan(BUNDLE_LIMIT_BYTES);
  });
});

describe('API', () => {
  it('uses the authorizer on every method except health, openapi and auth', () => {
    const methods = app.stacks.api.methods.map((method) => ({
      key: `${method.httpMethod} ${method.resource.path}`,
      cfn: method.node.defaultChild as CfnMethod,
    }));
    const routes = services.flatMap((s) => s.routes);
    expect(methods).toHaveLength(routes.length);
    const authorizerId = app.stacks.api.resolve(app.stacks.api.authorizer.authorizerId);
    /** The authorizer id a method refers to, as the parent stack sees it (a product stack gets it as a parameter). */
    const authorizerOf = (cfn: CfnMethod): unknown => {
      const stack = Stack.of(cfn);
      const own = stack.resolve(cfn.authorizerId) as { Ref?: string };
      if (stack === app.stacks.api) return own;
      const nested = api.toJSON().Resources[logicalId(stack.nestedStackResource as CfnElement)] as {
        Properties: { Parameters: Record<string, unknown> };
      };
      return nested.Properties.Parameters[own.Ref ?? ''];
    };
    for (const { key, cfn } of methods) {
      const route = routes.find((r) => `${r.method} ${r.path}` === key);
      expect(route, key).toBeDefined();
      if (route?.permission === PUBLIC) {
        expect(key).toMatch(/ \/v1\/(health|openapi\.json|auth\/.+)$/);
        expect(cfn.authorizationType).toBe('NONE');
      } else {
        expect(cfn.authorizationType, key).toBe('CUSTOM');
        expect(authorizerOf(cfn), key).toEqual(authorizerId);
      }
    }
    expect(methods.some((m) => m.key === 'GET /v1/fakeco/widgets')).toBe(true);
  });

  it('has a REQUEST authorizer whose decisions API Gateway never caches', () => {
    api.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'REQUEST',
      AuthorizerResultTtlInSeconds: 0,
      IdentitySource: 'method.request.header.Authorization',
    });
  });

  it('answers gateway errors as problem+json, the 403 with the authorizer reason', () => {
    api.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
      ResponseType: 'ACCESS_DENIED',
      StatusCode: '403',
      ResponseParameters: Match.objectLike({
        'gatewayresponse.header.Content-Type': "'application/problem+json'",
      }),
      ResponseTemplates: { 'application/json': Match.stringLikeRegexp('\\$context\\.authorizer\\.reason') },
    });
    for (const type of ['UNAUTHORIZED', 'DEFAULT_4XX', 'DEFAULT_5XX', 'THROTTLED'])
      api.hasResourceProperties('AWS::ApiGateway::GatewayResponse', { ResponseType: type });
  });

  it('has usage plans for free, pro and enterprise with the numbers of TIER_LIMITS, keyed by the authorizer', () => {
    // Written out by number on purpose: the plans once said 200,000/day and 250 req/s while the
    // local gateway and RateLimit-Policy said 250,000 and 200. Both sides must equal this table.
    const expected = {
      free: { rateLimit: 10, burstLimit: 20, quotaPerDay: 10_000 },
      pro: { rateLimit: 50, burstLimit: 100, quotaPerDay: 250_000 },
      enterprise: { rateLimit: 200, burstLimit: 400, quotaPerDay: 5_000_000 },
    };
    const fromTiers = Object.fromEntries(
      Object.entries(TIER_LIMITS).map(([tier, { rateLimit, burstLimit, quotaPerDay }]) => [
        tier,
        { rateLimit, burstLimit, quotaPerDay },
      ]),
    );
    const plans = Object.values(resources(api, 'AWS::ApiGateway::UsagePlan')) as unknown as {
      Properties: {
        UsagePlanName: string;
        Throttle: { RateLimit: number; BurstLimit: number };
        Quota: { Limit: number; Period: string };
      };
    }[];
    const fromPlans = Object.fromEntries(
      plans.map(({ Properties: p }) => {
        expect(p.Quota.Period).toBe('DAY');
        return [
          p.UsagePlanName.replace(/^halooid-dev-/, ''),
          { rateLimit: p.Throttle.RateLimit, burstLimit: p.Throttle.BurstLimit, quotaPerDay: p.Quota.Limit },
        ];
      }),
    );

    expect(fromTiers).toEqual(expected);
    expect(fromPlans).toEqual(expected);
    api.hasResourceProperties('AWS::ApiGateway::RestApi', { ApiKeySourceType: 'AUTHORIZER' });
  });

  it('decodes the byte answers routes produce: binaryMediaTypes come from the manifests', () => {
    expect(binaryMediaTypesOf(services)).toContain('application/pdf');
    api.hasResourceProperties('AWS::ApiGateway::RestApi', { BinaryMediaTypes: binaryMediaTypesOf(services) });
  });

  it('logs access and attaches a WAF with managed rule groups and a rate rule', () => {
    api.hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      TracingEnabled: true,
    });
    api.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({
          Name: 'RatePerIp',
          Statement: {
            RateBasedStatement: Match.objectLike({
              // Per viewer, from the header CloudFront's function sets: never the edge address, never X-Forwarded-For.
              AggregateKeyType: 'FORWARDED_IP',
              ForwardedIPConfig: { HeaderName: 'x-halooid-viewer-ip', FallbackBehavior: 'MATCH' },
            }),
          },
        }),
        Match.objectLike({
          Statement: {
            ManagedRuleGroupStatement: Match.objectLike({ Name: 'AWSManagedRulesCommonRuleSet' }),
          },
        }),
      ]),
    });
    const [association] = Object.values(resources(api, 'AWS::WAFv2::WebACLAssociation'));
    expect(JSON.stringify(association?.Properties.ResourceArn)).toContain('/stages/');
  });

  it('blocks, before any other rule, every API request without the origin-verify header CloudFront adds', () => {
    const [acl] = Object.values(resources(api, 'AWS::WAFv2::WebACL'));
    const rules = acl?.Properties.Rules as {
      Name: string;
      Priority: number;
      Action: object;
      Statement: object;
    }[];
    const first = [...rules].sort((a, b) => a.Priority - b.Priority)[0];
    const secretId = logicalId(app.stacks.api.originVerify.secret);

    expect(first).toMatchObject({
      Name: 'OriginVerify',
      Action: { Block: {} },
      Statement: {
        NotStatement: {
          Statement: {
            ByteMatchStatement: {
              FieldToMatch: { SingleHeader: { Name: 'x-origin-verify' } },
              PositionalConstraint: 'EXACTLY',
            },
          },
        },
      },
    });
    // The value is the secret's, resolved by CloudFormation at deploy: never in the template.
    const search = JSON.stringify(first?.Statement);
    expect(search).toContain('{{resolve:secretsmanager:');
    expect(search).toContain(`{"Ref":"${secretId}"}`);
    expect(search).toContain(':SecretString:current::}}');
    api.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'halooid/dev/origin-verify',
      GenerateSecretString: Match.objectLike({ GenerateStringKey: 'current' }),
    });
  });
});

describe('data', () => {
  it('runs Aurora PostgreSQL Serverless v2, encrypted, with IAM auth, behind RDS Proxy with IAM auth and TLS', () => {
    const data = app.template(app.stacks.data);
    data.hasResourceProperties('AWS::RDS::DBCluster', {
      Engine: 'aurora-postgresql',
      StorageEncrypted: true,
      EnableIAMDatabaseAuthentication: true,
      ServerlessV2ScalingConfiguration: Match.objectLike({ MinCapacity: Match.anyValue() }),
    });
    data.hasResourceProperties('AWS::RDS::DBInstance', { DBInstanceClass: 'db.serverless' });
    data.hasResourceProperties('AWS::RDS::DBProxy', {
      EngineFamily: 'POSTGRESQL',
      RequireTLS: true,
      DefaultAuthScheme: 'IAM_AUTH',
    });
    data.resourceCountIs('AWS::RDS::DBProxyTargetGroup', 1);
  });

  it('runs ElastiCache Serverless (TLS-only by design)', () => {
    app.template(app.stacks.data).hasResourceProperties('AWS::ElastiCache::ServerlessCache', {
      Engine: 'valkey',
    });
  });

  it('has on-demand, encrypted DynamoDB tables with point-in-time recovery', () => {
    const tables = Object.values(resources(app.template(app.stacks.data), 'AWS::DynamoDB::Table'));
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const table of tables) {
      expect(table.Properties).toMatchObject({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      });
    }
  });

  it('runs the migrator on deploy, before the API stack', () => {
    app.template(app.stacks.data).resourceCountIs('Custom::Trigger', 1);
    const deps = app.assembly.getStackByName(app.stacks.api.stackName).dependencies.map((d) => d.id);
    expect(deps).toContain(app.stacks.data.artifactId);
  });

  it('dev data stores are disposable', () => {
    const data = app.template(app.stacks.data);
    expect(Object.values(resources(data, 'AWS::RDS::DBCluster'))[0]?.DeletionPolicy).toBe('Delete');
  });

  it('generates the data key secret and lets only the functions that seal or open secrets read it, by ARN', () => {
    app.template(app.stacks.data).hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'halooid/dev/data-encryption-keys',
      GenerateSecretString: Match.objectLike({
        SecretStringTemplate: '{"id":"k1"}',
        GenerateStringKey: 'material',
        PasswordLength: 64,
        ExcludePunctuation: true,
      }),
    });
    const all = [
      ...[...app.stacks.api.functions.values()].map(({ fn }) => fn),
      ...app.stacks.events.subscribers.map(({ fn }) => fn),
      ...[...app.stacks.events.jobs.values()].map(({ fn }) => fn),
      app.stacks.data.migrator,
    ];
    const readers = all.filter((fn) => {
      const { props, statements } = lambdaOf(fn);
      expect(props.Environment.Variables, fn.serviceName).not.toHaveProperty('DATA_ENCRYPTION_KEYS');
      const arn = props.Environment.Variables.DATA_ENCRYPTION_KEYS_SECRET_ARN;
      const grant = statements.find(
        (s) =>
          actions([s]).includes('secretsmanager:GetSecretValue') &&
          /DataKeys/.test(JSON.stringify(s.Resource)),
      );
      expect(Boolean(grant), fn.serviceName).toBe(arn !== undefined);
      if (grant) expect(grant.Resource).toEqual(arn); // that one secret, no wildcard
      return grant !== undefined;
    });
    // Webhook signing secrets; Qultrix compensation and identifiers (the employee record and the
    // timeline show today's compensation to those allowed); sign-in seals the tokens it holds back
    // while a user enrols in MFA.
    expect(readers.map((fn) => fn.serviceName).sort()).toEqual([
      'platform-auth',
      'platform-webhooks',
      'platform-webhooks-worker',
      'qultrix-compensation',
      'qultrix-employees',
      'qultrix-job-history',
    ]);
  });
});

describe('events', () => {
  const busArn = () => app.stacks.events.resolve(app.stacks.events.bus.eventBusArn);
  const busName = () => app.stacks.events.resolve(app.stacks.events.bus.eventBusName);
  const putEventsOnBus = (statements: Statement[]) =>
    statements.some(
      (s) =>
        actions([s]).includes('events:PutEvents') &&
        JSON.stringify(s.Resource).includes(logicalId(app.stacks.events.bus)),
    );

  it('archives every platform event on the bus', () => {
    app.template(app.stacks.events).hasResourceProperties('AWS::Events::Archive', {
      SourceArn: busArn(),
      EventPattern: { source: [{ prefix: 'halooid.' }] },
    });
  });

  it('runs one subscriber Lambda per capability with subscriptions: subscribers.ts handler, VPC, database, bus', () => {
    const expected = withSubscriptions(services);
    expect(expected.map(serviceName)).toEqual(
      expect.arrayContaining(['platform-notifications', 'platform-webhooks', 'fakeco-widgets']),
    );
    expect(app.stacks.events.subscribers.map((s) => serviceName(s.service))).toEqual(
      expected.map(serviceName),
    );
    const events = app.template(app.stacks.events);
    for (const { service, fn, failedRuns } of app.stacks.events.subscribers) {
      const { props, statements } = lambdaOf(fn);
      expect(props.FunctionName).toBe(`halooid-dev-${serviceName(service)}-subscribers`);
      expect(props.Handler).toBe('index.handler');
      expect(props.VpcConfig).toBeDefined();
      expect(props.Environment.Variables).toMatchObject({
        DB_USER: 'halooid_request_login',
        DB_NAME: 'halooid',
        EVENT_BUS_NAME: busName(),
      });
      expect(actions(statements)).toContain('rds-db:connect');
      // Consumers run in the event's tenant transaction: the request login, never the worker's.
      expect(JSON.stringify(statements)).toContain('/halooid_request_login');
      expect(JSON.stringify(statements)).not.toContain('halooid_worker_login');
      expect(putEventsOnBus(statements)).toBe(true);
      // A run that throws: two Lambda retries, then its failed-runs queue.
      events.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalId(fn) },
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(failedRuns), 'Arn'] } } },
      });
    }
  });

  it('has one rule per subscription: its pattern, its subscriber with the named input, 24 h retries and a DLQ', () => {
    const events = app.template(app.stacks.events);
    const rules = resources(events, 'AWS::Events::Rule');
    const subscriptions = services.flatMap((s) =>
      (s.subscriptions ?? []).map((sub) => ({ service: s, sub })),
    );
    expect(Object.keys(rules)).toHaveLength(subscriptions.length);
    const queuePolicies = Object.values(resources(events, 'AWS::SQS::QueuePolicy'));
    for (const { service, sub } of subscriptions) {
      const name = `halooid-dev-${serviceName(service)}-${sub.name}`;
      const [ruleId, rule] = Object.entries(rules).find(([, r]) => r.Properties.Name === name) ?? [];
      expect(rule, name).toBeDefined();
      expect(rule?.Properties.EventBusName).toEqual({ Ref: logicalId(app.stacks.events.bus) });
      expect(rule?.Properties.EventPattern).toEqual(sub.pattern);
      const subscriber = app.stacks.events.subscribers.find((s) => s.service === service);
      const targets = rule?.Properties.Targets as {
        Arn: unknown;
        InputTransformer: { InputTemplate: string; InputPathsMap?: unknown };
        RetryPolicy: unknown;
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [string, string] } };
      }[];
      expect(targets).toHaveLength(1);
      const [target] = targets;
      expect(target?.Arn).toEqual({ 'Fn::GetAtt': [logicalId(subscriber?.fn as HouseFunction), 'Arn'] });
      expect(target?.InputTransformer).toEqual({
        InputTemplate: `{"subscription":"${sub.name}","event":<aws.events.event.json>}`,
      });
      expect(target?.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 });
      const dlqId = target?.DeadLetterConfig.Arn['Fn::GetAtt'][0] as string;
      expect(events.toJSON().Resources[dlqId].Type).toBe('AWS::SQS::Queue');
      // EventBridge may send to that DLQ, from this rule only.
      const sends = queuePolicies
        .flatMap((p) => (p.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement)
        .filter((s) => JSON.stringify(s.Resource).includes(dlqId) && s.Effect === 'Allow');
      expect(sends).toContainEqual(
        expect.objectContaining({
          Action: 'sqs:SendMessage',
          Principal: { Service: 'events.amazonaws.com' },
          Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
        }),
      );
    }
  });

  it("gives the notifications subscriber one rule per product notification rule, with the product's pattern", () => {
    const rules = Object.values(resources(app.template(app.stacks.events), 'AWS::Events::Rule'));
    const declared = PRODUCTS.flatMap((product) => product.notifications ?? []);

    expect(declared.map((rule) => rule.name)).toContain('notify-task-assignee');
    for (const rule of declared) {
      const name = `halooid-dev-platform-notifications-${rule.name}`;
      expect(rules.find((r) => r.Properties.Name === name)?.Properties.EventPattern, name).toEqual(
        rule.pattern,
      );
    }
  });

  it("hands createSubscriberHandler exactly the input shape it expects (the envelope is the event's detail)", async () => {
    const envelope = { id: '0193a000-0000-7000-8000-000000000001', type: 'task.assigned', data: {} };
    const busEvent = {
      version: '0',
      id: 'eb-1',
      'detail-type': 'task.assigned',
      source: 'halooid.taskodex',
      account: '123456789012',
      time: '2026-01-01T12:00:00Z',
      region: 'eu-west-1',
      resources: [],
      detail: envelope,
    };
    const received: unknown[] = [];
    const consumer: EventConsumer = {
      name: 'fake',
      consume: async (raw) => {
        received.push(raw);
        return 'processed';
      },
    };
    const service = {
      ...widgetsService,
      subscriptions: [
        { name: 'first', pattern: { source: ['nothing-matches'] }, handler: 'fake' },
        { name: 'second', pattern: { source: ['nothing-matches'] }, handler: 'fake' },
      ],
    };
    const handler = createSubscriberHandler(service, { fake: consumer });
    // What EventBridge substitutes for <aws.events.event.json>: the whole event, detail included.
    const input = JSON.parse(
      subscriberInput({ name: 'second' }).replace('<aws.events.event.json>', JSON.stringify(busEvent)),
    );
    await expect(handler(input)).resolves.toEqual({ results: { second: 'processed' } });
    expect(received).toEqual([envelope]);
  });

  it('schedules the outbox relay and the webhook worker every minute, each with the database', () => {
    const events = app.template(app.stacks.events);
    const schedules = Object.values(resources(events, 'AWS::Scheduler::Schedule'));
    const relayFn = app.stacks.events.job('platform-outbox-relay').fn;
    const workerFn = app.stacks.events.job('platform-webhooks-worker').fn;
    for (const fn of [relayFn, workerFn]) {
      const schedule = schedules.find(
        (s) =>
          JSON.stringify((s.Properties.Target as { Arn: unknown }).Arn) ===
          JSON.stringify({ 'Fn::GetAtt': [logicalId(fn), 'Arn'] }),
      );
      expect(schedule?.Properties, fn.serviceName).toMatchObject({
        ScheduleExpression: 'rate(1 minute)',
        State: 'ENABLED',
        Target: { RetryPolicy: { MaximumRetryAttempts: 0 } },
      });
      const { props, statements } = lambdaOf(fn);
      expect(props.Handler).toBe('index.handler');
      expect(props.VpcConfig).toBeDefined();
      // They run as halooid_worker across tenants: the worker login, and IAM connect for it alone.
      expect(props.Environment.Variables).toMatchObject({ DB_USER: 'halooid_worker_login' });
      expect(actions(statements)).toContain('rds-db:connect');
      expect(JSON.stringify(statements)).toContain('/halooid_worker_login');
      expect(JSON.stringify(statements)).not.toContain('halooid_request_login');
      // The schedule is the retry: Lambda does not run a failed minute again.
      events.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: logicalId(fn) },
        MaximumRetryAttempts: 0,
      });
    }
    const relay = lambdaOf(relayFn);
    expect(relay.props.FunctionName).toBe('halooid-dev-platform-outbox-relay');
    expect(relay.props.Environment.Variables.EVENT_BUS_NAME).toEqual(busName());
    expect(putEventsOnBus(relay.statements)).toBe(true);
    const worker = lambdaOf(workerFn);
    expect(worker.props.FunctionName).toBe('halooid-dev-platform-webhooks-worker');
    expect(worker.props.Timeout).toBe(70);
    const dueSoon = lambdaOf(app.stacks.events.job('taskodex-due-soon').fn);
    expect(dueSoon.props.Environment.Variables).toMatchObject({ DB_USER: 'halooid_worker_login' });
    expect(JSON.stringify(dueSoon.statements)).toContain('/halooid_worker_login');
  });

  it("gives any product's scheduled job a function, its schedule and alarms, with no infra edit", () => {
    const tick = app.stacks.events.job('fakeco-tick');
    const { props } = lambdaOf(tick.fn);
    const obs = app.template(app.stacks.observability);
    const alarmsOf = (fn: HouseFunction) =>
      Object.values(resources(obs, 'AWS::CloudWatch::Alarm'))
        .map((alarm) => String(alarm.Properties.AlarmDescription))
        .filter(
          (description) =>
            description.startsWith(`${fn.serviceName}:`) || description.startsWith(`${fn.serviceName} `),
        );

    expect(props.FunctionName).toBe('halooid-dev-fakeco-tick');
    expect(props.Environment.Variables).toMatchObject({ DB_USER: 'halooid_request_login' });
    expect(props.Environment.Variables.EVENT_BUS_NAME).toBeUndefined();
    app.template(app.stacks.events).hasResourceProperties('AWS::Scheduler::Schedule', {
      Name: 'halooid-dev-fakeco-tick',
      ScheduleExpression: 'rate(5 minutes)',
      ScheduleExpressionTimezone: 'Etc/UTC',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [logicalId(tick.fn), 'Arn'] } }),
    });
    expect(alarmsOf(tick.fn)).toHaveLength(3);
    // Due-soon is alarmed like every job; the webhook worker polls by design, so no p99 alarm.
    expect(alarmsOf(app.stacks.events.job('taskodex-due-soon').fn)).toHaveLength(3);
    expect(alarmsOf(app.stacks.events.job('platform-webhooks-worker').fn)).toHaveLength(2);
  });

  it('lets RDS Proxy sign in as both logins', () => {
    const data = app.template(app.stacks.data);
    const proxyPolicies = JSON.stringify(resources(data, 'AWS::IAM::Policy'));
    expect(proxyPolicies).toContain('/halooid_request_login');
    expect(proxyPolicies).toContain('/halooid_worker_login');
  });

  it('puts the webhook worker in the private subnets that reach the internet through NAT', () => {
    const worker = lambdaOf(app.stacks.events.job('platform-webhooks-worker').fn);
    const network = app.template(app.stacks.network);
    const natRoutes = Object.entries(resources(network, 'AWS::EC2::Route')).filter(
      ([, route]) => route.Properties.NatGatewayId,
    );
    expect(natRoutes.length).toBeGreaterThan(0);
    // The "app" (PRIVATE_WITH_EGRESS) subnets are the ones whose default route is the NAT gateway.
    expect(natRoutes.every(([id]) => id.startsWith('Vpcapp'))).toBe(true);
    expect(JSON.stringify(worker.props.VpcConfig?.SubnetIds)).toMatch(/Vpcapp/);
    expect(JSON.stringify(worker.props.VpcConfig?.SubnetIds)).not.toMatch(/Vpcdata|Vpcpublic/);
  });

  it('gives EVENT_BUS_NAME and events:PutEvents on the bus to the functions that emit, and to no other API function', () => {
    const emitting = services.filter((s) => s.emits?.length);
    expect(emitting.map(serviceName)).toContain('taskodex-tasks');
    for (const { service, fn } of app.stacks.api.functions.values()) {
      const { props, statements } = lambdaOf(fn);
      const emits = Boolean(service.emits?.length);
      expect(props.Environment.Variables.EVENT_BUS_NAME !== undefined, serviceName(service)).toBe(emits);
      expect(actions(statements).includes('events:PutEvents'), serviceName(service)).toBe(emits);
      if (emits) {
        expect(JSON.stringify(props.Environment.Variables.EVENT_BUS_NAME)).toContain(
          app.stacks.events.stackName,
        );
        const put = statements.find((s) => actions([s]).includes('events:PutEvents'));
        expect(JSON.stringify(put?.Resource)).toContain(app.stacks.events.stackName);
        expect(JSON.stringify(put?.Resource)).toContain(logicalId(app.stacks.events.bus));
      }
    }
  });
});

describe('stack layout', () => {
  /** CloudFormation refuses a template over 500 resources; fail here, with room to spare, before AWS does. */
  const LIMIT = 450;

  it(`keeps every stack, nested ones included, under ${LIMIT} resources and 180 outputs and parameters`, () => {
    const stacks = [...Object.values(app.stacks), ...app.stacks.api.productStacks.values()];
    for (const stack of stacks) {
      const template = app.template(stack).toJSON();
      const count = (section: string) => Object.keys(template[section] ?? {}).length;
      const where = `${stack.node.path}: ${count('Resources')} resources, ${count('Outputs')} outputs, ${count('Parameters')} parameters`;
      expect(count('Resources'), where).toBeLessThanOrEqual(LIMIT);
      // CloudFormation's limit is 200 each; cross-stack references (function names for alarms) add outputs.
      expect(count('Outputs'), where).toBeLessThanOrEqual(180);
      expect(count('Parameters'), where).toBeLessThanOrEqual(180);
    }
  });

  it("puts each product's capabilities in its own nested stack and keeps the platform's in the API stack", () => {
    expect([...app.stacks.api.productStacks.keys()].sort()).toEqual(
      products
        .map((p) => p.key)
        .filter((key) => key !== 'platform')
        .sort(),
    );
    for (const { service, fn } of app.stacks.api.functions.values()) {
      // A capability with routes outside /v1/<product> (AdminHub's /v1/operator/* ones) mounts them from the parent.
      const home = ownsNestedStack(service)
        ? app.stacks.api.productStacks.get(service.product)
        : app.stacks.api;
      // Compared by id: a failing toBe on two stacks would try to print their whole construct trees.
      expect(Stack.of(fn).node.path, serviceName(service)).toBe(home?.node.path);
    }
    expect(
      ownsNestedStack(
        services.find((s) => serviceName(s) === 'adminhub-operator-tenants') as ServiceManifest,
      ),
    ).toBe(false);
    // `/v1/<product>` exists once, in the parent: the product stack only adds below it.
    for (const [product, stack] of app.stacks.api.productStacks) {
      const paths = Object.values(resources(app.template(stack), 'AWS::ApiGateway::Resource')).map(
        (r) => r.Properties.PathPart,
      );
      expect(paths, product).not.toContain(product);
      expect(paths, product).not.toContain('v1');
    }
    const topLevel = Object.values(resources(api, 'AWS::ApiGateway::Resource')).map(
      (r) => r.Properties.PathPart,
    );
    for (const key of app.stacks.api.productStacks.keys())
      expect(topLevel.filter((p) => p === key)).toHaveLength(1);
  });

  it('deploys the API once, after every product stack, to the stage the usage plans and WAF use', () => {
    const deployments = Object.entries(resources(api, 'AWS::ApiGateway::Deployment'));
    expect(deployments).toHaveLength(1);
    const [deploymentId] = deployments[0] as [string, unknown];
    const raw = api.toJSON().Resources[deploymentId] as { DependsOn?: string[] };
    for (const stack of app.stacks.api.productStacks.values()) {
      expect(raw.DependsOn, stack.node.id).toContain(logicalId(stack.nestedStackResource as CfnElement));
    }
    api.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'dev',
      DeploymentId: { Ref: deploymentId },
    });
    expect(app.stacks.api.api.deploymentStage).toBe(app.stacks.api.stage);
  });

  it('changes the deployment logical id when a route changes', () => {
    const deploymentIdOf = (list: typeof products) => {
      const other = synthesize({ stage: 'dev', bundle: false, products: list });
      try {
        return Object.keys(resources(other.template(other.stacks.api), 'AWS::ApiGateway::Deployment'))[0];
      } finally {
        other.dispose();
      }
    };
    const renamed = {
      ...fakecoProduct,
      capabilities: [
        {
          ...widgetsService,
          routes: widgetsService.routes.map((r) => ({ ...r, path: `${r.path}-renamed` })),
        },
      ],
    };
    const current = Object.keys(resources(api, 'AWS::ApiGateway::Deployment'))[0];
    expect(current).toMatch(/^ApiDeployment[0-9A-F]+/);
    expect(deploymentIdOf([...PRODUCTS, renamed])).not.toBe(current);
  }, 240_000);
});

describe('web', () => {
  it('routes /v1/* to the API and everything else to the private bucket', () => {
    const web = app.template(app.stacks.web);
    const [distribution] = Object.values(resources(web, 'AWS::CloudFront::Distribution'));
    const config = distribution?.Properties.DistributionConfig as {
      CacheBehaviors: { PathPattern: string; TargetOriginId: string }[];
      Origins: {
        Id: string;
        DomainName: unknown;
        S3OriginConfig?: object;
        OriginAccessControlId?: unknown;
      }[];
      DefaultCacheBehavior: { TargetOriginId: string; ResponseHeadersPolicyId: unknown };
    };
    const v1 = config.CacheBehaviors.find((b) => b.PathPattern === '/v1/*');
    const apiOrigin = config.Origins.find((o) => o.Id === v1?.TargetOriginId);
    expect(JSON.stringify(apiOrigin?.DomainName)).toContain(app.stacks.api.stackName);
    const siteOrigin = config.Origins.find((o) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(siteOrigin?.OriginAccessControlId).toBeDefined();
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toBeDefined();
    web.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: Match.objectLike({
        BlockPublicAcls: true,
        RestrictPublicBuckets: true,
      }),
    });
  });

  it('adds the origin-verify header to every API request, valued from the secret WAF checks', () => {
    const web = app.template(app.stacks.web);
    const [distribution] = Object.values(resources(web, 'AWS::CloudFront::Distribution'));
    const config = distribution?.Properties.DistributionConfig as {
      CacheBehaviors: { PathPattern: string; TargetOriginId: string }[];
      Origins: {
        Id: string;
        CustomOriginConfig?: object;
        OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
      }[];
    };
    const v1 = config.CacheBehaviors.find((b) => b.PathPattern === '/v1/*');
    const apiOrigin = config.Origins.find((o) => o.Id === v1?.TargetOriginId);
    const header = apiOrigin?.OriginCustomHeaders?.find((h) => h.HeaderName === 'x-origin-verify');

    const value = JSON.stringify(header?.HeaderValue);
    expect(value).toContain('{{resolve:secretsmanager:');
    expect(value).toContain(':SecretString:current::}}');
    // The same secret as the WAF rule's: the API stack's, passed across as its output.
    expect(value).toContain(app.stacks.api.stackName);
    expect(value).toContain('OriginVerifySecret');
    // The site bucket gets no such header: only the API checks it.
    const siteOrigins = config.Origins.filter((o) => o.Id !== v1?.TargetOriginId);
    expect(siteOrigins.every((o) => !o.OriginCustomHeaders?.length)).toBe(true);
  });

  it("sets the viewer-IP header from CloudFront's own view of the viewer on every /v1/* request", () => {
    const web = app.template(app.stacks.web);
    const [distribution] = Object.values(resources(web, 'AWS::CloudFront::Distribution'));
    const config = distribution?.Properties.DistributionConfig as {
      CacheBehaviors: {
        PathPattern: string;
        FunctionAssociations?: { EventType: string; FunctionARN: { 'Fn::GetAtt': [string, string] } }[];
      }[];
    };
    const v1 = config.CacheBehaviors.find((b) => b.PathPattern === '/v1/*');
    const association = v1?.FunctionAssociations?.find((a) => a.EventType === 'viewer-request');
    const fnId = association?.FunctionARN['Fn::GetAtt'][0] ?? '';
    const code = String(web.toJSON().Resources[fnId]?.Properties.FunctionCode);

    // Assigned, not appended: a value the client sent under that name is overwritten.
    expect(code).toContain("r.headers['x-halooid-viewer-ip'] = { value: event.viewer.ip }");
    expect(code).not.toMatch(/x-forwarded-for/i);
  });
});

describe('observability', () => {
  it('has a dashboard per product and alarms that notify the topic', () => {
    const obs = app.template(app.stacks.observability);
    const products = new Set(services.map((s) => s.product));
    obs.resourceCountIs('AWS::CloudWatch::Dashboard', products.size);
    const alarms = Object.values(resources(obs, 'AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });

  it("alarms on each product's 5xx rate and on Aurora connections", () => {
    const obs = app.template(app.stacks.observability);
    const alarms = resources(obs, 'AWS::CloudWatch::Alarm');
    const products = [...new Set(services.map((s) => s.product))];
    for (const product of products) {
      const rate = Object.entries(alarms).find(([id]) => id.startsWith(`${product}ServerErrorRate`));
      expect(rate, product).toBeDefined();
      const metrics = rate?.[1].Properties.Metrics as { Expression?: string; MetricStat?: unknown }[];
      expect(metrics.some((m) => m.Expression?.includes('100 * FILL(errors, 0) / requests'))).toBe(true);
      expect(JSON.stringify(metrics)).toContain(`"Value":"${product}"`);
    }
    const connections = Object.entries(alarms).find(([id]) => id.startsWith('AuroraConnectionsHigh'));
    expect(connections?.[1].Properties).toMatchObject({ MetricName: 'DatabaseConnections', Threshold: 360 });
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('leaves no unacknowledged error in any stack', () => {
    for (const stack of Object.values(app.stacks)) expect(app.nag(stack).errors, stack.stackName).toEqual([]);
  });
});
