import { SERVICES } from '@halooid/functions/registry';
import { PUBLIC, serviceName } from '@halooid/shared/manifest';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { CfnMethod } from 'aws-cdk-lib/aws-apigateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_LIMIT_BYTES, bundleSizes } from './bundle-report';
import { type Synthesized, synthesize, widgetsService } from './testing/synth';

/**
 * The dev app synthesized once, bundles and all, from the real manifests plus
 * a fake capability that exists only in tests (./testing/fixtures): whatever
 * it gets (a Lambda, routes, a rule with a DLQ) proves a new manifest needs
 * no infrastructure code.
 */
const services = [...SERVICES, widgetsService];
let app: Synthesized;
let api: Template;

beforeAll(() => {
  app = synthesize({ stage: 'dev', services });
  api = app.template(app.stacks.api);
}, 240_000);

afterAll(() => app?.dispose());

type Resources = Record<
  string,
  { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string }
>;
const resources = (template: Template, type: string): Resources => template.findResources(type) as Resources;

describe('functions from the manifests', () => {
  it('creates one Lambda per capability, the fake one included, plus the authorizer', () => {
    const names = Object.values(resources(api, 'AWS::Lambda::Function')).map(
      (r) => r.Properties.FunctionName,
    );
    for (const service of services) expect(names).toContain(`halooid-dev-${serviceName(service)}`);
    expect(names).toContain('halooid-dev-fakeco-widgets');
    expect(names).toContain('halooid-dev-platform-authorizer');
    expect(app.stacks.api.functions.size).toBe(services.length);
  });

  it('runs every function on Node.js 22 arm64 with tracing and the Powertools environment', () => {
    for (const fn of Object.values(resources(api, 'AWS::Lambda::Function'))) {
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
    const tasks = Object.values(resources(api, 'AWS::Lambda::Function')).find(
      (fn) => fn.Properties.FunctionName === 'halooid-dev-taskodex-tasks',
    );
    expect(tasks?.Properties.VpcConfig).toBeDefined();
    expect(tasks?.Properties.Environment).toMatchObject({
      Variables: { DB_USER: 'halooid_app_login', DB_NAME: 'halooid', DB_PORT: '5432' },
    });
    const connect = JSON.stringify(resources(api, 'AWS::IAM::Policy')).match(/"rds-db:connect"/g) ?? [];
    expect(connect.length).toBeGreaterThan(0);
    expect(JSON.stringify(resources(api, 'AWS::IAM::Policy'))).toContain('/halooid_app_login');
  });

  it('gives cache users a TLS Redis URL of the serverless cache', () => {
    const meta = Object.values(resources(api, 'AWS::Lambda::Function')).find(
      (fn) => fn.Properties.FunctionName === 'halooid-dev-platform-meta',
    );
    expect(JSON.stringify(meta?.Properties.Environment)).toContain('rediss://');
  });

  it('grants no wildcard actions on data services', () => {
    for (const stack of Object.values(app.stacks)) {
      const policies = JSON.stringify(resources(app.template(stack), 'AWS::IAM::Policy'));
      expect(policies).not.toMatch(
        /"(dynamodb|rds-db|rds|cognito-idp|elasticache|secretsmanager|sqs|events|s3):\*"|"Action":"\*"/,
      );
    }
  });

  it('keeps every bundle under 1 MiB', () => {
    const sizes = bundleSizes(app.assembly);
    // Capabilities + authorizer + migrator + the fake subscriber.
    expect(sizes.length).toBe(services.length + 3);
    for (const size of sizes) expect(size.bytes, size.functionName).toBeLessThan(BUNDLE_LIMIT_BYTES);
  });
});

describe('API', () => {
  it('uses the authorizer on every method except health, openapi and auth', () => {
    const methods = app.stacks.api.api.methods.map((method) => ({
      key: `${method.httpMethod} ${method.resource.path}`,
      cfn: method.node.defaultChild as CfnMethod,
    }));
    const routes = services.flatMap((s) => s.routes);
    expect(methods).toHaveLength(routes.length);
    const authorizerId = app.stacks.api.resolve(app.stacks.api.authorizer.authorizerId);
    for (const { key, cfn } of methods) {
      const route = routes.find((r) => `${r.method} ${r.path}` === key);
      expect(route, key).toBeDefined();
      if (route?.permission === PUBLIC) {
        expect(key).toMatch(/ \/v1\/(health|openapi\.json|auth\/.+)$/);
        expect(cfn.authorizationType).toBe('NONE');
      } else {
        expect(cfn.authorizationType, key).toBe('CUSTOM');
        expect(app.stacks.api.resolve(cfn.authorizerId), key).toEqual(authorizerId);
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

  it('has usage plans for free, pro and enterprise with throttle and quota, keyed by the authorizer', () => {
    const plans = Object.values(resources(api, 'AWS::ApiGateway::UsagePlan'));
    expect(plans.map((p) => p.Properties.UsagePlanName).sort()).toEqual([
      'halooid-dev-enterprise',
      'halooid-dev-free',
      'halooid-dev-pro',
    ]);
    for (const plan of plans) {
      expect(plan.Properties.Throttle).toMatchObject({ RateLimit: expect.any(Number) });
      expect(plan.Properties.Quota).toMatchObject({ Period: 'DAY', Limit: expect.any(Number) });
    }
    api.hasResourceProperties('AWS::ApiGateway::RestApi', { ApiKeySourceType: 'AUTHORIZER' });
  });

  it('logs access and attaches a WAF with managed rule groups and a rate rule', () => {
    api.hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      TracingEnabled: true,
    });
    api.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ AggregateKeyType: 'IP' }) } }),
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
});

describe('events', () => {
  it('archives the bus', () => {
    app.template(app.stacks.events).resourceCountIs('AWS::Events::Archive', 1);
  });

  it('gives every subscription rule retries and an SQS dead-letter queue', () => {
    const events = app.template(app.stacks.events);
    const rules = Object.values(resources(events, 'AWS::Events::Rule')).filter(
      (rule) => rule.Properties.EventPattern,
    );
    const subscriptions = services.flatMap((s) => s.subscriptions ?? []);
    expect(subscriptions.length).toBeGreaterThan(0);
    expect(rules).toHaveLength(subscriptions.length);
    const queues = Object.keys(resources(events, 'AWS::SQS::Queue'));
    for (const rule of rules) {
      const targets = rule.Properties.Targets as {
        DeadLetterConfig?: { Arn: unknown };
        RetryPolicy?: object;
      }[];
      for (const target of targets) {
        expect(target.RetryPolicy).toBeDefined();
        const arn = JSON.stringify(target.DeadLetterConfig?.Arn);
        expect(queues.some((queue) => arn.includes(queue))).toBe(true);
      }
    }
  });
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
});

describe('cdk-nag AwsSolutions', () => {
  it('leaves no unacknowledged error in any stack', () => {
    for (const stack of Object.values(app.stacks)) expect(app.nag(stack).errors, stack.stackName).toEqual([]);
  });
});
