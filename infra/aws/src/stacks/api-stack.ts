import { binaryMediaTypesOf } from '@halooid/shared/http/binary';
import type { ServiceManifest } from '@halooid/shared/manifest';
import { PUBLIC, serviceName } from '@halooid/shared/manifest';
import type { Tier } from '@halooid/shared/tenancy';
import { TIER_LIMITS } from '@halooid/shared/tiers';
import { CfnOutput, Duration, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as events from 'aws-cdk-lib/aws-events';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { HouseFunction } from '../constructs/house-function';
import { suppress } from '../constructs/nag';
import { OriginVerify, VIEWER_IP_HEADER } from '../constructs/origin-verify';
import type { StageConfig } from '../stage';
import { pascal } from './events-stack';
import type { FunctionFactory } from './function-factory';

export interface ApiStackProps extends StackProps {
  stage: StageConfig;
  services: readonly ServiceManifest[];
  functions: FunctionFactory;
  bus: events.IEventBus;
  /**
   * Require a usage-plan key on every authorized method. API Gateway then
   * answers 403 unless the authorizer returns a `usageIdentifierKey`
   * registered in a plan, so turn it on once tenant provisioning registers
   * each tenant's key (context `enforceUsagePlans=true`).
   */
  enforceUsagePlans: boolean;
  /** The origin-verify secret version to resolve, and whether WAF accepts the previous value (rotation). */
  originVerify?: { versionId?: string; acceptPrevious?: boolean };
}

const PROBLEM = 'https://docs.halooid.dev/problems/';

/** [gateway response, status, title, problem code, detail]: errors API Gateway answers without a function. */
const GATEWAY_PROBLEMS: [apigw.ResponseType, number, string, string, string][] = [
  [
    apigw.ResponseType.UNAUTHORIZED,
    401,
    'Unauthorized',
    'unauthorized',
    'Send Authorization: Bearer <access token> or ApiKey <key>.',
  ],
  // The authorizer's Deny carries why (missing permission, not a member, unknown route) and its
  // problem code (forbidden, tenant_suspended, ip_not_allowed, operators_only, mfa_required).
  [
    apigw.ResponseType.ACCESS_DENIED,
    403,
    'Forbidden',
    '$context.authorizer.code',
    '$context.authorizer.reason',
  ],
  [
    apigw.ResponseType.MISSING_AUTHENTICATION_TOKEN,
    404,
    'Not Found',
    'not_found',
    'No such route: $context.httpMethod $context.path',
  ],
  [apigw.ResponseType.RESOURCE_NOT_FOUND, 404, 'Not Found', 'not_found', 'No such route.'],
  [
    apigw.ResponseType.THROTTLED,
    429,
    'Too Many Requests',
    'rate_limited',
    'Too many requests: slow down and retry later.',
  ],
  [
    apigw.ResponseType.QUOTA_EXCEEDED,
    429,
    'Too Many Requests',
    'quota_exceeded',
    "The tenant's daily request quota is used up.",
  ],
  [
    apigw.ResponseType.REQUEST_TOO_LARGE,
    413,
    'Content Too Large',
    'payload_too_large',
    'Request bodies are limited to 1 MB.',
  ],
  [
    apigw.ResponseType.UNSUPPORTED_MEDIA_TYPE,
    415,
    'Unsupported Media Type',
    'unsupported_media_type',
    'Send application/json.',
  ],
  [
    apigw.ResponseType.WAF_FILTERED,
    403,
    'Forbidden',
    'blocked',
    'The request was blocked by the web application firewall.',
  ],
  [
    apigw.ResponseType.AUTHORIZER_FAILURE,
    500,
    'Internal Server Error',
    'internal_error',
    'An unexpected error occurred.',
  ],
  [apigw.ResponseType.INTEGRATION_TIMEOUT, 504, 'Gateway Timeout', 'timeout', 'The request took too long.'],
];

/** What the deployment's logical id hashes about the authorizer (and how it is built). */
const AUTHORIZER_FINGERPRINT = { name: 'halooid-rbac', header: 'Authorization', ttlSeconds: 0 } as const;

/** A route as the deployment's logical id sees it: any change here deploys a new API snapshot. */
interface RouteFingerprint {
  method: string;
  path: string;
  operationId: string;
  function: string;
  public: boolean;
  apiKeyRequired: boolean;
  stack: string;
}

/** Where a capability's function and methods go. */
interface Mount {
  scope: Construct;
  resourceFor(path: string): apigw.IResource;
  authorizer: apigw.IAuthorizer;
}

/** Every route of product `p` lives under `/v1/<p>`: the one resource its nested stack builds on. */
export const productPrefix = (product: string): string => `/v1/${product}`;

const underPrefix = (product: string, path: string): boolean =>
  path === productPrefix(product) || path.startsWith(`${productPrefix(product)}/`);

/**
 * Whether a capability goes to its product's nested stack: every capability of a product
 * except the platform's own, as long as all its routes are under `/v1/<product>` (a route
 * elsewhere would need a resource two stacks share, so such a capability stays in the parent).
 */
export function ownsNestedStack(service: ServiceManifest): boolean {
  return (
    service.product !== 'platform' &&
    service.routes.every((route) => underPrefix(service.product, route.path))
  );
}

export interface ApiProductStackProps {
  product: string;
  /** The parent's RestApi: imported here by id, never modified. */
  api: apigw.RestApi;
  /** `/v1/<product>`, created once in the parent. */
  productResource: apigw.IResource;
  description?: string;
}

/**
 * One product's capability functions and API methods (CloudFormation allows 500 resources
 * per template; a product brings ~150-250). The RestApi, `/v1/<product>`, the authorizer, the
 * deployment and stage, usage plans and WAF stay in the parent ApiStack.
 */
export class ApiProductStack extends NestedStack {
  readonly product: string;
  private readonly productResource: apigw.IResource;

  constructor(scope: Construct, id: string, props: ApiProductStackProps) {
    super(scope, id, { description: props.description });
    this.product = props.product;
    const api = apigw.RestApi.fromRestApiAttributes(this, 'Api', {
      restApiId: props.api.restApiId,
      rootResourceId: props.api.restApiRootResourceId,
    });
    this.productResource = apigw.Resource.fromResourceAttributes(this, 'ProductResource', {
      restApi: api,
      resourceId: props.productResource.resourceId,
      path: props.productResource.path,
    });
    suppress(this.productResource, [
      {
        id: 'AwsSolutions-COG4',
        reason: `The ${props.product} methods use the REQUEST Lambda authorizer of the parent API stack, which verifies Cognito access tokens (aws-jwt-verify) and integrator API keys and checks the tenant permission: a Cognito authorizer can do neither API keys nor X-Tenant-Id.`,
      },
    ]);
  }

  /** The resource of a route path, which must be under `/v1/<product>`. */
  resourceFor(path: string): apigw.IResource {
    if (!underPrefix(this.product, path)) {
      throw new Error(`${path} is not under ${productPrefix(this.product)}: it cannot go to ${this.node.id}`);
    }
    const rest = path.slice(productPrefix(this.product).length).replace(/^\//, '');
    return rest ? this.productResource.resourceForPath(rest) : this.productResource;
  }
}

/**
 * The REST API built from the manifests: one Lambda per capability, one
 * method per route, the REQUEST authorizer on every non-public route,
 * problem+json gateway errors, tier usage plans, access logs, and a WAF.
 * Request bodies: API Gateway's hard limit is 10 MB; the kernel rejects
 * anything over 1 MB with 413 before parsing.
 */
export class ApiStack extends Stack {
  readonly api: apigw.RestApi;
  readonly authorizer: apigw.RequestAuthorizer;
  readonly authorizerFunction: HouseFunction;
  /** Capability functions, keyed by `<product>-<capability>`, wherever they live (here or a product stack). */
  readonly functions = new Map<string, { service: ServiceManifest; fn: HouseFunction }>();
  /** Each product's nested stack (its capability functions and methods), keyed by product. */
  readonly productStacks = new Map<string, ApiProductStack>();
  /** Every route's method, in this stack or a product stack. */
  readonly methods: apigw.Method[] = [];
  /** The stage the explicit deployment goes to (also `api.deploymentStage`). */
  readonly stage: apigw.Stage;
  readonly usagePlans: Record<Tier, apigw.UsagePlan>;
  readonly webAcl: wafv2.CfnWebACL;
  /** The header value CloudFront must add; WAF blocks API requests without it. */
  readonly originVerify: OriginVerify;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stage } = props;
    this.originVerify = new OriginVerify(this, 'OriginVerify', { stage, ...props.originVerify });

    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: stage.logRetention,
      removalPolicy: stage.dataRemovalPolicy,
    });
    const deployOptions: apigw.StageOptions = {
      stageName: stage.name,
      tracingEnabled: true,
      metricsEnabled: true,
      loggingLevel: apigw.MethodLoggingLevel.ERROR,
      dataTraceEnabled: false,
      throttlingRateLimit: stage.isProd ? 2000 : 200,
      throttlingBurstLimit: stage.isProd ? 4000 : 400,
      accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
      accessLogFormat: apigw.AccessLogFormat.custom(
        JSON.stringify({
          requestId: '$context.requestId',
          ip: '$context.identity.sourceIp',
          method: '$context.httpMethod',
          resource: '$context.resourcePath',
          path: '$context.path',
          status: '$context.status',
          latencyMs: '$context.responseLatency',
          integrationLatencyMs: '$context.integrationLatency',
          responseLength: '$context.responseLength',
          tenantId: '$context.authorizer.tenantId',
          principalId: '$context.authorizer.principalId',
          authorizerError: '$context.authorizer.error',
          wafResponse: '$context.waf.status',
          userAgent: '$context.identity.userAgent',
        }),
      ),
    };
    this.api = new apigw.RestApi(this, 'Api', {
      restApiName: `halooid-${stage.name}`,
      description: 'Halooid REST API (built from the capability manifests)',
      endpointTypes: [apigw.EndpointType.REGIONAL],
      apiKeySourceType: apigw.ApiKeySourceType.AUTHORIZER,
      // Byte answers (PDFs) leave the functions base64-encoded; these are the
      // types API Gateway decodes back into bytes (shared/src/http/binary.ts).
      binaryMediaTypes: binaryMediaTypesOf(props.services),
      cloudWatchRole: true,
      // Deployed below, once every nested stack has added its methods.
      deploy: false,
    });

    this.authorizerFunction = props.functions.authorizer(this, 'AuthorizerFn');
    // The IP allowlist compares the viewer's address, as the functions see it, not CloudFront's edge.
    this.authorizerFunction.addEnvironment('TRUST_CLOUDFRONT_HEADER', 'true');
    this.authorizer = new apigw.RequestAuthorizer(this, 'Authorizer', {
      authorizerName: AUTHORIZER_FINGERPRINT.name,
      handler: this.authorizerFunction,
      // Identity sources must be set; with TTL 0 API Gateway uses them only to
      // answer 401 at once when the header is missing. Never cached: the
      // decision depends on route, token, tenant header and live revocation.
      identitySources: [apigw.IdentitySource.header(AUTHORIZER_FINGERPRINT.header)],
      resultsCacheTtl: Duration.seconds(AUTHORIZER_FINGERPRINT.ttlSeconds),
    });

    // The platform's capabilities (sign-in, tenants, meta...) live here; each product's
    // capability functions and methods live in its own nested stack (ApiProduct<Pascal>), so no
    // template nears CloudFormation's 500-resource limit as products are added.
    const shared: apigw.IAuthorizer = {
      authorizerId: this.authorizer.authorizerId,
      authorizationType: apigw.AuthorizationType.CUSTOM,
    };
    const routes: RouteFingerprint[] = [];
    for (const service of props.services) {
      const name = serviceName(service);
      if (this.functions.has(name)) throw new Error(`Two manifests declare ${name}`);
      const nested = ownsNestedStack(service);
      let mount: Mount;
      if (nested) {
        let stack = this.productStacks.get(service.product);
        if (!stack) {
          const productResource = this.api.root.resourceForPath(productPrefix(service.product));
          stack = new ApiProductStack(this, `ApiProduct${pascal(service.product)}`, {
            product: service.product,
            api: this.api,
            productResource,
            description: `${props.description ?? 'Halooid API'}: ${service.product} capability functions and methods`,
          });
          this.productStacks.set(service.product, stack);
        }
        mount = { scope: stack, resourceFor: (path) => stack.resourceFor(path), authorizer: shared };
      } else {
        mount = {
          scope: this,
          resourceFor: (path) => this.api.root.resourceForPath(path),
          authorizer: this.authorizer,
        };
      }
      const fn = props.functions.capability(mount.scope, `${pascal(name)}Fn`, service);
      if (service.emits?.length) fn.bindEventBus(props.bus);
      // Reached only through CloudFront (WAF's origin-verify rule): the client is CloudFront's viewer-IP header.
      fn.addEnvironment('TRUST_CLOUDFRONT_HEADER', 'true');
      this.functions.set(name, { service, fn });
      const integration = new apigw.LambdaIntegration(fn, {
        proxy: true,
        // One invoke permission per function for the whole API, not one per
        // route: the function's resource policy stays far below its 20 KB cap.
        scopePermissionToMethod: false,
      });
      for (const route of service.routes) {
        const resource = mount.resourceFor(route.path);
        const isPublic = route.permission === PUBLIC;
        const method = resource.addMethod(route.method, integration, {
          operationName: route.operationId,
          ...(isPublic
            ? { authorizationType: apigw.AuthorizationType.NONE }
            : {
                authorizationType: apigw.AuthorizationType.CUSTOM,
                authorizer: mount.authorizer,
                apiKeyRequired: props.enforceUsagePlans,
              }),
        });
        this.methods.push(method);
        routes.push({
          method: route.method,
          path: route.path,
          operationId: route.operationId,
          function: name,
          public: isPublic,
          apiKeyRequired: !isPublic && props.enforceUsagePlans,
          stack: nested ? service.product : 'parent',
        });
        if (isPublic) {
          suppress(method, [
            {
              id: 'AwsSolutions-APIG4',
              reason: `${route.method} ${route.path} is declared public in the ${name} manifest (sign-in, health or API description); it needs no credentials by design.`,
            },
            {
              id: 'AwsSolutions-COG4',
              reason: `${route.method} ${route.path} is public by manifest and takes no user token.`,
            },
          ]);
        }
      }
    }

    // With methods in nested stacks the RestApi cannot deploy itself (`deploy: false`): the
    // deployment comes after every stack's methods, and its logical id hashes the whole route
    // table, the authorizer and the gateway responses, so any change there deploys a new snapshot.
    const gatewayResponses = this.addGatewayResponses();
    // Under the RestApi with the ids RestApi's own deployment had, so the stage keeps its logical id.
    const deployment = new apigw.Deployment(this.api, 'Deployment', {
      api: this.api,
      description: 'Halooid REST API (built from the capability manifests)',
    });
    for (const stack of this.productStacks.values()) deployment.node.addDependency(stack);
    for (const response of gatewayResponses) deployment.node.addDependency(response);
    for (const method of this.methods) {
      if (Stack.of(method) === this) deployment.node.addDependency(method);
    }
    deployment.addToLogicalId({ routes, authorizer: AUTHORIZER_FINGERPRINT, gateway: GATEWAY_PROBLEMS });
    this.stage = new apigw.Stage(this.api, `DeploymentStage.${stage.name}`, { deployment, ...deployOptions });
    this.api.deploymentStage = this.stage;

    // Throttle (per tenant, through the authorizer's usageIdentifierKey) and daily quota per tier:
    // the same TIER_LIMITS the local gateway enforces and the kernel advertises in RateLimit-Policy.
    this.usagePlans = {} as Record<Tier, apigw.UsagePlan>;
    for (const [tier, limits] of Object.entries(TIER_LIMITS) as [Tier, (typeof TIER_LIMITS)[Tier]][]) {
      this.usagePlans[tier] = this.api.addUsagePlan(`${pascal(tier)}Plan`, {
        name: `halooid-${stage.name}-${tier}`,
        description: `Tenants on the ${tier} tier`,
        throttle: { rateLimit: limits.rateLimit, burstLimit: limits.burstLimit },
        quota: { limit: limits.quotaPerDay, period: apigw.Period.DAY },
        apiStages: [{ api: this.api, stage: this.api.deploymentStage }],
      });
      new CfnOutput(this, `${pascal(tier)}UsagePlanId`, { value: this.usagePlans[tier].usagePlanId });
    }

    this.webAcl = this.addWaf(stage);

    suppress(this.api, [
      {
        id: 'AwsSolutions-APIG2',
        reason:
          'Every function validates params, query and body with the zod schemas of its manifest (400 with field paths); a second, gateway-side copy of those schemas would drift.',
      },
      {
        id: 'AwsSolutions-COG4',
        reason:
          'Protected methods use the REQUEST Lambda authorizer, which verifies Cognito access tokens (aws-jwt-verify) and integrator API keys and checks the tenant permission: a Cognito authorizer can do neither API keys nor X-Tenant-Id.',
      },
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'API Gateway account role: AmazonAPIGatewayPushToCloudWatchLogs is the AWS-managed policy API Gateway needs to write access and execution logs.',
        appliesTo: [
          'Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs',
        ],
      },
    ]);

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
  }

  /** Errors API Gateway produces itself, in the same RFC 9457 shape as the functions'. */
  private addGatewayResponses(): apigw.GatewayResponse[] {
    const added: apigw.GatewayResponse[] = [];
    const headers = { 'Content-Type': "'application/problem+json'", 'Cache-Control': "'no-store'" };
    for (const [type, status, title, code, detail] of GATEWAY_PROBLEMS) {
      added.push(
        this.api.addGatewayResponse(pascal(type.responseType.toLowerCase()), {
          type,
          statusCode: String(status),
          responseHeaders: headers,
          templates: {
            'application/json': JSON.stringify({
              type: `${PROBLEM}${code}`,
              title,
              status,
              detail,
              code,
              correlationId: '$context.requestId',
            }),
          },
        }),
      );
    }
    // Anything else keeps API Gateway's own status code, so the body names the error type instead.
    for (const [id, type] of [
      ['Default4xx', apigw.ResponseType.DEFAULT_4XX],
      ['Default5xx', apigw.ResponseType.DEFAULT_5XX],
    ] as const) {
      added.push(
        this.api.addGatewayResponse(id, {
          type,
          responseHeaders: headers,
          templates: {
            'application/json': JSON.stringify({
              type: `${PROBLEM}gateway_error`,
              title: 'Request failed',
              detail: '$context.error.message',
              code: '$context.error.responseType',
              correlationId: '$context.requestId',
            }),
          },
        }),
      );
    }
    return added;
  }

  private addWaf(stage: StageConfig): wafv2.CfnWebACL {
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName,
    });
    const managed = (
      priority: number,
      name: string,
      overrides: wafv2.CfnWebACL.RuleActionOverrideProperty[] = [],
    ): wafv2.CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ...(overrides.length ? { ruleActionOverrides: overrides } : {}),
        },
      },
      visibilityConfig: visibility(name),
    });
    const acl = new wafv2.CfnWebACL(this, 'WebAcl', {
      name: `halooid-${stage.name}-api`,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`halooid-${stage.name}-api`),
      rules: [
        // First: anything that did not come through CloudFront is blocked before it is counted or inspected.
        this.originVerify.wafRule(0),
        {
          // Behind CloudFront the source address is an edge server shared by thousands of
          // viewers, so the count is per viewer: the address CloudFront's function put in the
          // viewer-IP header (X-Forwarded-For's first entry is whatever the client wrote, and
          // WAF reads only the first). Without the header, MATCH: counted, never exempt.
          name: 'RatePerIp',
          priority: 1,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: stage.wafRateLimit,
              aggregateKeyType: 'FORWARDED_IP',
              forwardedIpConfig: { headerName: VIEWER_IP_HEADER, fallbackBehavior: 'MATCH' },
              evaluationWindowSec: 300,
            },
          },
          visibilityConfig: visibility('RatePerIp'),
        },
        managed(2, 'AWSManagedRulesAmazonIpReputationList'),
        // The body-size rule of the common set blocks anything over 8 KB; the
        // functions enforce the platform's 1 MB limit themselves, so it only counts.
        managed(3, 'AWSManagedRulesCommonRuleSet', [
          { name: 'SizeRestrictions_BODY', actionToUse: { count: {} } },
        ]),
        managed(4, 'AWSManagedRulesKnownBadInputsRuleSet'),
        managed(5, 'AWSManagedRulesSQLiRuleSet'),
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: acl.attrArn,
    });
    return acl;
  }
}
