import path from 'node:path';
import type { ProductManifest } from '@halooid/shared/product';
import { type App, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { REPO_ROOT } from './paths';
import { ApiStack } from './stacks/api-stack';
import { DataStack } from './stacks/data-stack';
import { EventsStack } from './stacks/events-stack';
import { type EntryResolver, FunctionFactory } from './stacks/function-factory';
import { IdentityStack } from './stacks/identity-stack';
import { NetworkStack } from './stacks/network-stack';
import { ObservabilityStack } from './stacks/observability-stack';
import { WebStack } from './stacks/web-stack';
import { stageConfig } from './stage';

export interface HalooidAppOptions {
  /** `dev` or `prod` (`--context stage=...`). */
  stage: string;
  /** The product list: functions/registry.ts PRODUCTS, plus fakes in tests. */
  products: readonly ProductManifest[];
  /** Where a product's files live (default functions/<product>/). */
  entry?: EntryResolver;
  /** The static web build; uploaded only when the folder exists (default web/build). */
  webBuildDir?: string;
  /** Changes on every `npm run deploy` so the migration trigger runs each time. */
  deployId?: string;
  enforceUsagePlans?: boolean;
  alarmEmail?: string;
  /** The sender of the platform's own email (security alerts), a verified SES identity: `Halooid <alerts@example.com>`. */
  mailFrom?: string;
  cognitoDomainPrefix?: string;
  /** Omitted: environment-agnostic stacks, deployed to the account and region of the caller's credentials. */
  env?: Environment;
  /** The origin-verify secret version to resolve (rotation deploys name it; docs/deploy.md). */
  originVerifyVersion?: string;
  /** During an origin-verify rotation: WAF accepts the previous value as well as the current one. */
  originVerifyAcceptPrevious?: boolean;
}

export interface HalooidStacks {
  network: NetworkStack;
  data: DataStack;
  identity: IdentityStack;
  events: EventsStack;
  api: ApiStack;
  web: WebStack;
  observability: ObservabilityStack;
}

/** Reads the app's options from `--context key=value` (and cdk.json). */
export function optionsFromContext(app: App): Omit<HalooidAppOptions, 'products'> {
  const context = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  return {
    stage: context('stage') ?? 'dev',
    deployId: context('deployId'),
    enforceUsagePlans: context('enforceUsagePlans') === 'true',
    alarmEmail: context('alarmEmail'),
    mailFrom: context('mailFrom'),
    cognitoDomainPrefix: context('cognitoDomainPrefix'),
    webBuildDir: context('webBuildDir'),
    originVerifyVersion: context('originVerifyVersion'),
    originVerifyAcceptPrevious: context('originVerifyAcceptPrevious') === 'true',
  };
}

/**
 * Builds every Halooid stack of one stage into `app`, from the manifests:
 * network → data → identity → events → api → web → observability, with
 * cdk-nag's AwsSolutions checks on all of them.
 */
export function buildHalooid(app: App, options: HalooidAppOptions): HalooidStacks {
  const stage = stageConfig(options.stage);
  const prefix = `Halooid-${stage.name === 'prod' ? 'Prod' : 'Dev'}`;
  const common = { env: options.env, stage };
  const describe = (what: string) => `Halooid ${stage.name}: ${what}`;

  const network = new NetworkStack(app, `${prefix}-Network`, {
    ...common,
    description: describe('VPC, endpoints, security groups'),
  });
  const data = new DataStack(app, `${prefix}-Data`, {
    ...common,
    description: describe('Aurora Serverless v2 + RDS Proxy, ElastiCache Serverless, DynamoDB, migrations'),
    network,
    deployId: options.deployId ?? 'synth',
  });
  const identity = new IdentityStack(app, `${prefix}-Identity`, {
    ...common,
    description: describe('Cognito user pool and app clients'),
    domainPrefix: options.cognitoDomainPrefix,
  });
  const functions = new FunctionFactory({
    stage,
    network,
    data,
    identity,
    entry: options.entry,
    mailFrom: options.mailFrom,
  });
  const events = new EventsStack(app, `${prefix}-Events`, {
    ...common,
    description: describe("EventBridge bus, archive, subscriptions, every product's scheduled jobs"),
    products: options.products,
    functions,
  });
  const api = new ApiStack(app, `${prefix}-Api`, {
    ...common,
    description: describe('REST API, authorizer, capability functions, usage plans, WAF'),
    services: options.products.flatMap((product) => product.capabilities),
    functions,
    bus: events.bus,
    enforceUsagePlans: options.enforceUsagePlans ?? false,
    originVerify: {
      versionId: options.originVerifyVersion,
      acceptPrevious: options.originVerifyAcceptPrevious ?? false,
    },
  });
  // Migrations (a trigger in the data stack) finish before any API function changes.
  api.addStackDependency(data, 'migrations run before the API functions update');
  const web = new WebStack(app, `${prefix}-Web`, {
    ...common,
    description: describe('CloudFront + S3 web app, /v1/* to the API'),
    api: api.api,
    originVerify: api.originVerify,
    webBuildDir: options.webBuildDir ?? path.join(REPO_ROOT, 'web', 'build'),
  });
  const observability = new ObservabilityStack(app, `${prefix}-Observability`, {
    ...common,
    description: describe('dashboards and alarms'),
    api,
    data,
    events,
    alarmEmail: options.alarmEmail,
  });

  Tags.of(app).add('project', 'halooid');
  Tags.of(app).add('stage', stage.name);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { network, data, identity, events, api, web, observability };
}
