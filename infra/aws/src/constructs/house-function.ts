import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { LAMBDA_BUNDLE_OPTIONS } from '@halooid/local/lambda-bundle';
import { tableVariable } from '@halooid/shared/config';
import { AssetHashType, Aws, DockerImage, Duration } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as rds from 'aws-cdk-lib/aws-rds';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { REPO_ROOT } from '../paths';
import type { StageConfig } from '../stage';
import { suppress } from './nag';

/** ESM bundles still meet CommonJS dependencies that call require(); the banner of every bundle. */
export const ESM_REQUIRE_BANNER = LAMBDA_BUNDLE_OPTIONS.banner.js;

/** Shell commands run around bundling, given the repository root and the asset directory. */
export interface BundlingHooks {
  beforeBundling?(inputDir: string, outputDir: string): string[];
  afterBundling?(inputDir: string, outputDir: string): string[];
  /** Accepted for NodejsFunction's hook shape; nothing is installed (every dependency is bundled). */
  beforeInstall?(inputDir: string, outputDir: string): string[];
}

/**
 * The Cognito API calls a capability with `resources.cognito` may make, on its
 * own pool only. InitiateAuth (the login flow) is unauthenticated and needs no
 * IAM permission; the admin calls are what user and tenant management use.
 */
export const COGNITO_ACTIONS = [
  'cognito-idp:DescribeUserPool',
  'cognito-idp:ListUsers',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminResetUserPassword',
  'cognito-idp:AdminSetUserMFAPreference',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:AdminInitiateAuth',
  'cognito-idp:AdminRespondToAuthChallenge',
] as const;

/** Item-level DynamoDB access: no table management, no streams, no exports. */
export const TABLE_DATA_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:DescribeTable',
];

export interface DatabaseBinding {
  proxy: rds.IDatabaseProxy;
  databaseName: string;
  /** The IAM-auth login (shared/src/db/logins.ts): the request login, or the worker login for cross-tenant jobs. */
  user: string;
}

export interface CacheBinding {
  /** `rediss://host:port`: ElastiCache Serverless always speaks TLS. */
  url: string;
}

export interface UserPoolBinding {
  userPool: cognito.IUserPool;
  /** The app client whose tokens the API accepts. */
  clientId: string;
}

export interface HouseFunctionProps {
  stage: StageConfig;
  /** `<product>-<capability>`: Lambda name suffix, Powertools service name, dashboard label. */
  serviceName: string;
  entry: string;
  /** Export of `entry` to run (default `handler`). */
  handler?: string;
  description?: string;
  timeout?: Duration;
  memorySize?: number;
  environment?: Record<string, string>;
  /** Set for functions that reach Aurora or ElastiCache. */
  vpc?: ec2.IVpc;
  securityGroups?: ec2.ISecurityGroup[];
  commandHooks?: BundlingHooks;
}

/**
 * The house Lambda: Node.js 22 on arm64, bundled by the local esbuild (never
 * Docker) with the settings of `npm run build` (infra/local/src/lambda-bundle.ts:
 * minified, tree-shaken ESM with source maps and code splitting, so what is
 * only imported on demand, like the Redis client, is a chunk the cold start
 * never reads), the AWS SDK left to the runtime, X-Ray on, Powertools configured, and a log group
 * with the stage's retention. Access is added with the `bind*` helpers, each
 * granting exactly what that resource needs and setting its environment.
 */
