import type { SortColumn } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { CURRENCY_PATTERN } from '@halooid/shared/decimal';
import { type FieldError, ValidationError } from '@halooid/shared/errors';
import * as z from 'zod';
import type { RecordObject } from './records';
import type { Bind } from './visibility';

/**
 * Custom fields: per object, admins define typed fields; records carry their
 * values in `custom` (jsonb). A write is validated against the tenant's
 * definitions through a zod schema built from them and cached per
 * definitions version (customerconnect.settings.fields_version, bumped by
 * every definition change), so a changed definition takes effect on the next
 * request in every Lambda without a cache flush: each request reads the
 * version (one indexed row) and compiles only when it moved.
 *
 * Values: text → string; number → finite JSON number; date → `YYYY-MM-DD`;
 * select → one of `options`; multi_select → distinct options; boolean;
 * currency → `{ amount: "1234.50", currency: "EUR" }` (decimal string, never
 * a float); user → a user id. `null` clears a value.
 */
export const FIELD_TYPES = [
  'text',
  'number',
  'date',
  'select',
  'multi_select',
  'boolean',
  'currency',
  'user',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDefinition {
  id: string;
  object: RecordObject;
  key: string;
  label: string;
  type: FieldType;
  options: string[];
  required: boolean;
  position: number;
  archived: boolean;
}

export const DECIMAL_PATTERN = /^-?\d{1,16}(\.\d{1,2})?$/;
export { CURRENCY_PATTERN };

/** The open object OpenAPI shows for `custom`; the definitions are at GET /v1/customerconnect/fields. */
export const CustomValues = z
  .record(z.string().max(40), z.unknown())
  .describe(
    'Custom field values by key, validated against the tenant’s definitions (GET /v1/customerconnect/fields). `null` clears a value.',
  );

/** `?custom=key:value` (repeatable; also `key>=value`, `key<=value` for numbers, dates and currency amounts). */
export const CustomFilterQuery = z
  .union([z.string().max(300), z.array(z.string().max(300)).max(10)])
  .optional()
  .describe(
    'Filter on custom fields: `key:value` (select and boolean equal, multi-select contains, text contains, case-insensitive), `key>=value` or `key<=value` for number, date and currency. Repeat for more.',
  );

export interface CompiledFields {
  version: number;
  /** Active (not archived) definitions, in `position` order. */
  definitions: readonly FieldDefinition[];
  byKey: ReadonlyMap<string, FieldDefinition>;
  schema: z.ZodType<Record<string, unknown>>;
}

const compiled = new Map<string, CompiledFields>();
const MAX_CACHED = 500;

function valueSchema(definition: FieldDefinition): z.ZodType {
  switch (definition.type) {
    case 'text':
      return z.string().max(2000);
    case 'number':
      return z.number().finite();
    case 'date':
      return z.iso.date();
    case 'select':
      return z.enum(definition.options as [string, ...string[]]);
    case 'multi_select':
      return z
        .array(z.enum(definition.options as [string, ...string[]]))
        .max(100)
        .refine((values) => new Set(values).size === values.length, 'Each option at most once.');
    case 'boolean':
      return z.boolean();
    case 'currency':
      return z.strictObject({
        amount: z.string().regex(DECIMAL_PATTERN, 'A decimal amount as a string, such as "1250.00".'),
        currency: z.string().regex(CURRENCY_PATTERN, 'An ISO 4217 code such as EUR.'),
      });
    case 'user':
      return z.uuid();
  }
}

export function compileFields(version: number, all: readonly FieldDefinition[]): CompiledFields {
  const definitions = all
    .filter((definition) => !definition.archived)
    .sort((a, b) => a.position - b.position);
  const shape: Record<string, z.ZodType> = {};
  for (const definition of definitions) shape[definition.key] = valueSchema(definition).nullable().optional();
  return {
    version,
    definitions,
    byKey: new Map(definitions.map((definition) => [definition.key, definition])),
    schema: z.strictObject(shape) as unknown as z.ZodType<Record<string, unknown>>,
  };
}

export async function fieldsVersionOf(tx: Tx, tenantId: string): Promise<number> {
  const { rows } = await tx.query<{ fields_version: number }>(
    'select fields_version from customerconnect.settings where tenant_id = $1',
    [tenantId],
  );
  return rows[0]?.fields_version ?? 0;
}

export async function selectDefinitions(
  tx: Tx,
  tenantId: string,
  object?: RecordObject,
): Promise<FieldDefinition[]> {
  const { rows } = await tx.query<FieldDefinition>(
    `select id, object, key, label, type, options, required, position, archived
       from customerconnect.field_definitions
      where tenant_id = $1 and ($2::text is null or object = $2)
      order by object, position, key`,
    [tenantId, object ?? null],
  );
  return rows;
}

/** The object's compiled definitions for this request: the cache entry of the current version, or a fresh compile. */
export async function loadFields(tx: Tx, tenantId: string, object: RecordObject): Promise<CompiledFields> {
  const version = await fieldsVersionOf(tx, tenantId);
  const cacheKey = `${tenantId}:${object}:${version}`;
  const hit = compiled.get(cacheKey);
  if (hit) return hit;
  const fields = compileFields(version, await selectDefinitions(tx, tenantId, object));
  if (compiled.size >= MAX_CACHED) compiled.clear();
  compiled.set(cacheKey, fields);
  return fields;
}

/** Bumps the definitions version: every Lambda recompiles on its next request. Call in the same transaction as the change. */
export async function bumpFieldsVersion(tx: Tx, tenantId: string): Promise<number> {
  const { rows } = await tx.query<{ fields_version: number }>(
    `insert into customerconnect.settings as s (tenant_id, fields_version) values ($1, 1)
     on conflict (tenant_id) do update set fields_version = s.fields_version + 1, updated_at = now()
     returning fields_version`,
    [tenantId],
  );
  return rows[0]?.fields_version ?? 1;
}

function issuesToErrors(error: z.ZodError, prefix: string): FieldError[] {
  // An unknown-keys issue lists every stray key at once: one error per key, so each names its field.
  return error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({
        field: `${prefix}.${key}`,
        message: `No custom field "${key}" is defined.`,
        code: 'unknown_field',
      }));
    const path = issue.path.join('.');
    return [{ field: path ? `${prefix}.${path}` : prefix, message: issue.message, code: 'invalid_value' }];
  });
}

