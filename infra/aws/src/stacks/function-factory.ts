import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ServiceManifest, ServiceResources } from '@halooid/shared/manifest';
import { OPERATOR, serviceName } from '@halooid/shared/manifest';
import type { ProductManifest, ScheduledJob } from '@halooid/shared/product';
import { Duration } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { HouseFunction } from '../constructs/house-function';
import { FUNCTIONS_DIR } from '../paths';
import type { StageConfig } from '../stage';
import { type DataStack, TABLES, type TableName, type TableSpec } from './data-stack';
import type { IdentityStack } from './identity-stack';
import type { NetworkStack } from './network-stack';

/**
 * Where a product's code lives: `file` is relative to its folder
 * (functions/<product>/), e.g. `tasks/handler.ts` or `due-soon/handler.ts`.
 */
export type EntryResolver = (product: string, file: string) => string;

export const defaultEntry: EntryResolver = (product, file) => path.join(FUNCTIONS_DIR, product, file);

/** The Lambda function name suffix of a product's scheduled job: `platform-outbox-relay`. */
export function jobName(product: Pick<ProductManifest, 'key'>, job: Pick<ScheduledJob, 'name'>): string {
  return `${product.key}-${job.name}`;
}

/** The authorizer is not an HTTP capability; these are the resources it uses. */
export const AUTHORIZER_RESOURCES: ServiceResources = {
  database: true,
  cache: true,
  tables: ['api-keys', 'revocations'],
};

export interface FunctionFactoryProps {
  stage: StageConfig;
  network: NetworkStack;
  data: DataStack;
  identity: IdentityStack;
  entry?: EntryResolver;
  /** The sender of the platform's own email (context `mailFrom`); unset, functions with `resources.mail` mail nothing. */
  mailFrom?: string;
}

/**
 * Turns a manifest's `resources` into a house function with exactly those
 * resources: VPC placement and security groups for Postgres and the cache,
 * rds-db:connect for one login (the request login; the worker login only for
 * the cross-tenant jobs below), Cognito admin actions on the pool,
 * read/write on the named tables. A new capability needs no code here.
 */
export class FunctionFactory {
  private readonly entry: EntryResolver;

  constructor(private readonly props: FunctionFactoryProps) {
    this.entry = props.entry ?? defaultEntry;
  }

  capability(scope: Construct, id: string, service: ServiceManifest): HouseFunction {
    return this.create(scope, id, {
      serviceName: serviceName(service),
      entry: this.entry(service.product, `${service.capability}/handler.ts`),
      description: service.description,
      resources: service.resources,
      // The operator console (every route OPERATOR) reads across tenants as halooid_operator (platform/0011).
      login:
        service.routes.length > 0 && service.routes.every((route) => route.permission === OPERATOR)
          ? 'operator'
          : 'request',
    });
  }

  authorizer(scope: Construct, id: string): HouseFunction {
    const fn = this.create(scope, id, {
      serviceName: 'platform-authorizer',
      entry: path.join(FUNCTIONS_DIR, 'platform', 'authorizer', 'handler.ts'),
      description: 'API Gateway REQUEST authorizer: token or API key → tenant permissions → policy',
      resources: AUTHORIZER_RESOURCES,
      timeout: Duration.seconds(10),
    });
    // Verifies access tokens against the pool's JWKS; makes no Cognito API calls.
    return fn.bindUserPool(this.props.identity.binding, { api: false });
  }

