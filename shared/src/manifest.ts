import type * as z from 'zod';

/**
 * The manifest is the single declaration of a capability. CDK (infra/aws),
 * the local runtime (infra/local), the authorizer and the OpenAPI generator
 * all read it, so a route, permission or event is never written twice.
 */

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Marks a route that needs no credentials. It must be said explicitly: a missing permission fails the manifest test. */
export const PUBLIC = 'public' as const;

/**
 * Any signed-in user, with or without a tenant: their own profile, password,
 * MFA. `X-Tenant-Id`, when sent, must still be one of theirs. API keys are
 * refused: these routes act on a person, not on a tenant.
 */
export const AUTHENTICATED = 'authenticated' as const;

/**
 * A platform operator: a member of the user pool's operator group who signed
 * in with MFA, acting on the platform, never as a member of a tenant. Only
 * `/v1/operator/*` routes use it; tenant roles and API keys are refused.
 */
export const OPERATOR = 'operator' as const;

/** `<product>:<resource>:<action>`, e.g. `taskodex:task:write`. */
export type Permission = `${string}:${string}:${string}`;

export type AnyZodObject = z.ZodObject<z.ZodRawShape>;

export interface RouteDefinition<
  Params extends AnyZodObject | undefined = AnyZodObject | undefined,
  Query extends AnyZodObject | undefined = AnyZodObject | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Response extends z.ZodType | undefined = z.ZodType | undefined,
> {
  /** Unique across the platform; names the implementation in handler.ts and the OpenAPI operation. */
  operationId: string;
  method: HttpMethod;
  /** API Gateway resource path with `{name}` parameters, e.g. `/v1/taskodex/tasks/{taskId}`. */
  path: string;
  permission: Permission | typeof PUBLIC | typeof AUTHENTICATED | typeof OPERATOR;
  summary: string;
  description?: string;
  params?: Params;
  query?: Query;
  body?: Body;
  /** Status of a successful call (200 unless stated). */
  status?: number;
  /** Schema of a successful response body; undefined means no body (204). */
  response?: Response;
  /** Extra request headers the route reads, documented in OpenAPI (e.g. `If-Match`). */
  headers?: Record<string, string>;
  /**
   * Text media types accepted besides JSON, e.g. `['text/csv']` for an import:
   * such a body reaches the `body` schema as a string. Other routes answer 415.
   */
  textBodyTypes?: readonly string[];
  /** Non-JSON media types a success may answer with (`text/csv` downloads), documented in OpenAPI. */
  produces?: readonly string[];
}

export type AnyRoute = RouteDefinition;

export interface PermissionDefinition {
  name: Permission;
  description: string;
}

export interface ServiceResources {
  /** Needs Postgres (a pool, the tenant transaction helper, migrations). */
  database?: boolean;
  /** Calls the Cognito user pool API. */
  cognito?: boolean;
  /** Uses the cache port (Redis in AWS when configured). */
  cache?: boolean;
  /** DynamoDB tables it reads or writes, by logical name. */
  tables?: string[];
  /**
   * Opens or seals secrets stored encrypted (shared/src/crypto): in AWS, read access to the data
   * key secret, whose ARN is in DATA_ENCRYPTION_KEYS_SECRET_ARN. Not given to its subscribers.
   */
  dataKeys?: boolean;
  /** Reads and writes the files bucket (S3; FILES_BUCKET): tenant exports, under `tenants/<tenantId>/`. */
  objectStore?: boolean;
  /**
   * Sends the platform's own email (shared/src/mail.ts): in AWS, ses:SendEmail as the deployment's
   * sender (context `mailFrom`, given to the function as MAIL_FROM); without one, nothing is mailed.
   */
  mail?: boolean;
  /** Reads CloudWatch metrics (GetMetricData): the operators' health view (shared/src/metrics). */
  metrics?: boolean;
}

/** An event a capability publishes; its schema lives in the product's catalog (`functions/<product>/events.ts`). */
export interface EmittedEvent {
  /** `<resource>.<verb>`, e.g. `task.created`. */
  type: string;
}

/**
 * An event a capability reacts to. `pattern` is an EventBridge event pattern:
 * CDK turns it into a rule on the bus, the local bus applies the same pattern.
 * `handler` names the export of the capability's `subscribers.ts` that runs.
 */
export interface Subscription {
  name: string;
  pattern: Record<string, unknown>;
  handler: string;
}

export interface ServiceManifest<Routes extends readonly AnyRoute[] = readonly AnyRoute[]> {
  product: string;
  capability: string;
  description: string;
  resources: ServiceResources;
  /** Permissions this capability defines: the catalog the role editor and the authorizer use. */
  permissions: readonly PermissionDefinition[];
  routes: Routes;
  emits?: readonly EmittedEvent[];
  subscriptions?: readonly Subscription[];
}

/** Identity at run time; keeps the literal operation id, permission and schema types for the handler's typing. */
export function defineRoute<const R extends AnyRoute>(route: R): R {
  return route;
}

export function defineService<const Routes extends readonly AnyRoute[]>(
  manifest: ServiceManifest<Routes>,
): ServiceManifest<Routes> {
  return manifest;
}

/** The function name used for a capability everywhere: Lambda name suffix, logger service name, metrics. */
export function serviceName(manifest: Pick<ServiceManifest, 'product' | 'capability'>): string {
  return `${manifest.product}-${manifest.capability}`;
}

/** `GET /v1/taskodex/tasks/{taskId}`: how routes are keyed by the gateway and the authorizer. */
export function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<R extends AnyRoute> {
  params: Infer<R['params']>;
  query: Infer<R['query']>;
  body: Infer<R['body']>;
}

export type ResponseBody<R extends AnyRoute> = R['response'] extends z.ZodType
  ? z.input<R['response']>
  : undefined;