/**
 * Validates `input` (the body's `custom`) and returns the stored object: on
 * create the values given; on update `current` with the given keys changed
 * (null removes a key). A required field missing after the write is a 400 too.
 * `prefix` names the body path in errors (`body.custom`, or `row 12: custom`
 * for an import).
 */
export function validateCustom(
  fields: CompiledFields,
  input: Record<string, unknown> | undefined,
  options: { current?: Record<string, unknown>; prefix?: string } = {},
): Record<string, unknown> {
  const prefix = options.prefix ?? 'body.custom';
  const parsed = fields.schema.safeParse(input ?? {});
  if (!parsed.success) {
    const errors = issuesToErrors(parsed.error, prefix);
    throw new ValidationError(
      `Custom field ${errors[0]?.field.slice(prefix.length + 1) || ''} is not valid.`.trim(),
      errors,
    );
  }
  const result: Record<string, unknown> = { ...(options.current ?? {}) };
  for (const [key, value] of Object.entries(parsed.data)) {
    if (value === null || value === undefined) delete result[key];
    else result[key] = value;
  }
  const missing = fields.definitions.filter(
    (definition) => definition.required && !(definition.key in result),
  );
  if (missing.length > 0) {
    throw new ValidationError(
      `Custom field ${missing.map((definition) => definition.key).join(', ')} is required.`,
      missing.map((definition) => ({
        field: `${prefix}.${definition.key}`,
        message: `${definition.label} is required.`,
        code: 'required',
      })),
    );
  }
  return result;
}

