import { Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { StageConfig } from '../stage';

/** Private range of the platform VPC; change before the first deploy if it overlaps a peered network. */
export const VPC_CIDR = '10.40.0.0/16';

export interface NetworkStackProps extends StackProps {
  stage: StageConfig;
}

/**
 * The VPC and the client security groups functions wear: a database client
 * may reach RDS Proxy, a cache client ElastiCache (the data stack owns the
 * servers' groups and their ingress rules). Functions run in private subnets. DynamoDB and S3
 * are reached through free gateway endpoints; in prod Secrets Manager and
 * EventBridge through interface endpoints. Cognito has no endpoint that works
 * with a user pool domain and the public JWKS URL, so a NAT gateway (one in
 * dev, one per AZ in prod) carries that traffic.
 */
export class NetworkStack extends Stack {
  readonly vpc: ec2.Vpc;
  /** Attached to functions with `resources.database`; may reach RDS Proxy. */
  readonly databaseClientSg: ec2.SecurityGroup;
  /** Attached to functions with `resources.cache`; may reach ElastiCache. */
  readonly cacheClientSg: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    const { stage } = props;

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(VPC_CIDR),
      maxAzs: 2,
      natGateways: stage.natGateways,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDB: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
      flowLogs: {
        rejected: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(
            new logs.LogGroup(this, 'FlowLogs', {
              retention: stage.logRetention,
              removalPolicy: stage.dataRemovalPolicy,
            }),
          ),
          trafficType: ec2.FlowLogTrafficType.REJECT,
        },
      },
    });

    if (stage.interfaceEndpoints) {
      const endpointSg = new ec2.SecurityGroup(this, 'EndpointSg', {
        vpc: this.vpc,
        description: 'Interface endpoints: HTTPS from inside the VPC',
        allowAllOutbound: false,
      });
      endpointSg.addIngressRule(ec2.Peer.ipv4(VPC_CIDR), ec2.Port.tcp(443), 'HTTPS from the VPC');
      for (const [name, service] of [
        ['SecretsManager', ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER],
        ['EventBridge', ec2.InterfaceVpcEndpointAwsService.EVENTBRIDGE],
      ] as const) {
        this.vpc.addInterfaceEndpoint(name, {
          service,
          subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
          securityGroups: [endpointSg],
          privateDnsEnabled: true,
          // Only the rule above: HTTPS from the VPC range.
          open: false,
        });
      }
    }

    const sg = (name: string, description: string, allowAllOutbound: boolean) =>
      new ec2.SecurityGroup(this, name, { vpc: this.vpc, description, allowAllOutbound });
    // Functions call AWS APIs and Cognito over HTTPS, so their egress is open; nothing may connect in.
    this.databaseClientSg = sg('DatabaseClientSg', 'Functions that use Postgres through RDS Proxy', true);
    this.cacheClientSg = sg('CacheClientSg', 'Functions that use the ElastiCache cache', true);
  }
}