  /**
   * The capability's event subscriber: the `handler` export of its
   * subscribers.ts (createSubscriberHandler), target of every rule made from
   * its `subscriptions`. The consumer kernel writes platform.inbox, so it
   * always gets the database, whatever the HTTP side declares.
   */
  subscriber(
    scope: Construct,
    id: string,
    service: ServiceManifest,
    async: Pick<lambda.EventInvokeConfigOptions, 'onFailure' | 'retryAttempts' | 'maxEventAge'>,
  ): HouseFunction {
    const entry = this.entry(service.product, `${service.capability}/subscribers.ts`);
    if (!existsSync(entry)) {
      throw new Error(
        `${serviceName(service)} declares subscriptions (${(service.subscriptions ?? []).map((s) => s.name).join(', ')}) but ${entry} does not exist: export handler = createSubscriberHandler(service, consumers) there.`,
      );
    }
    const fn = this.create(scope, id, {
      serviceName: `${serviceName(service)}-subscribers`,
      entry,
      description: `${serviceName(service)} event subscriber (${(service.subscriptions ?? []).map((s) => s.name).join(', ')})`,
      // The data keys open stored secrets; no subscriber does that (webhooks' fan-out writes rows only).
      resources: { ...service.resources, database: true, dataKeys: false },
      timeout: Duration.seconds(60),
    });
    fn.configureAsyncInvoke(async);
    return fn;
  }

  /**
   * A product's scheduled job (its `schedules` in product.ts): the `handler`
   * export of its file, with the job's resources. Jobs that span tenants run
   * as halooid_worker, so they sign in as the worker login (platform/0007),
   * the only login that may become it.
   */
  job(scope: Construct, id: string, product: ProductManifest, job: ScheduledJob): HouseFunction {
    return this.scheduled(
      this.create(scope, id, {
        serviceName: jobName(product, job),
        entry: this.entry(product.key, job.handler),
        description: job.description,
        resources: job.resources,
        login: job.login,
        timeout: job.timeoutSeconds === undefined ? undefined : Duration.seconds(job.timeoutSeconds),
        memorySize: job.memorySize,
      }),
    );
  }

  /** A run that fails is not retried by Lambda: the next minute's run is the retry. */
  private scheduled(fn: HouseFunction): HouseFunction {
    fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(2) });
    return fn;
  }

  private create(
    scope: Construct,
    id: string,
    spec: {
      serviceName: string;
      entry: string;
      handler?: string;
      description: string;
      resources: ServiceResources;
      /** The database login: `request` unless the function runs cross-tenant jobs (halooid_worker) or the operator console (halooid_operator). */
      login?: 'request' | 'worker' | 'operator';
      timeout?: Duration;
      memorySize?: number;
    },
  ): HouseFunction {
    const { stage, network, data, identity } = this.props;
    const { resources } = spec;
    const securityGroups: ec2.ISecurityGroup[] = [];
    if (resources.database) securityGroups.push(network.databaseClientSg);
    if (resources.cache) securityGroups.push(network.cacheClientSg);
    const fn = new HouseFunction(scope, id, {
      stage,
      serviceName: spec.serviceName,
      entry: spec.entry,
      handler: spec.handler,
      description: spec.description,
      timeout: spec.timeout,
      memorySize: spec.memorySize,
      vpc: securityGroups.length > 0 ? network.vpc : undefined,
      securityGroups: securityGroups.length > 0 ? securityGroups : undefined,
    });
    if (resources.database) {
      const database = {
        worker: data.workerDatabase,
        operator: data.operatorDatabase,
        request: data.database,
      };
      fn.bindDatabase(database[spec.login ?? 'request']);
    }
    if (resources.cache) fn.bindCache(data.cache);
    if (resources.cognito) fn.bindUserPool(identity.binding, { api: true });
    if (resources.dataKeys) fn.bindDataKeys(data.dataKeys);
    if (resources.objectStore) fn.bindObjectStore(stage.name);
    if (resources.mail && this.props.mailFrom) fn.bindMail(this.props.mailFrom);
    if (resources.metrics) fn.allowMetricsRead();
    if (resources.tables) {
      for (const name of resources.tables) {
        const table = data.tables[name as TableName];
        if (!table) {
          throw new Error(
            `${spec.serviceName} asks for DynamoDB table "${name}", which the data stack does not define (known: ${Object.keys(data.tables).join(', ')}). Add it to TABLES in infra/aws/src/stacks/data-stack.ts.`,
          );
        }
        fn.bindTable(
          name,
          table,
          (TABLES[name as TableName] as TableSpec).indexes?.map((index) => index.name),
        );
      }
      fn.allowListTables();
    }
    return fn;
  }
}
