import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

export const STAGES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGES)[number];

/**
 * Everything that differs between stages, in one place. `prod` keeps its
 * data, spreads over two AZs and turns on the paid protections; `dev` is the
 * cheapest shape that still runs the same code paths.
 */
export interface StageConfig {
  name: StageName;
  isProd: boolean;
  /** RETAIN (data stores survive `cdk destroy`) in prod, DESTROY in dev. */
  dataRemovalPolicy: RemovalPolicy;
  /** Cognito, RDS and DynamoDB delete protection. */
  deletionProtection: boolean;
  logRetention: RetentionDays;
  /** NAT gateways: Cognito (user pool domain, JWKS) has no usable VPC endpoint, everything else does. */
  natGateways: number;
  /** Interface endpoints for Secrets Manager and EventBridge (about 7.3 USD per endpoint and AZ a month). */
  interfaceEndpoints: boolean;
  aurora: {
    minAcu: number;
    maxAcu: number;
    /** Serverless v2 readers in a second AZ (failover target). */
    readers: number;
    backupRetention: Duration;
    performanceInsights: boolean;
  };
  /** Requests per IP per 5 minutes before WAF blocks. */
  wafRateLimit: number;
  eventArchiveRetention: Duration;
  /** Cognito Plus feature plan with threat protection (compromised credentials, adaptive auth). */
  cognitoThreatProtection: boolean;
}

export function stageConfig(name: string): StageConfig {
  if (!(STAGES as readonly string[]).includes(name)) {
    throw new Error(`Unknown stage "${name}": pass --context stage=${STAGES.join('|')}`);
  }
  const isProd = name === 'prod';
  return {
    name: name as StageName,
    isProd,
    dataRemovalPolicy: isProd ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    deletionProtection: isProd,
    logRetention: isProd ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_WEEK,
    natGateways: isProd ? 2 : 1,
    interfaceEndpoints: isProd,
    aurora: {
      minAcu: 0.5,
      maxAcu: isProd ? 16 : 2,
      readers: isProd ? 1 : 0,
      backupRetention: Duration.days(isProd ? 14 : 1),
      performanceInsights: isProd,
    },
    wafRateLimit: isProd ? 3000 : 1000,
    eventArchiveRetention: Duration.days(isProd ? 365 : 7),
    cognitoThreatProtection: isProd,
  };
}
