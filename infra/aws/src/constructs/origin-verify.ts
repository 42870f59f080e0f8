import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage';
import { suppress } from './nag';

/** The custom origin header CloudFront adds on its way to the API; WAF refuses requests without it. */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

/**
 * The header CloudFront's viewer-request function on `/v1/*` sets to the viewer's address (never
 * what a client sent under that name). WAF's rate rule and the kernel's per-IP limits read it
 * (shared/src/http/client-ip.ts VIEWER_IP_HEADER, the same name).
 */
export const VIEWER_IP_HEADER = 'x-halooid-viewer-ip';

export interface OriginVerifyProps {
  stage: StageConfig;
  /**
   * The secret version to resolve (`-c originVerifyVersion=<VersionId>`). CloudFormation resolves
   * a dynamic reference only when the resource changes, so the rotation deploys name the new
   * version; without it the current version is read.
   */
  versionId?: string;
  /** During a rotation (`-c originVerifyAcceptPrevious=true`) WAF accepts the previous value too. */
  acceptPrevious?: boolean;
}

/**
 * The origin-verify secret: `{"current": "...", "previous": "..."}` in Secrets Manager, generated at
 * the first deploy. CloudFront sends `current`; WAF on the API stage accepts `current` (and, during
 * a rotation, `previous`) and blocks every other request, so the API cannot be reached around
 * CloudFront, its viewer-IP header, or its caching rules. Rotation is two deploys (docs/deploy.md).
 */
export class OriginVerify extends Construct {
  readonly secret: secretsmanager.Secret;
  private readonly props: OriginVerifyProps;

  constructor(scope: Construct, id: string, props: OriginVerifyProps) {
    super(scope, id);
    this.props = props;
    this.secret = new secretsmanager.Secret(this, 'Secret', {
      secretName: `halooid/${props.stage.name}/origin-verify`,
      description:
        'Halooid: the header value CloudFront adds to API requests; WAF refuses requests without it',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({}),
        generateStringKey: 'current',
        passwordLength: 48,
        excludePunctuation: true,
        includeSpace: false,
      },
    });
    // Only a header value: a new one is made by the next deploy, nothing stored depends on it.
    this.secret.applyRemovalPolicy(RemovalPolicy.DESTROY);
    suppress(this.secret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Rotated by two deploys rather than a rotation Lambda: CloudFront (in the web stack) and WAF (in the API stack) must both change, with WAF accepting the old and new value in between; see docs/deploy.md "Rotating the origin-verify secret".',
      },
    ]);
  }

  /** The value CloudFront sends: a CloudFormation dynamic reference, never in the template itself. */
  value(field: 'current' | 'previous' = 'current'): string {
    return SecretValue.secretsManager(this.secret.secretArn, {
      jsonField: field,
      versionId: this.props.versionId,
    }).unsafeUnwrap();
  }

  /** The WAF rule that blocks every request without the header CloudFront adds. */
  wafRule(priority: number): wafv2.CfnWebACL.RuleProperty {
    const matches = (value: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { singleHeader: { Name: ORIGIN_VERIFY_HEADER } },
        positionalConstraint: 'EXACTLY',
        searchString: value,
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
    const accepted = this.props.acceptPrevious
      ? { orStatement: { statements: [matches(this.value('current')), matches(this.value('previous'))] } }
      : matches(this.value('current'));
    return {
      name: 'OriginVerify',
      priority,
      action: { block: {} },
      statement: { notStatement: { statement: accepted } },
      visibilityConfig: {
        cloudWatchMetricsEnabled: true,
        sampledRequestsEnabled: false,
        metricName: 'OriginVerify',
      },
    };
  }
}
