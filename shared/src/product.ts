import type { SystemRoleKey } from './auth/system-roles';
import type { Tx } from './db/transaction';
import type { EventCatalog } from './events/catalog';
import type { EventPublisher } from './events/publisher';
import type { ServiceManifest, ServiceResources } from './manifest';

/**
 * A product's one declaration (`functions/<product>/product.ts`). The
 * registry, CDK, the local runtime, the bundler, the authorizer's route
 * table, OpenAPI, the RBAC catalog and system roles, tenants'
 * `enabledProducts`, the security sweep, the demo seed and the web shell all
 * read the product list built from these; nothing names a product twice.
 *
 * Handlers are named by file, relative to the product folder, so that the
 * product manifest stays loadable without importing any handler code (CDK
 * bundles the file; the local runtime imports it on demand).
 */
export interface ProductManifest {
  /** Lower-case key: the first segment of its permissions and events source `halooid.<key>`, its folder name. */
  key: string;
  /** What people read: "Taskodex". */
  displayName: string;
  description: string;
  /** The platform itself: always enabled, never listed among a tenant's products. */
  alwaysEnabled?: boolean;
  /** Its HTTP capabilities: each capability's `service.ts` manifest. */
  capabilities: readonly ServiceManifest[];
  /** Its event catalog (`functions/<product>/events.ts`), loadable without route schemas. */
  events?: EventCatalog;
  /** Scheduled jobs: EventBridge Scheduler in AWS, timers in the local runtime. */
  schedules?: readonly ScheduledJob[];
  /**
   * Permission patterns each system role gets in this product, by system role
   * key. The platform defines the roles (shared/src/auth/system-roles.ts) and
   * the wildcard ones (owner `*:*:*`, auditor `*:*:read`) need nothing here.
   */
  roleGrants?: Readonly<Partial<Record<SystemRoleKey, readonly string[]>>>;
  /** Which of its events notify whom, delivered by the platform's notifyMember API. */
  notifications?: readonly NotificationRule[];
  /** Demo data for the local runtime (`npm run dev`): the file exporting `seedDemo` (DemoSeeder), relative to the product folder. */
  demoSeed?: string;
  /** Its entry in the web app's navigation; omitted for products without screens. */
  web?: WebNavigation;
}

export interface ScheduledJob {
  /** Unique within the product: the function is `<product>-<name>`. */
  name: string;
  description: string;
  /** An EventBridge Scheduler expression: `rate(1 minute)`, `cron(0 6 * * ? *)`. */
  schedule: string;
  /** The file exporting `handler`, relative to the product folder: `due-soon/handler.ts`. */
  handler: string;
  resources: ServiceResources;
  /** `worker` for jobs that span tenants as halooid_worker; `request` otherwise. */
  login?: 'request' | 'worker';
  /** Lambda's timeout (28 s unless stated). */
  timeoutSeconds?: number;
  memorySize?: number;
  /** Records or publishes events: gets the bus (EVENT_BUS_NAME, events:PutEvents on it). */
  emitsEvents?: boolean;
  /**
   * The CDK construct id (default: PascalCase `<product>-<name>`). Set only to
   * keep a deployed job's id: a new id replaces the function, and a function
   * with a fixed name cannot be created while the old one still exists.
   */
  cdkId?: string;
  /** Runs close to its timeout by design (polls for work): no p99-duration alarm; a timeout still counts as an error. */
  longRunning?: boolean;
  /** How often the local runtime runs it (the schedule is for AWS); it also runs once at start. */
  localEveryMs: number;
  /**
   * The file exporting `createLocalJob` (LocalJobFactory), relative to the
   * product folder, when the local runtime must run the job differently from
   * the Lambda entry (publish to the local bus, deliver continuously). Without
   * it the local runtime calls the Lambda entry's `handler()`.
   */
  local?: string;
}

/** What the local runtime hands a job's `createLocalJob`. */
export interface LocalJobContext {
  /** The local bus, for jobs that publish. */
  publisher: EventPublisher;
  /** Per-job tuning from the local runtime's options (tests make jobs fast), e.g. `minAgeMs`. */
  settings: Readonly<Record<string, number | undefined>>;
}

/** A job as the local runtime runs it: `run` once per tick (never two at once), `drain` at stop. */
export interface LocalJob {
  run(): Promise<unknown>;
  /** Waits for work `run` started but did not await (a delivery pool). */
  drain?(): Promise<void>;
}

export type LocalJobFactory = (context: LocalJobContext) => LocalJob;

/**
 * Which of a product's events notify whom. The platform's notifications
 * subscriber gets one EventBridge rule per notification rule (the union over
 * every product) and runs the rule's `notify` (shared/src/notifications.ts)
 * with `notifyMember`; the platform itself names no product.
 */
export interface NotificationRule {
  /**
   * Unique across all products (a test checks): the subscription's name, so the
   * notifications subscriber's inbox key (`platform-notifications.<name>`) and its
   * EventBridge rule. Never rename one: a renamed rule takes redelivered events as new.
   */
  name: string;
  /** EventBridge pattern over the bus event (`source` and `detail-type` at least). */
  pattern: Record<string, unknown>;
  /** The file exporting the rule's `notify` (NotifyHandler), relative to the product folder: `notifications/task-assignee.ts`. */
  handler: string;
  description: string;
}

/**
 * A product's entry in the web shell's navigation (web/src/lib/products.generated.ts).
 * The link text is the product's displayName; the entry shows when the user
 * holds any `<key>:` permission in the tenant.
 */
export interface WebNavigation {
  /** The path under `/t/<slug>`, e.g. `/taskodex`. */
  path: string;
  /** An Icon name of the web app, or a character until the product gets one. */
  icon: string;
  /** One line under the name in the product switcher. */
  description: string;
}

/** A demo tenant the local runtime just provisioned, handed to each product's demo seeder. */
export interface DemoTenantContext {
  tenantId: string;
  slug: string;
  /** Its people, the Owner first: ids (Cognito subs), names and system roles. */
  users: readonly { id: string; email: string; name: string; role: SystemRoleKey }[];
}

/**
 * A product's demo data (`seedDemo` of its `demoSeed` file): writes its rows
 * for a demo tenant the platform has just made (members and roles included),
 * in the same system transaction, only on the tenant's first start.
 */
export type DemoSeeder = (tx: Tx, tenant: DemoTenantContext) => Promise<void>;

/** Identity at run time; keeps the literal types. */
export function defineProduct<const P extends ProductManifest>(product: P): P {
  return product;
}