export class HouseFunction extends lambda.Function {
  readonly serviceName: string;
  /** The source file bundled into it (`npm run build` must bundle the same one: build-parity.test.ts). */
  readonly entry: string;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    const stage = props.stage;
    const logGroup = new logs.LogGroup(scope, `${id}Logs`, {
      retention: stage.logRetention,
      removalPolicy: stage.dataRemovalPolicy,
    });
    super(scope, id, {
      functionName: `halooid-${stage.name}-${props.serviceName}`,
      description: props.description?.slice(0, 256),
      code: bundledCode(props.entry, props.commandHooks),
      handler: `index.${props.handler ?? 'handler'}`,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      // Under API Gateway's 29 s integration timeout, so a slow call is logged as a Lambda timeout.
      timeout: props.timeout ?? Duration.seconds(28),
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      vpc: props.vpc,
      vpcSubnets: props.vpc ? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } : undefined,
      securityGroups: props.securityGroups,
      environment: {
        STAGE: stage.name,
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_METRICS_NAMESPACE: 'Halooid',
        POWERTOOLS_LOG_LEVEL: stage.isProd ? 'INFO' : 'DEBUG',
        // The runtime's CA bundle includes the RDS CAs: TLS to RDS Proxy verifies.
        NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
    });
    this.serviceName = props.serviceName;
    this.entry = props.entry;

    suppress(this, [
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'AWSLambdaBasicExecutionRole (write to its own log group) and, for VPC functions, AWSLambdaVPCAccessExecutionRole (manage its ENIs) are the AWS-maintained minimum for a Lambda; neither reaches data.',
        appliesTo: [
          'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
          'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
        ],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions, so tracing needs Resource "*".',
        appliesTo: ['Resource::*'],
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'Pinned to nodejs22.x on purpose: the platform targets Node 22 (local Node 20/22 compatible code); moving to a newer runtime is a tracked upgrade, not a side effect of a CDK bump.',
      },
    ]);
  }

  /** Postgres through RDS Proxy with IAM auth: rds-db:connect for the binding's one login, no password anywhere. */
  bindDatabase(db: DatabaseBinding): this {
    db.proxy.grantConnect(this, db.user);
    this.addEnvironment('DB_HOST', db.proxy.endpoint);
    this.addEnvironment('DB_PORT', '5432');
    this.addEnvironment('DB_NAME', db.databaseName);
    this.addEnvironment('DB_USER', db.user);
    this.addEnvironment('DB_POOL_MAX', '2');
    return this;
  }

  /** ElastiCache Serverless: reachability is the security group; the URL carries no secret. */
  bindCache(cache: CacheBinding): this {
    this.addEnvironment('REDIS_URL', cache.url);
    return this;
  }

  /** Token verification settings; with `api` also the Cognito admin calls on this pool (no wildcard actions). */
  bindUserPool(identity: UserPoolBinding, options: { api: boolean }): this {
    this.addEnvironment('COGNITO_USER_POOL_ID', identity.userPool.userPoolId);
    this.addEnvironment('COGNITO_CLIENT_ID', identity.clientId);
    if (options.api) identity.userPool.grant(this, ...COGNITO_ACTIONS);
    return this;
  }

  /**
   * Item reads and writes on one table and its named indexes (listed ARNs, no
   * `index/*` wildcard); the table name is in `<LOGICAL_NAME>_TABLE` (e.g. API_KEYS_TABLE).
   */
  bindTable(logicalName: string, table: dynamodb.ITable, indexNames: readonly string[] = []): this {
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: TABLE_DATA_ACTIONS,
        resources: [table.tableArn, ...indexNames.map((index) => `${table.tableArn}/index/${index}`)],
      }),
    );
    this.addEnvironment(tableEnvName(logicalName), table.tableName);
    return this;
  }

  /** dynamodb:ListTables, which has no resource-level form: the health probe's reachability check. */
  /** CloudWatch GetMetricData, for the operators' health view (shared/src/metrics/cloudwatch-source.ts). */
  allowMetricsRead(): this {
    this.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['cloudwatch:GetMetricData'], resources: ['*'] }),
    );
    suppress(this, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          "cloudwatch:GetMetricData supports no resource-level permissions; it reads metrics only (the operators' health view).",
        appliesTo: ['Resource::*'],
      },
    ]);
    return this;
  }

  allowListTables(): this {
    this.addToRolePolicy(new iam.PolicyStatement({ actions: ['dynamodb:ListTables'], resources: ['*'] }));
    suppress(this, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'dynamodb:ListTables supports no resource-level permissions; it reveals table names only and is the health probe of the meta capability.',
        appliesTo: ['Resource::*'],
      },
    ]);
    return this;
  }

  /**
   * Read access to the data key secret (GetSecretValue on that secret only); the function gets its
   * ARN, never the value, and loads the keys once on first use (shared/src/crypto/data-keys.ts).
   */
  bindDataKeys(secret: secretsmanager.ISecret): this {
    secret.grantRead(this);
    this.addEnvironment('DATA_ENCRYPTION_KEYS_SECRET_ARN', secret.secretArn);
    return this;
  }

  /**
   * The files bucket (`resources.objectStore`): put, get (presigned links are signed with these
   * rights), list and delete under `tenants/` only, where every tenant's files live. The bucket
   * has a fixed name (filesBucketName), so its ARN is known here without a cross-stack reference
   * and the cdk-nag finding for `tenants/*` can be named exactly.
   */
  bindObjectStore(stageName: string): this {
    const name = filesBucketName(stageName);
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
        resources: [`arn:${Aws.PARTITION}:s3:::${name}/tenants/*`],
      }),
    );
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [`arn:${Aws.PARTITION}:s3:::${name}`],
        conditions: { StringLike: { 's3:prefix': ['tenants/*'] } },
      }),
    );
    this.addEnvironment('FILES_BUCKET', name);
    suppress(this, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          "Tenants' files are keyed tenants/<tenantId>/…: a function that exports or deletes any tenant needs the whole tenants/ prefix of the files bucket, and nothing else of it.",
        appliesTo: [
          `Resource::arn:<AWS::Partition>:s3:::halooid-${stageName}-files-<AWS::AccountId>/tenants/*`,
        ],
      },
    ]);
    return this;
  }

  /**
   * The platform's own email (`resources.mail`): SES v2 SendEmail as the sender's address or its
   * domain, whichever is the verified SES identity, and nothing else; MAIL_FROM names the sender.
   */
  bindMail(from: string): this {
    const address = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
    const domain = address.split('@')[1] ?? address;
    this.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [address, domain].map(
          (identity) => `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/${identity}`,
        ),
      }),
    );
    this.addEnvironment('MAIL_FROM', from);
    return this;
  }

  /** PutEvents on the platform bus only. */
  bindEventBus(bus: events.IEventBus): this {
    bus.grantPutEventsTo(this);
    this.addEnvironment('EVENT_BUS_NAME', bus.eventBusName);
    return this;
  }
}

