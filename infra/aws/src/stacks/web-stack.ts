import { existsSync } from 'node:fs';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { suppress } from '../constructs/nag';
import { ORIGIN_VERIFY_HEADER, type OriginVerify, VIEWER_IP_HEADER } from '../constructs/origin-verify';
import type { StageConfig } from '../stage';

export interface WebStackProps extends StackProps {
  stage: StageConfig;
  api: apigw.RestApi;
  /** The secret header value WAF on the API requires; CloudFront adds it to every `/v1/*` request. */
  originVerify: OriginVerify;
  /** The static web build (web/build). Uploaded only when the folder exists. */
  webBuildDir: string;
}

/**
 * The web app and the API on one origin: CloudFront serves the static build
 * from a private bucket (Origin Access Control) and routes `/v1/*` to the
 * API stage uncached, with every viewer header but Host, so cookies are
 * never needed cross-site and CORS never comes up. Security headers on all.
 */
export class WebStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly deploysSite: boolean;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { stage } = props;

    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are delivered with ACLs.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(stage.isProd ? 365 : 30) }],
      removalPolicy: stage.dataRemovalPolicy,
      autoDeleteObjects: !stage.isProd,
    });
    suppress(logs, [
      { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket; logging it into itself would loop.' },
    ]);

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: stage.isProd,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      // The site is a build artifact: redeploying recreates it.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: `halooid-${stage.name}-security`,
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
        contentSecurityPolicy: {
          // No inline scripts: web/scripts/postbuild.mjs moves SvelteKit's bootstrap into a hashed file, so 'self' suffices.
          contentSecurityPolicy:
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
          override: false,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true },
        ],
      },
    });

    // Client-side routes (no file extension) get the SPA shell; /v1/* never passes here.
    const spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(
        "function handler(event) { var r = event.request; if (!r.uri.includes('.')) { r.uri = '/index.html'; } return r; }",
      ),
    });

    // The API's only view of who the client is: the viewer address CloudFront saw, in a header the
    // function always overwrites (a client's own value under that name never reaches the API).
    // WAF's rate rule and the kernel's per-IP limits read it (shared/src/http/client-ip.ts).
    const viewerIp = new cloudfront.Function(this, 'ViewerIp', {
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Sets the viewer IP header for the API',
      code: cloudfront.FunctionCode.fromInline(
        `function handler(event) { var r = event.request; r.headers['${VIEWER_IP_HEADER}'] = { value: event.viewer.ip }; return r; }`,
      ),
    });

    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      comment: `Halooid ${stage.name}: web app and /v1 API`,
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: stage.isProd
        ? cloudfront.PriceClass.PRICE_CLASS_ALL
        : cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        compress: true,
        functionAssociations: [
          { function: spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: new origins.RestApiOrigin(props.api, {
            readTimeout: Duration.seconds(30),
            // Replaces any header of that name a viewer sent; WAF blocks API requests without it.
            customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerify.value() },
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          compress: true,
          functionAssociations: [
            { function: viewerIp, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
          ],
        },
      },
    });

    this.deploysSite = existsSync(props.webBuildDir);
    if (this.deploysSite) {
      const deployment = new s3deploy.BucketDeployment(this, 'DeploySite', {
        sources: [s3deploy.Source.asset(props.webBuildDir)],
        destinationBucket: this.bucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
      });
      suppress(deployment, [
        { id: 'AwsSolutions-L1', reason: 'BucketDeployment handler runtime is chosen by aws-cdk-lib.' },
      ]);
    }

    suppress(this.distribution, [
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Halooid is sold worldwide; tenants decide where their users are, so no geo restriction.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'The dynamic surface (/v1/*) is protected by the regional WAF on the API stage; a CLOUDFRONT-scope web ACL must live in us-east-1, which a single-region stack cannot create. The static bucket origin serves immutable files only.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain CloudFront serves *.cloudfront.net with its default certificate, whose policy is fixed at TLSv1; set minimumProtocolVersion TLSv1.2_2021 when adding a custom domain and ACM certificate (docs/deploy.md).',
      },
    ]);
    suppress(this, [
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'CDK-owned helpers (bucket auto-delete and BucketDeployment) run with AWSLambdaBasicExecutionRole only for their logs.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'BucketDeployment copies the whole site: s3:GetObject*/List*/DeleteObject* on the site bucket and its asset objects (bucket/*) and a CloudFront invalidation.',
        // cdk-nag reports IAM5 per finding; these are exactly the ones aws-cdk-lib's BucketDeployment grants.
        appliesTo: [
          'Action::s3:Abort*',
          'Action::s3:DeleteObject*',
          'Action::s3:GetBucket*',
          'Action::s3:GetObject*',
          'Action::s3:List*',
          'Resource::*',
          'Resource::<SiteE53D7754.Arn>/*',
          'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
        ],
      },
      {
        id: 'AwsSolutions-L1',
        reason: 'The bucket auto-delete custom resource runtime is chosen by aws-cdk-lib.',
      },
    ]);

    new CfnOutput(this, 'WebUrl', { value: `https://${this.distribution.distributionDomainName}` });
    new CfnOutput(this, 'SiteBucket', { value: this.bucket.bucketName });
  }
}
