import { randomUUID } from 'node:crypto';
import type { Session, TestPlatform } from '@halooid/local/testing/test-platform';
import {
  type AnyRoute,
  AUTHENTICATED,
  OPERATOR,
  PUBLIC,
  type ServiceManifest,
} from '@halooid/shared/manifest';
import fc from 'fast-check';
import * as z from 'zod';
import { SERVICES } from './registry';

/**
 * Helpers of the route-walking security suite (security.int.test.ts): the
 * list of routes taken from the registry, minimal valid inputs generated
 * from each route's zod schemas, fixtures that create real resources for
 * path parameters, and fuzzed bodies.
 */

export interface WalkedRoute {
  /** `createTask POST /v1/taskodex/tasks`: the test's name. */
  name: string;
  service: string;
  route: AnyRoute;
}

export function walkRoutes(services: readonly ServiceManifest[]): WalkedRoute[] {
  return services.flatMap((service) =>
    service.routes.map((route) => ({
      name: `${route.operationId} ${route.method} ${route.path}`,
      service: `${service.product}-${service.capability}`,
      route,
    })),
  );
}

export const isPublic = (route: AnyRoute) => route.permission === PUBLIC;
export const isAuthenticatedOnly = (route: AnyRoute) => route.permission === AUTHENTICATED;
export const hasPermission = (route: AnyRoute) => !isPublic(route) && !isAuthenticatedOnly(route);
/** `/v1/operator/*`: platform operators only; every tenant role is refused. */
export const isOperatorOnly = (route: AnyRoute) => route.permission === OPERATOR;
export const pathParameterNames = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '');