/** The changed custom keys between two stored objects, as timeline changes (`custom.<key>`). */
export function customChanges(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { field: string; from: unknown; to: unknown }[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map((key) => ({ field: `custom.${key}`, from: before[key] ?? null, to: after[key] ?? null }));
}

/**
 * Sort columns for `?sort=custom.<key>`: non-null expressions over `column`
 * (such as `c.custom`), typed for keyset comparison. Merge them into a list's
 * allowlist; unset values sort first ascending.
 */
export function customSortColumns(fields: CompiledFields, column: string): Record<string, SortColumn> {
  const sorts: Record<string, SortColumn> = {};
  for (const definition of fields.definitions) {
    const raw = `(${column} ->> '${definition.key}')`;
    const json = `(${column} -> '${definition.key}')`;
    switch (definition.type) {
      case 'number':
        sorts[`custom.${definition.key}`] = {
          sql: `coalesce(case when jsonb_typeof(${json}) = 'number' then ${raw}::float8 end, '-Infinity'::float8)`,
          type: 'float8',
        };
        break;
      case 'currency':
        sorts[`custom.${definition.key}`] = {
          sql: `coalesce((${json} ->> 'amount')::float8, '-Infinity'::float8)`,
          type: 'float8',
        };
        break;
      case 'multi_select':
        sorts[`custom.${definition.key}`] = { sql: `coalesce(${json}::text, '')`, type: 'text' };
        break;
      default:
        // Keys are checked against ^[a-z][a-zA-Z0-9_]*$ at definition time, so splicing them is safe.
        sorts[`custom.${definition.key}`] = { sql: `lower(coalesce(${raw}, ''))`, type: 'text' };
    }
  }
  return sorts;
}

const FILTER_PATTERN = /^([a-z][a-zA-Z0-9_]{0,39})(:|>=|<=)(.*)$/s;

function filterError(message: string): ValidationError {
  return new ValidationError(message, [{ field: 'query.custom', message, code: 'invalid_custom_filter' }]);
}

/**
 * SQL conditions (to AND into a list's WHERE) for `?custom=` filters over
 * `column`. Values are bound, never spliced; keys are checked against the
 * definitions. An unknown key or a value of the wrong type is a 400.
 */
export function customFilterConditions(
  fields: CompiledFields,
  filters: string | readonly string[] | undefined,
  column: string,
  bind: Bind,
): string[] {
  if (filters === undefined) return [];
  const list = typeof filters === 'string' ? [filters] : filters;
  return list.map((filter) => {
    const match = FILTER_PATTERN.exec(filter);
    if (!match) throw filterError(`Filter "${filter}" is not key:value, key>=value or key<=value.`);
    const [, key = '', operator, value = ''] = match;
    const definition = fields.byKey.get(key);
    if (!definition) throw filterError(`No custom field "${key}" is defined.`);
    const raw = `(${column} ->> '${key}')`;
    const ranged = operator !== ':';
    if (ranged && !['number', 'date', 'currency'].includes(definition.type))
      throw filterError(`Custom field "${key}" (${definition.type}) filters with key:value only.`);
    switch (definition.type) {
      case 'number':
      case 'currency': {
        if (!/^-?\d+(\.\d+)?$/.test(value)) throw filterError(`Custom field "${key}" needs a number.`);
        const amount = definition.type === 'currency' ? `(${column} -> '${key}' ->> 'amount')` : raw;
        const op = operator === ':' ? '=' : operator;
        return `(case when ${amount} ~ '^-?[0-9]+(\\.[0-9]+)?$' then ${amount}::numeric end) ${op} ${bind(value)}::numeric`;
      }
      case 'date': {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
          throw filterError(`Custom field "${key}" needs a date (YYYY-MM-DD).`);
        const op = operator === ':' ? '=' : operator;
        return `(case when ${raw} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then ${raw}::date end) ${op} ${bind(value)}::date`;
      }
      case 'boolean':
        if (value !== 'true' && value !== 'false')
          throw filterError(`Custom field "${key}" needs true or false.`);
        return `${column} @> ${bind(JSON.stringify({ [key]: value === 'true' }))}::jsonb`;
      case 'select':
      case 'user':
        return `${column} @> ${bind(JSON.stringify({ [key]: value }))}::jsonb`;
      case 'multi_select':
        return `${column} @> ${bind(JSON.stringify({ [key]: [value] }))}::jsonb`;
      case 'text':
        return `strpos(lower(coalesce(${raw}, '')), lower(${bind(value)})) > 0`;
    }
    throw filterError(`Custom field "${key}" cannot be filtered.`);
  });
}