/** The files bucket's name: fixed per stage and account (S3 names are global), so functions can name it. */
export function filesBucketName(stageName: string): string {
  return `halooid-${stageName}-files-${Aws.ACCOUNT_ID}`;
}

/** The variable a function reads the table's name from: the same rule the config reads it by. */
export const tableEnvName = tableVariable;

/**
 * The function's asset: a directory built by esbuild in-process at synth
 * (`index.mjs` plus chunks). NodejsFunction's bundling writes a single
 * `--outfile`, which rules out code splitting, hence our own call. Hashed by
 * output, so an unchanged bundle is not uploaded again. With
 * `aws:cdk:bundling-stacks` empty (tests that skip bundling) CDK never calls it.
 */
function bundledCode(entry: string, hooks: BundlingHooks | undefined): lambda.Code {
  const run = (commands: string[] | undefined) => {
    for (const command of commands ?? []) execFileSync('bash', ['-c', command], { stdio: 'inherit' });
  };
  return lambda.Code.fromAsset(path.dirname(entry), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling always answers (it throws rather than fall back to Docker).
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-slim'),
      local: {
        tryBundle(outputDir) {
          run(hooks?.beforeBundling?.(REPO_ROOT, outputDir));
          buildSync({
            ...LAMBDA_BUNDLE_OPTIONS,
            entryPoints: [entry],
            outdir: outputDir,
            sourcesContent: false,
            tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
            absWorkingDir: REPO_ROOT,
            logLevel: 'warning',
          });
          run(hooks?.afterBundling?.(REPO_ROOT, outputDir));
          return true;
        },
      },
    },
  });
}
