import {
  API_KEYS_TABLE,
  API_KEYS_TABLE_LOGICAL_NAME,
} from '@halooid/functions/platform/domain/api-key-table';
import { REVOCATIONS_TABLE } from '@halooid/shared/auth/revocations';
import { OPERATOR_LOGIN, REQUEST_LOGIN, WORKER_LOGIN } from '@halooid/shared/db/logins';
import { IDEMPOTENCY_TABLE } from '@halooid/shared/http/idempotency-store';
import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elasticache from 'aws-cdk-lib/aws-elasticache';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as triggers from 'aws-cdk-lib/triggers';
import type { Construct } from 'constructs';
import type { CacheBinding, DatabaseBinding } from '../constructs/house-function';
import { filesBucketName, HouseFunction } from '../constructs/house-function';
import { suppress } from '../constructs/nag';
import { FUNCTIONS_DIR } from '../paths';
import type { StageConfig } from '../stage';
import { pascal } from './events-stack';
import type { NetworkStack } from './network-stack';

export const DATABASE_NAME = 'halooid';
/** Request functions' login (platform/0002): can become halooid_app only; signs in with IAM tokens only. */
export const APP_DB_USER = REQUEST_LOGIN;
/** The cross-tenant jobs' login (platform/0007): can become halooid_worker; IAM tokens only. */
export const WORKER_DB_USER = WORKER_LOGIN;
/** The operator console's login (platform/0011): can become halooid_operator only; IAM tokens only. */
export const OPERATOR_DB_USER = OPERATOR_LOGIN;
const MASTER_USER = 'halooid_admin';

export interface TableSpec {
  partitionKey: string;
  ttl?: string;
  indexes?: readonly {
    name: string;
    partitionKey: { name: string };
    sortKey: { name: string };
    projection: { type: 'INCLUDE'; nonKeyAttributes: readonly string[] };
  }[];
}

/**
 * The DynamoDB tables, by the logical name manifests use in `resources.tables`.
 * Each is declared once by the code that uses it (API keys:
 * functions/platform/domain/api-key-table.ts; idempotency:
 * shared/src/http/idempotency-store.ts) and built from that declaration here.
 * A function gets the physical name in `<LOGICAL_NAME>_TABLE`, e.g. IDEMPOTENCY_TABLE.
 */
export const TABLES = {
  [API_KEYS_TABLE_LOGICAL_NAME]: {
    partitionKey: API_KEYS_TABLE.partitionKey.name,
    ttl: API_KEYS_TABLE.timeToLiveAttribute,
    indexes: API_KEYS_TABLE.indexes,
  },
  /** `Idempotency-Key` records of mutating requests, expired by TTL. */
  [IDEMPOTENCY_TABLE.logicalName]: {
    partitionKey: IDEMPOTENCY_TABLE.partitionKey,
    ttl: IDEMPOTENCY_TABLE.ttlAttribute,
  },
  /** Access-token revocations (user not-before, signed-out sessions), purged one token lifetime later. */
  [REVOCATIONS_TABLE.logicalName]: {
    partitionKey: REVOCATIONS_TABLE.partitionKey,
    ttl: REVOCATIONS_TABLE.ttlAttribute,
  },
} as const satisfies Record<string, TableSpec>;
export type TableName = keyof typeof TABLES;

export interface DataStackProps extends StackProps {
  stage: StageConfig;
  network: NetworkStack;
  /**
   * Changes the migrator's configuration so CDK's trigger runs it again.
   * `npm run deploy` passes a timestamp, so migrations run on every deploy;
   * a plain synth keeps it stable and its templates reproducible.
   */
  deployId: string;
}

/**
 * Aurora PostgreSQL Serverless v2 behind RDS Proxy (IAM auth end to end, TLS),
 * ElastiCache Serverless (Valkey, TLS), the DynamoDB tables, and the
 * migration function, run by a CDK trigger on deploy. The API stack depends
 * on this one, so migrations finish before any API function is updated.
 */