export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for path parameter {${name}} of ${path}.`);
    return encodeURIComponent(value);
  });
}

// ---------------------------------------------------------------------------
// Minimal valid inputs from zod schemas, through their JSON Schema (input side).

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
  examples?: unknown[];
};

/**
 * A string that passes most of our string rules as it is: 14 characters with
 * a lower- and an upper-case letter, a digit and a symbol (so it satisfies
 * the password policy too), no surrounding blanks.
 */
const PLAIN_STRING = 'Sample-value-1';

function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'email':
      return `security-${randomUUID().slice(0, 8)}@example.com`;
    case 'date-time':
      // Tomorrow: future-dated fields (key expiry) accept it, past-only ones are rare.
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'date':
      return '2030-01-15';
  }
  // A schema's own example beats a random match of its pattern (ISO codes pass a pattern and a refinement).
  if (typeof schema.examples?.[0] === 'string') return schema.examples[0];
  if (schema.pattern) {
    const [value] = fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { numRuns: 1, seed: 42 });
    if (value !== undefined) return value;
  }
  const min = schema.minLength ?? 0;
  const value = PLAIN_STRING.padEnd(min, 'x');
  return schema.maxLength !== undefined ? value.slice(0, Math.max(schema.maxLength, min)) : value;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  return schema.type;
}

/** One valid-looking value for a JSON Schema: required properties only, first choice of any union. */
export function sampleFromJsonSchema(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const choice = union.find((option) => option.type !== 'null') ?? union[0];
    return choice ? sampleFromJsonSchema(choice) : null;
  }
  if (schema.allOf?.[0]) return sampleFromJsonSchema(schema.allOf[0]);
  switch (typeOf(schema)) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const property = schema.properties?.[key];
        if (property) value[key] = sampleFromJsonSchema(property);
      }
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleFromJsonSchema(schema.items ?? {}));
    case 'string':
      return sampleString(schema);
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return schema.default ?? PLAIN_STRING;
  }
}

const jsonSchemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/**
 * The smallest body the route's schema accepts: the required properties; when
 * a refinement wants more ("change at least one field"), optional properties
 * are added in declaration order until the schema itself says yes. Throws
 * when no such body is found, naming the route, so a new schema the
 * generator cannot satisfy fails loudly instead of being skipped.
 */
export function minimalBody(route: AnyRoute): unknown {
  if (!route.body) return undefined;
  const schema = jsonSchemaOf(route.body);
  const sample = sampleFromJsonSchema(schema);
  if (route.body.safeParse(sample).success) return sample;
  if (sample && typeof sample === 'object' && !Array.isArray(sample) && schema.properties) {
    const grown: Record<string, unknown> = { ...sample };
    for (const [key, property] of Object.entries(schema.properties)) {
      if (key in grown) continue;
      grown[key] = sampleFromJsonSchema(property);
      if (route.body.safeParse(grown).success) return grown;
    }
    // The refinement may sit on a nested object (a bulk update's `patch`): grow those the same way.
    for (const [key, property] of Object.entries(schema.properties)) {
      const nested = grown[key];
      if (!nested || typeof nested !== 'object' || Array.isArray(nested) || !property.properties) continue;
      for (const [inner, innerProperty] of Object.entries(property.properties)) {
        if (inner in nested) continue;
        (nested as Record<string, unknown>)[inner] = sampleFromJsonSchema(innerProperty);
        if (route.body.safeParse(grown).success) return grown;
      }
    }
  }
  const issues = route.body.safeParse(sample).error?.issues.map((issue) => issue.message);
  throw new Error(
    `Cannot build a valid body for ${route.operationId}: ${JSON.stringify(sample)} fails with ${JSON.stringify(issues)}. ` +
      'Teach sampleFromJsonSchema in functions/security-fixtures.ts the missing case.',
  );
}

/**
 * The required query parameters of a route as a query string (`?itemId=…&quantity=9`), or '' when it
 * has none: a route whose query names what to compute (a quote) must reach its resource check too.
 */
export function minimalQuery(route: AnyRoute): string {
  if (!route.query) return '';
  const sample = sampleFromJsonSchema(jsonSchemaOf(route.query)) as Record<string, unknown>;
  const entries = Object.entries(sample).map(([key, value]) => [key, String(value)]);
  return entries.length > 0 ? `?${new URLSearchParams(entries)}` : '';
}

/** Syntactically valid path parameters (random, not real resources), from the route's params schema. */
export function sampleParams(route: AnyRoute): Record<string, string> {
  const names = pathParameterNames(route.path);
  const schema = route.params ? jsonSchemaOf(route.params) : undefined;
  return Object.fromEntries(
    names.map((name) => {
      const property = schema?.properties?.[name];
      return [name, property ? String(sampleFromJsonSchema(property)) : randomUUID()];
    }),
  );
}

// ---------------------------------------------------------------------------
// Real resources of a tenant, by path parameter name.

export interface FixtureContext {
  platform: TestPlatform;
  /** An Owner of the tenant the resources are created in. */
  owner: Session;
  slug: string;
  /** A member of that tenant who is not the owner (removing or re-roling them must be possible). */
  memberId: string;
}

export type Fixture = (context: FixtureContext) => Promise<string>;

async function created(
  context: FixtureContext,
  path: string,
  body: unknown,
  pick: (body: Record<string, unknown>) => unknown,
) {
  const response = await context.platform.request('POST', path, {
    headers: context.owner.headers(context.slug),
    body,
  });
  const id = response.status === 201 || response.status === 200 ? pick(response.body) : undefined;
  if (typeof id !== 'string')
    throw new Error(`Fixture POST ${path} failed: ${response.status} ${response.text.slice(0, 300)}`);
  return id;
}

/**
 * How to get a real resource id for each path parameter name. A route with a
 * parameter missing here fails the cross-tenant sweep with a message saying
 * to add it: new routes cannot silently skip the sweep.
 */
export const FIXTURES: Record<string, Fixture> = {
  // Operator routes act on a whole tenant (suspend, tier): a throwaway one, so the fuzzing never suspends Acme.
  tenantId: async (context) => {
    const id = randomUUID();
    await context.platform.db.query(`insert into platform.tenants (id, name, slug) values ($1, $2, $3)`, [
      id,
      'Security sweep tenant',
      `sweep-${id.slice(0, 8)}`,
    ]);
    return id;
  },
  // AdminHub users: the sweep's own member, one of their sessions (a row: signing in is the auth API's)
  // and a bulk job that changes nothing (enabling an active member is a skip).
  memberId: async (context) => context.memberId,
  sessionId: async (context) => {
    const id = randomUUID();
    await context.platform.db.query(
      `insert into platform.sessions (id, user_id, device, ip) values ($1, $2, 'Security sweep', '203.0.113.9')`,
      [id, context.memberId],
    );
    return id;
  },
  bulkJobId: (context) =>
    created(
      context,
      '/v1/adminhub/bulk-jobs',
      { action: 'enable', selection: { userIds: [context.memberId] } },
      (body) => body.id,
    ),
  // A finished (failed) export: the sweep must not start the export job nor block the one-at-a-time rule.
  exportId: async (context) => {
    const id = randomUUID();
    await context.platform.db.query(
      `insert into adminhub.data_exports (tenant_id, id, requested_by, requested_by_type, status)
       values ($1, $2, 'security-sweep', 'user', 'failed')`,
      [tenantIdOf(context), id],
    );
    return id;
  },
  taskId: (context) =>
    created(context, '/v1/taskodex/tasks', { title: 'Security sweep task' }, (body) => body.id),
  projectId: (context) =>
    created(
      context,
      '/v1/taskodex/projects',
      {
        key: `S${randomUUID().replaceAll('-', '').slice(0, 8).toUpperCase()}`,
        name: 'Security sweep project',
      },
      (body) => body.id,
    ),
  roleId: (context) =>
    created(
      context,
      '/v1/rbac/roles',
      { name: `Sweep role ${randomUUID().slice(0, 8)}`, permissions: ['taskodex:task:read'] },
      (body) => body.id,
    ),
  keyId: (context) =>
    created(
      context,
      '/v1/api-keys',
      { name: 'Security sweep key', scopes: ['taskodex:task:read'] },
      (body) => body.id,
    ),
  userId: async (context) => context.memberId,
  commentId: async (context) => {
    const taskId = await (FIXTURES.taskId as Fixture)(context);
    return created(
      context,
      `/v1/taskodex/tasks/${taskId}/comments`,
      { body: 'Security sweep' },
      (body) => body.id,
    );
  },
  relationId: async (context) => {
    const [taskId, otherId] = [
      await (FIXTURES.taskId as Fixture)(context),
      await (FIXTURES.taskId as Fixture)(context),
    ];
    return created(
      context,
      `/v1/taskodex/tasks/${taskId}/relations`,
      { type: 'blocks', taskId: otherId },
      (body) => body.id,
    );
  },
  viewId: (context) =>
    created(context, '/v1/taskodex/views', { name: 'Security sweep view' }, (body) => body.id),
  timeEntryId: (context) =>
    created(
      context,
      '/v1/taskodex/time-entries',
      { description: 'Security sweep time', startedAt: '2026-01-05T09:00:00Z', durationSeconds: 600 },
      (body) => body.id,
    ),
  // CustomerConnect settings: keys and team names are unique per tenant, so each fixture gets its own.
  fieldId: (context) =>
    created(
      context,
      '/v1/customerconnect/fields',
      { object: 'company', key: `sweep${randomUUID().slice(0, 8)}`, label: 'Sweep', type: 'text' },
      (body) => body.id,
    ),
  teamId: (context) =>
    created(context, '/v1/customerconnect/teams', { name: `Sweep ${randomUUID()}` }, (body) => body.id),
  // Pipelines: names are unique per tenant, and the stages need an open, a won and a lost one.
  pipelineId: (context) =>
    created(
      context,
      '/v1/customerconnect/pipelines',
      {
        name: `Sweep ${randomUUID()}`,
        stages: [
          { name: 'Open', probability: 10 },
          { name: 'Won', kind: 'won' },
          { name: 'Lost', kind: 'lost' },
        ],
      },
      (body) => body.id,
    ),
  // Not a tenant resource (an ISO week is the same week in every tenant): see NOT_TENANT_RESOURCES.
  week: async () => '2026-W02',
  // Qultrix organization: names are unique per tenant, so each fixture gets its own.
  departmentId: (context) =>
    created(
      context,
      '/v1/qultrix/departments',
      { name: `Sweep department ${randomUUID().slice(0, 8)}` },
      (body) => body.id,
    ),
  positionId: (context) =>
    created(
      context,
      '/v1/qultrix/positions',
      { title: `Sweep position ${randomUUID().slice(0, 8)}` },
      (body) => body.id,
    ),
  locationId: (context) =>
    created(
      context,
      '/v1/qultrix/locations',
      { name: `Sweep location ${randomUUID().slice(0, 8)}` },
      (body) => body.id,
    ),
  calendarId: (context) =>
    created(
      context,
      '/v1/qultrix/holiday-calendars',
      { name: `Sweep calendar ${randomUUID().slice(0, 8)}` },
      (body) => body.id,
    ),
  // A holiday's date: a day, not a tenant resource; its calendar is what the cross-tenant sweep tries.
  date: async () => '2026-12-25',
  webhookId: (context) => createdWebhook(context),
  deliveryId: async (context) => {
    const webhookId = await createdWebhook(context);
    const id = randomUUID();
    await context.platform.db.query(
      `insert into platform.webhook_deliveries (tenant_id, id, webhook_id, event_id, event_type, payload, status)
       values ($1, $2, $3, $4, 'taskodex.task.created', '{}', 'failed')`,
      [tenantIdOf(context), id, webhookId, randomUUID()],
    );
    return id;
  },
  notificationId: async (context) => {
    const id = randomUUID();
    await context.platform.db.query(
      `insert into platform.notifications (tenant_id, id, user_id, event_id, type, title)
       values ($1, $2, $3, $4, 'taskodex.task.assigned', 'Security sweep notification')`,
      [tenantIdOf(context), id, context.memberId, randomUUID()],
    );
    return id;
  },
  // Qultrix time off: the owner files for a fresh employee (an unpaid type tracks no balance).
  requestId: async (context) => {
    const employeeId = await qultrixEmployee(context);
    const leaveTypeId = await created(
      context,
      '/v1/qultrix/leave-types',
      { name: `Sweep leave ${randomUUID().slice(0, 8)}`, kind: 'unpaid' },
      (body) => body.id,
    );
    return created(
      context,
      '/v1/qultrix/time-off/requests',
      { employeeId, leaveTypeId, start: '2027-03-01', end: '2027-03-01' },
      (body) => body.id,
    );
  },
  // Qultrix leave types and policies: names are unique per tenant, so each fixture gets its own.
  leaveTypeId: (context) => qultrixLeaveType(context),
  policyId: async (context) =>
    created(
      context,
      '/v1/qultrix/leave-policies',
      { leaveTypeId: await qultrixLeaveType(context), name: 'Sweep policy', yearlyEntitlement: '20' },
      (body) => body.id,
    ),
  // The API wants a delegate who signs in; the sweep only needs a real row.
  delegationId: async (context) => {
    const [delegatorId, delegateId] = [await qultrixEmployee(context), await qultrixEmployee(context)];
    const id = randomUUID();
    await context.platform.db.query(
      `insert into qultrix.approval_delegations (tenant_id, id, delegator_id, delegate_id, starts_on, ends_on)
       values ($1, $2, $3, $4, '2027-01-01', '2027-01-31')`,
      [tenantIdOf(context), id, delegatorId, delegateId],
    );
    return id;
  },
  // Qultrix job history: a scheduled change of a fresh employee (cancelling it is a swept route).
  changeId: async (context) => {
    const employeeId = await qultrixEmployee(context);
    return created(
      context,
      `/v1/qultrix/employees/${employeeId}/job-changes`,
      { kind: 'other', effectiveDate: '2999-01-01', changes: { managerId: null } },
      (body) => body.id,
    );
  },
  // CustomerConnect activities and timelines: a company arranged in SQL (the record APIs are not what is swept here).
  activityId: async (context) =>
    created(
      context,
      '/v1/customerconnect/activities',
      { type: 'note', links: [{ recordType: 'company', recordId: await sweepCompany(context) }] },
      (body) => body.id,
    ),
  // CustomerConnect lead rules (leads themselves come from their collection's POST).
  scoringRuleId: (context) =>
    created(
      context,
      '/v1/customerconnect/lead-scoring-rules',
      { kind: 'field', field: 'source', value: 'web', points: 1 },
      (body) => body.id,
    ),
  assignmentRuleId: async (context) =>
    created(
      context,
      '/v1/customerconnect/assignment-rules',
      { name: 'Sweep rule', kind: 'round_robin', teamId: await (FIXTURES.teamId as Fixture)(context) },
      (body) => body.id,
    ),
  // Timelines: `recordType` names an object (the same in every tenant), `recordId` the tenant's company.
  recordType: async () => 'company',
  recordId: (context) => sweepCompany(context),
  // Invantray
  itemId: (context) => sweepInvantrayItem(context),
  categoryId: (context) =>
    created(
      context,
      '/v1/invantray/categories',
      { name: `Sweep ${randomUUID().slice(0, 8)}` },
      (body) => body.id,
    ),
  warehouseId: (context) => sweepWarehouse(context),
  stockLocationId: (context) => sweepCountLocation(context),
  supplierId: (context) => sweepSupplier(context),
  supplierPriceId: async (context) =>
    created(
      context,
      `/v1/invantray/suppliers/${await sweepSupplier(context)}/prices`,
      { itemId: await sweepInvantrayItem(context), unitPrice: '1.50' },
      (body) => body.id,
    ),
  requisitionId: async (context) =>
    created(
      context,
      '/v1/invantray/requisitions',
      { lines: [{ itemId: await sweepInvantrayItem(context), quantity: '1' }] },
      (body) => body.id,
    ),
  // A fresh location each time: two open counts of one location would overlap (409).
  countId: async (context) =>
    created(
      context,
      '/v1/invantray/counts',
      { stockLocationId: await sweepCountLocation(context) },
      (body) => body.id,
    ),
  purchaseOrderId: async (context) =>
    created(
      context,
      '/v1/invantray/purchase-orders',
      {
        supplierId: await sweepSupplier(context),
        warehouseId: await sweepWarehouse(context),
        exchangeRate: '1.1',
        lines: [{ itemId: await sweepInvantrayItem(context), quantity: '2', unitPrice: '3.50' }],
      },
      (body) => body.id,
    ),
  // A reservation needs stock: one unit received into a fresh bin, then held.
  domainId: (context) =>
    created(
      context,
      '/v1/adminhub/domains',
      { domain: `sweep-${randomUUID().slice(0, 8)}.example` },
      (body) => body.id,
    ),
  reservationId: async (context) => {
    const [itemId, stockLocationId] = [await sweepInvantrayItem(context), await sweepCountLocation(context)];
    await created(
      context,
      '/v1/invantray/stock/moves',
      { kind: 'receipt', lines: [{ itemId, quantity: '1', toStockLocationId: stockLocationId }] },
      (body) => body.batchId,
    );
    return created(
      context,
      '/v1/invantray/reservations',
      { itemId, stockLocationId, quantity: '1' },
      (body) => body.id,
    );
  },
  // A receipt row straight in its table, on a sent order made the same way.
  receiptId: async (context) => {
    const [tenantId, orderId, id] = [tenantIdOf(context), randomUUID(), randomUUID()];
    await context.platform.db.query(
      `insert into invantray.purchase_orders (tenant_id, id, number, supplier_id, warehouse_id, status, currency)
       values ($1, $2, $3, $4, $5, 'sent', 'USD')`,
      [
        tenantId,
        orderId,
        `SW-${orderId.slice(0, 8)}`,
        await sweepSupplier(context),
        await sweepWarehouse(context),
      ],
    );
    await context.platform.db.query(
      'insert into invantray.receipts (tenant_id, id, number, purchase_order_id) values ($1, $2, $3, $4)',
      [tenantId, id, `SW-${id.slice(0, 8)}`, orderId],
    );
    return id;
  },
  // An open alert straight in its table: only the detector job raises alerts.
  alertId: async (context) => {
    const id = randomUUID();
    await context.platform.db.query(
      `insert into adminhub.alerts (tenant_id, id, detector, severity, title, dedup_key, first_seen, last_seen)
       values ($1, $2, 'role-escalation', 'medium', 'Security sweep alert', $3, now(), now())`,
      [tenantIdOf(context), id, `sweep:${id}`],
    );
    return id;
  },
};

/** An Invantray warehouse straight in its table, for fixtures that only need one to exist. */
async function sweepWarehouse(context: FixtureContext): Promise<string> {
  const id = randomUUID();
  await context.platform.db.query(
    'insert into invantray.warehouses (tenant_id, id, code, name) values ($1, $2, $3, $4)',
    [tenantIdOf(context), id, `SW${id.slice(0, 8)}`, 'Sweep warehouse'],
  );
  return id;
}

function sweepSupplier(context: FixtureContext): Promise<string> {
  const code = `SW-${randomUUID().slice(0, 8)}`;
  return created(
    context,
    '/v1/invantray/suppliers',
    { code, name: 'Sweep supplier', currency: 'EUR' },
    (body) => body.id,
  );
}

/** An Invantray item straight in its table, for fixtures that only need one to exist. */
async function sweepInvantrayItem(context: FixtureContext): Promise<string> {
  const id = randomUUID();
  await context.platform.db.query(
    'insert into invantray.items (tenant_id, id, sku, name) values ($1, $2, $3, $4)',
    [tenantIdOf(context), id, `SWEEP-${id.slice(0, 8)}`, 'Sweep item'],
  );
  return id;
}

/** A warehouse with one bin, straight in their tables, for a count to count. */
async function sweepCountLocation(context: FixtureContext): Promise<string> {
  const [warehouseId, locationId] = [randomUUID(), randomUUID()];
  const tenantId = tenantIdOf(context);
  await context.platform.db.query(
    'insert into invantray.warehouses (tenant_id, id, code, name) values ($1, $2, $3, $4)',
    [tenantId, warehouseId, `SW${warehouseId.slice(0, 8)}`, 'Sweep warehouse'],
  );
  await context.platform.db.query(
    `insert into invantray.locations (tenant_id, id, warehouse_id, code, barcode) values ($1, $2, $3, 'BIN', $4)`,
    [tenantId, locationId, warehouseId, `SWEEP-${locationId}`],
  );
  return locationId;
}

async function sweepCompany(context: FixtureContext): Promise<string> {
  const id = randomUUID();
  await context.platform.db.query(
    'insert into customerconnect.companies (tenant_id, id, name) values ($1, $2, $3)',
    [tenantIdOf(context), id, `Sweep company ${id.slice(0, 8)}`],
  );
  return id;
}

function qultrixLeaveType(context: FixtureContext) {
  return created(
    context,
    '/v1/qultrix/leave-types',
    { name: `Sweep type ${randomUUID().slice(0, 8)}`, kind: 'annual' },
    (body) => body.id,
  );
}

function qultrixEmployee(context: FixtureContext) {
  return created(
    context,
    '/v1/qultrix/employees',
    { legalName: { given: 'Sweep', family: 'Person' }, hireDate: '2026-01-05', status: 'active' },
    (body) => body.id,
  );
}

function tenantIdOf(context: FixtureContext): string {
  const tenant = context.owner.tenants.find((candidate) => candidate.slug === context.slug);
  if (!tenant) throw new Error(`The owner is not in ${context.slug}`);
  return tenant.id;
}

/** A disabled webhook on a loopback port nobody listens on: real, and never delivered to. */
function createdWebhook(context: FixtureContext) {
  return created(
    context,
    '/v1/webhooks',
    { url: 'http://127.0.0.1:9/security-sweep', events: ['taskodex.task.created'], enabled: false },
    (body) => body.id,
  );
}

export async function realParams(route: AnyRoute, context: FixtureContext): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const name of pathParameterNames(route.path)) {
    const fixture = FIXTURES[name] ?? collectionFixture(route, name);
    if (!fixture) {
      throw new Error(
        `No fixture for path parameter {${name}} of ${route.operationId} (${route.method} ${route.path}). ` +
          `Add one to FIXTURES in functions/security-fixtures.ts: a function that creates a real ${name} ` +
          'in the given tenant and returns its id, so the cross-tenant sweep can try it from another tenant.',
      );
    }
    values[name] = await fixture(context);
  }
  return values;
}

/**
 * A parameter without a FIXTURES entry is created the way the house shape
 * creates it, when its collection has a create route: `/v1/p/items/{itemId}`
 * → `POST /v1/p/items` with a minimal valid body, answered 201 with an `id`.
 * So a capability made by `npm run new` is swept with no line here.
 */
function collectionFixture(route: AnyRoute, name: string): Fixture | undefined {
  const collection = route.path.slice(0, route.path.indexOf(`/{${name}}`));
  if (collection === '' || pathParameterNames(collection).length > 0) return undefined;
  const create = SERVICES.flatMap((service) => service.routes).find(
    (candidate) => candidate.method === 'POST' && candidate.path === collection && candidate.status === 201,
  );
  if (!create) return undefined;
  return (context) => created(context, collection, minimalBody(create), (body) => body.id);
}

// ---------------------------------------------------------------------------
// Fuzzed request bodies.

export type FuzzedBody = { kind: 'json'; body: unknown } | { kind: 'raw'; raw: string } | { kind: 'none' };

/**
 * Bodies a careless or hostile client sends: any JSON value; the valid
 * sample with some fields replaced by any JSON value or dropped and odd keys
 * added; text that is not JSON; nothing at all.
 */
export function fuzzedBodies(valid: unknown): fc.Arbitrary<FuzzedBody> {
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  const json = (arbitrary: fc.Arbitrary<unknown>) =>
    arbitrary.map((body): FuzzedBody => ({ kind: 'json', body }));
  const mutated =
    valid && typeof valid === 'object' && !Array.isArray(valid)
      ? fc
          .record(
            Object.fromEntries(
              Object.entries(valid).map(([key, value]) => [
                key,
                fc.oneof(
                  fc.constant(value),
                  anyJson,
                  fc.string({ maxLength: 300 }),
                  fc.constantFrom(null, '', -1, 1e308, '\u0000', '../../etc/passwd', "' or 1=1 --"),
                ),
              ]),
            ),
            { requiredKeys: [] },
          )
          .chain((record) =>
            fc
              .dictionary(fc.string({ maxLength: 20 }), anyJson, { maxKeys: 2 })
              .map((extra) => ({ ...record, ...extra })),
          )
      : anyJson;
  return fc.oneof(
    { weight: 4, arbitrary: json(mutated) },
    { weight: 2, arbitrary: json(anyJson) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((raw): FuzzedBody => ({ kind: 'raw', raw })) },
    { weight: 1, arbitrary: fc.constant<FuzzedBody>({ kind: 'none' }) },
  );
}

const withNul = (value: unknown): unknown => {
  if (typeof value === 'string') return `${value}\u0000`;
  if (Array.isArray(value)) return value.map(withNul);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withNul(item)]));
  }
  return value;
};

/**
 * The valid body with `\u0000` appended to the strings of one top-level field
 * at a time (PostgreSQL text and jsonb cannot hold NUL), so every field is
 * tried whatever the random runs draw.
 */
export function withNulInStrings(valid: unknown): unknown[] {
  if (!valid || typeof valid !== 'object' || Array.isArray(valid)) return [withNul(valid)];
  return Object.entries(valid)
    .filter(([, item]) => JSON.stringify(withNul(item)) !== JSON.stringify(item))
    .map(([key, item]) => ({ ...valid, [key]: withNul(item) }));
}