export class DataStack extends Stack {
  readonly cluster: rds.DatabaseCluster;
  readonly proxy: rds.DatabaseProxy;
  /** Postgres as the request login: API capabilities, the authorizer, event subscribers. */
  readonly database: DatabaseBinding;
  /** Postgres as the worker login: only the jobs that span tenants (relay, webhook worker, due-soon). */
  readonly workerDatabase: DatabaseBinding;
  /** Postgres as the operator login: only the operator console's capabilities (every route OPERATOR). */
  readonly operatorDatabase: DatabaseBinding;
  readonly cache: CacheBinding;
  readonly cacheName: string;
  readonly tables: Record<TableName, dynamodb.Table>;
  readonly migrator: HouseFunction;
  /** The data keys sealing secrets stored in Postgres (webhook signing secrets). */
  readonly dataKeys: secretsmanager.Secret;
  /** Tenants' files (data exports), under tenants/<tenantId>/ (shared/src/storage). */
  readonly files: s3.Bucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { stage, network } = props;
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    const { vpc } = network;

    // Who may talk to whom: database clients → RDS Proxy → Aurora, the migrator
    // (and secret rotation) → Aurora, cache clients → ElastiCache.
    const sg = (name: string, description: string, allowAllOutbound: boolean) =>
      new ec2.SecurityGroup(this, name, { vpc, description, allowAllOutbound });
    const auroraSg = sg('AuroraSg', 'Aurora PostgreSQL cluster', false);
    const proxySg = sg('ProxySg', 'RDS Proxy', false);
    const cacheSg = sg('CacheSg', 'ElastiCache Serverless', false);
    // The migrator calls Secrets Manager over HTTPS, so its egress is open; nothing connects in.
    const migratorSg = sg('MigratorSg', 'The migration function', true);
    const postgres = ec2.Port.tcp(5432);
    proxySg.addIngressRule(network.databaseClientSg, postgres, 'Database clients to RDS Proxy');
    proxySg.addEgressRule(auroraSg, postgres, 'RDS Proxy to Aurora');
    auroraSg.addIngressRule(proxySg, postgres, 'RDS Proxy to Aurora');
    auroraSg.addIngressRule(migratorSg, postgres, 'Migrator to the Aurora writer');
    // 6379 is the primary endpoint, 6380 the reader endpoint of a serverless cache.
    cacheSg.addIngressRule(network.cacheClientSg, ec2.Port.tcpRange(6379, 6380), 'Cache clients');

    this.cluster = new rds.DatabaseCluster(this, 'Aurora', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({
        version: rds.AuroraPostgresEngineVersion.VER_16_13,
      }),
      credentials: rds.Credentials.fromGeneratedSecret(MASTER_USER, {
        secretName: `halooid/${stage.name}/aurora-master`,
      }),
      defaultDatabaseName: DATABASE_NAME,
      writer: rds.ClusterInstance.serverlessV2('Writer', {
        enablePerformanceInsights: stage.aurora.performanceInsights,
        autoMinorVersionUpgrade: true,
      }),
      readers: Array.from({ length: stage.aurora.readers }, (_, i) =>
        rds.ClusterInstance.serverlessV2(`Reader${i + 1}`, {
          scaleWithWriter: true,
          enablePerformanceInsights: stage.aurora.performanceInsights,
          autoMinorVersionUpgrade: true,
        }),
      ),
      serverlessV2MinCapacity: stage.aurora.minAcu,
      serverlessV2MaxCapacity: stage.aurora.maxAcu,
      vpc,
      vpcSubnets: isolated,
      securityGroups: [auroraSg],
      storageEncrypted: true,
      iamAuthentication: true,
      backup: { retention: stage.aurora.backupRetention, preferredWindow: '03:00-04:00' },
      preferredMaintenanceWindow: 'sun:04:30-sun:05:30',
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.dataRemovalPolicy,
      cloudwatchLogsExports: ['postgresql'],
      cloudwatchLogsRetention: stage.logRetention,
      copyTagsToSnapshot: true,
      parameters: { 'rds.force_ssl': '1' },
    });
    // The master secret lives as long as the cluster it opens.
    this.cluster.secret?.applyRemovalPolicy(stage.dataRemovalPolicy);
    this.cluster.addRotationSingleUser({
      automaticallyAfter: Duration.days(30),
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    });

    const proxyRole = new iam.Role(this, 'ProxyRole', {
      assumedBy: new iam.ServicePrincipal('rds.amazonaws.com'),
      description: 'RDS Proxy: connects to Aurora as the IAM-auth app logins (end-to-end IAM auth)',
    });
    proxyRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['rds-db:connect'],
        resources: [APP_DB_USER, WORKER_DB_USER, OPERATOR_DB_USER].map((user) =>
          this.formatArn({
            service: 'rds-db',
            resource: 'dbuser',
            resourceName: `${this.cluster.clusterResourceIdentifier}/${user}`,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ),
      }),
    );
    this.proxy = new rds.DatabaseProxy(this, 'Proxy', {
      proxyTarget: rds.ProxyTarget.fromCluster(this.cluster),
      vpc,
      vpcSubnets: isolated,
      securityGroups: [proxySg],
      role: proxyRole,
      iamAuth: true,
      requireTLS: true,
      defaultAuthScheme: rds.DefaultAuthScheme.IAM_AUTH,
      idleClientTimeout: Duration.minutes(15),
      maxConnectionsPercent: 90,
      borrowTimeout: Duration.seconds(10),
    });
    this.database = { proxy: this.proxy, databaseName: DATABASE_NAME, user: APP_DB_USER };
    this.workerDatabase = { proxy: this.proxy, databaseName: DATABASE_NAME, user: WORKER_DB_USER };
    this.operatorDatabase = { proxy: this.proxy, databaseName: DATABASE_NAME, user: OPERATOR_DB_USER };

    const cache = new elasticache.CfnServerlessCache(this, 'Cache', {
      serverlessCacheName: `halooid-${stage.name}`,
      engine: 'valkey',
      majorEngineVersion: '8',
      description: 'Halooid permission cache, rate limits and hot reads',
      securityGroupIds: [cacheSg.securityGroupId],
      subnetIds: vpc.selectSubnets(isolated).subnetIds,
      cacheUsageLimits: {
        dataStorage: { maximum: stage.isProd ? 10 : 1, unit: 'GB' },
        ecpuPerSecond: { maximum: stage.isProd ? 50_000 : 5_000 },
      },
      dailySnapshotTime: '03:30',
      snapshotRetentionLimit: stage.isProd ? 7 : 1,
    });
    cache.applyRemovalPolicy(RemovalPolicy.DESTROY);
    this.cacheName = cache.serverlessCacheName;
    // Serverless caches accept TLS only: rediss://.
    this.cache = { url: `rediss://${cache.attrEndpointAddress}:${cache.attrEndpointPort}` };

    const tables = {} as Record<TableName, dynamodb.Table>;
    for (const [name, spec] of Object.entries(TABLES) as [TableName, TableSpec][]) {
      const table = new dynamodb.Table(this, `${pascal(name)}Table`, {
        tableName: `halooid-${stage.name}-${name}`,
        partitionKey: { name: spec.partitionKey, type: dynamodb.AttributeType.STRING },
        billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        encryption: dynamodb.TableEncryption.AWS_MANAGED,
        deletionProtection: stage.deletionProtection,
        removalPolicy: stage.dataRemovalPolicy,
        timeToLiveAttribute: spec.ttl,
      });
      for (const index of spec.indexes ?? []) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: { name: index.partitionKey.name, type: dynamodb.AttributeType.STRING },
          sortKey: { name: index.sortKey.name, type: dynamodb.AttributeType.STRING },
          projectionType: dynamodb.ProjectionType.INCLUDE,
          nonKeyAttributes: [...index.projection.nonKeyAttributes],
        });
      }
      tables[name] = table;
    }
    this.tables = tables;

    // Generated at the first deploy and never regenerated: Secrets Manager makes printable
    // passwords, not raw bytes, so the value is {"id":"k1","material":"<64 alphanumerics>"} and the
    // 32-byte AES key is HKDF-SHA256 of the material (shared/src/crypto/keyring.ts parseKeyringSecret).
    this.dataKeys = new secretsmanager.Secret(this, 'DataKeys', {
      secretName: `halooid/${stage.name}/data-encryption-keys`,
      description: 'Halooid data keys: seal secrets stored in Postgres (webhook signing secrets)',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ id: 'k1' }),
        generateStringKey: 'material',
        passwordLength: 64,
        excludePunctuation: true,
        includeSpace: false,
        requireEachIncludedType: true,
      },
    });
    // Losing it makes every stored webhook secret unreadable: it lives as long as the data.
    this.dataKeys.applyRemovalPolicy(stage.dataRemovalPolicy);
    suppress(this.dataKeys, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'A data key cannot rotate by replacing its value: rows sealed with it must still open. Rotation is a keyring change (new id/material, the old pair under "previous") after which the webhook worker re-seals rows under the new key; see docs/decisions.md.',
      },
    ]);

    // Not versioned: a tenant's deletion must leave none of its files behind, old versions included.
    this.files = new s3.Bucket(this, 'Files', {
      bucketName: filesBucketName(stage.name),
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: stage.dataRemovalPolicy,
      autoDeleteObjects: stage.dataRemovalPolicy === RemovalPolicy.DESTROY,
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });
    suppress(this.files, [
      {
        id: 'AwsSolutions-S1',
        reason:
          'Every object is written by a Lambda that logs it, and every download is a presigned link whose issue the API audits (adminhub.data-export.download); server access logs would repeat that.',
      },
    ]);

    this.migrator = new HouseFunction(this, 'Migrator', {
      stage,
      serviceName: 'platform-migrator',
      description: 'Applies functions/*/migrations to Aurora on every deploy',
      entry: `${FUNCTIONS_DIR}/platform/migrator/handler.ts`,
      timeout: Duration.minutes(10),
      memorySize: 512,
      vpc,
      securityGroups: [migratorSg],
      environment: {
        DB_SECRET_ARN: this.cluster.secret?.secretArn ?? '',
        DB_HOST: this.cluster.clusterEndpoint.hostname,
        DB_PORT: '5432',
        DB_NAME: DATABASE_NAME,
        DEPLOY_ID: props.deployId,
      },
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        // The SQL travels inside the asset, laid out as discoverMigrations() expects.
        afterBundling: (inputDir: string, outputDir: string) => [
          `for dir in "${inputDir}"/functions/*/migrations; do product=$(basename "$(dirname "$dir")"); mkdir -p "${outputDir}/migrations/$product/migrations" && cp "$dir"/*.sql "${outputDir}/migrations/$product/migrations/"; done`,
        ],
      },
    });
    this.cluster.secret?.grantRead(this.migrator);
    const trigger = new triggers.Trigger(this, 'RunMigrations', {
      handler: this.migrator,
      executeAfter: [this.cluster, this.proxy],
      executeOnHandlerChange: true,
      invocationType: triggers.InvocationType.REQUEST_RESPONSE,
      timeout: Duration.minutes(10),
    });

    suppress(this.cluster, [
      {
        id: 'AwsSolutions-RDS10',
        reason: stage.isProd
          ? 'Deletion protection is on in prod.'
          : 'dev is disposable by design: `cdk destroy` must remove it; prod turns deletion protection on.',
      },
      {
        id: 'AwsSolutions-RDS11',
        reason:
          'The default port 5432 is kept: the cluster sits in isolated subnets, reachable only from the RDS Proxy and migrator security groups, and a non-standard port adds no protection there.',
      },
    ]);
    suppress(this, [
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'The Secrets Manager rotation application and the CDK trigger provider are AWS-published constructs whose roles use AWSLambdaBasicExecutionRole/VPC access only.',
        appliesTo: [
          'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
          'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole',
        ],
      },
    ]);
    suppress(this, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'The CDK log-retention helper sets retention on the Aurora postgresql log group, whose name is only known after the cluster exists: logs:PutRetentionPolicy/DeleteRetentionPolicy on Resource "*".',
        appliesTo: ['Resource::*'],
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'The log-retention helper Lambda is owned by aws-cdk-lib, which picks its runtime.',
      },
    ]);
    suppress(trigger, [
      {
        id: 'AwsSolutions-L1',
        reason:
          'The trigger provider Lambda is owned by aws-cdk-lib, which picks its runtime; it only invokes the migrator at deploy time.',
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'CDK trigger provider: lambda:InvokeFunction on the migrator function and its versions (ARN:*) so each deploy invokes the current version.',
      },
    ]);

    new CfnOutput(this, 'ProxyEndpoint', { value: this.proxy.endpoint });
    new CfnOutput(this, 'MasterSecretArn', { value: this.cluster.secret?.secretArn ?? '' });
    new CfnOutput(this, 'MigratorFunctionName', { value: this.migrator.functionName });
  }
}
