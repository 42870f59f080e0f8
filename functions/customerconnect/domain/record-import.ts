import { sqlState } from '@halooid/shared/db/errors';
import type { Tx } from '@halooid/shared/db/transaction';
import { AppError, ValidationError } from '@halooid/shared/errors';
import {
  csvImportBody,
  ImportRowError,
  ignoredColumnsOf,
  inRowSavepoint,
  invalidCsv,
  mapCsvHeader,
  type RowError,
  readCsvFile,
  rowErrorsOf,
} from '@halooid/shared/http/csv-import';
import * as z from 'zod';
import type { CompiledFields, FieldDefinition } from './custom-fields';
import { CURRENCY_PATTERN, DECIMAL_PATTERN, validateCustom } from './custom-fields';

/**
 * What the four CRM imports (companies, contacts, leads, opportunities)
 * share, on top of shared/src/http/csv-import.ts (file checks, header
 * aliases, per-row savepoint, row report):
 *
 * - the request: the CSV (`text/csv` body, or JSON `{ csv, mapping, dedupe }`),
 *   an optional column `mapping` (CSV header → field name, so a HubSpot or
 *   Twenty export imports without renaming its columns; `null` ignores a
 *   column) and `dedupe`: `skip` (default: a row matching an existing record
 *   is reported in `skipped` with the match), `update` (the match is changed
 *   with the row's non-empty cells), `create` (always a new record). With a
 *   `text/csv` body, `dedupe` and `mapping` come as query parameters
 *   (`?dedupe=update&map=E-mail:email`);
 * - custom fields as columns: a column mapped to `custom.<key>`, or headed
 *   `custom.<key>` or with the field's label, holds that field's value
 *   (customValueOf converts the text);
 * - the report: `imported` (created), `updated`, `skipped` (row and the
 *   matched id), `failed` (row, column, message), the ignored columns. Row
 *   numbers count CSV records with the header as row 1.
 *
 * Each row is written behind a savepoint (inRowSavepoint): a refused row
 * fails alone, good rows land, all in the caller's one transaction. A row
 * that matches a record created by an earlier row of the same file counts as
 * a match too, so a file with the same person twice creates them once.
 *
 * An import capability supplies an ImportSpec (its columns, how a row
 * becomes its create input, its match keys and lookup, create and update
 * through the same use cases as its API) and calls `runImport`.
 */

export const DEDUPE_MODES = ['skip', 'update', 'create'] as const;
export type DedupeMode = (typeof DEDUPE_MODES)[number];

/** The body is at most 1 MB (MAX_BODY_BYTES): about 5,000 rows of 200 bytes. */
export const IMPORT_MAX_ROWS = 5_000;

const Mapping = z
  .record(z.string().min(1).max(200), z.string().max(60).nullable())
  .refine((mapping) => Object.keys(mapping).length <= 100, 'At most 100 columns.')
  .meta({
    description:
      'CSV header (as the file spells it) → field name (`email`, `custom.tier`, …); null ignores the column. ' +
      'Headers not listed are matched by their usual names.',
  });
export type Mapping = z.output<typeof Mapping>;

const DedupeQuery = z.enum(DEDUPE_MODES).meta({
  description:
    'A row matching an existing record: `skip` it (default, reported with the match), `update` the match with ' +
    'the row’s non-empty cells, or `create` a new record anyway.',
});

/** Query of an import route: how to dedupe and map when the body is `text/csv`. */
export const ImportQuery = z.strictObject({
  dedupe: DedupeQuery.optional(),
  map: z
    .union([z.string().max(300), z.array(z.string().max(300)).max(100)])
    .optional()
    .meta({
      description: 'With a text/csv body: `CSV header:field` (repeat per column); `CSV header:` ignores it.',
    }),
});
export type ImportQuery = z.output<typeof ImportQuery>;

/** Body of an import route: the CSV as text/csv, or JSON with mapping and dedupe. */
export function importBodySchema(columnsDescription: string) {
  return csvImportBody(
    columnsDescription,
    { mapping: Mapping.optional(), dedupe: DedupeQuery.optional() },
    '{"csv": "...", "mapping": {...}}',
  );
}
export type ImportBody =
  | string
  | { csv: string; mapping?: Mapping | undefined; dedupe?: DedupeMode | undefined };

export interface ImportRequest {
  csv: string;
  mapping: Mapping;
  dedupe: DedupeMode;
}

/** The request from body and query; a mapping or dedupe sent both ways is a 400 (which would win?). */
export function importRequestOf(body: ImportBody, query: ImportQuery): ImportRequest {
  const json = typeof body === 'string' ? undefined : body;
  const twice = (name: string) =>
    new ValidationError(`Send ${name} in the body or the query, not both.`, [
      { field: `query.${name}`, message: 'Also in the body.', code: 'sent_twice' },
    ]);
  if (json?.dedupe && query.dedupe) throw twice('dedupe');
  if (json?.mapping && query.map !== undefined) throw twice('map');
  const mapping: Mapping = { ...(json?.mapping ?? {}) };
  for (const entry of query.map === undefined
    ? []
    : typeof query.map === 'string'
      ? [query.map]
      : query.map) {
    const at = entry.lastIndexOf(':');
    if (at <= 0)
      throw new ValidationError(`"${entry}" is not "CSV header:field".`, [
        { field: 'query.map', message: 'Use "CSV header:field".', code: 'invalid_mapping' },
      ]);
    const target = entry.slice(at + 1).trim();
    mapping[entry.slice(0, at)] = target === '' ? null : target;
  }
  return {
    csv: typeof body === 'string' ? body : body.csv,
    mapping,
    dedupe: json?.dedupe ?? query.dedupe ?? 'skip',
  };
}

/** The answer of an import; `record` names what a row is ("contact"). */
export function recordImportResultSchema(record: string) {
  const row = z
    .number()
    .int()
    .meta({
      description: `CSV record number, 1-based, counting the header as row 1 (so the first ${record} is row 2).`,
    });
  return z.object({
    imported: z
      .number()
      .int()
      .meta({ description: `${record}s created.` }),
    updated: z
      .number()
      .int()
      .meta({ description: `Existing ${record}s changed (dedupe=update).` }),
    skipped: z.array(
      z.object({
        row,
        matchedId: z
          .uuid()
          .nullable()
          .meta({ description: `The existing ${record} the row matched; null when you cannot see it.` }),
      }),
    ),
    failed: z.array(z.object({ row, errors: z.array(ImportRowError).min(1) })),
    ignoredColumnCount: z
      .number()
      .int()
      .meta({ description: 'How many columns of the header were ignored.' }),
    ignoredColumns: z.array(z.string()).meta({ description: 'The first 20 ignored column names.' }),
  });
}
export interface RecordImportResult {
  imported: number;
  updated: number;
  skipped: { row: number; matchedId: string | null }[];
  failed: { row: number; errors: RowError[] }[];
  ignoredColumnCount: number;
  ignoredColumns: string[];
}

/** A dedupe match: the existing record and whether the caller may see it. */
export interface ImportMatch {
  id: string;
  visible: boolean;
}

/** Reads a row: the trimmed text of a field's cell ('' when absent or not mapped). */
export type CellOf<Field extends string> = (field: Field | `custom.${string}`) => string;

export interface ImportSpec<Field extends string, Input> {
  /** Usual header names, keyed lower-case with everything but letters removed ("E-mail" → "email"). */
  aliases: Readonly<Record<string, Field>>;
  /** Fields a mapping may name. */
  fields: readonly Field[];
  /** Fields the file must have a column for (after mapping). */
  required: readonly Field[];
  /** The object's custom field definitions (columns `custom.<key>`). */
  customFields: CompiledFields;
  /**
   * Optional: called once before the rows are read, with each column's
   * non-empty cells, for lookups of the whole file at once (companies by
   * name, owners by email) that `toInput` then reads.
   */
  prepare?(cells: (field: Field) => string[]): Promise<void>;
  /** The row as the create input, or undefined after `report`ing what is wrong. */
  toInput(
    cell: CellOf<Field>,
    custom: Record<string, unknown>,
    report: (field: Field | `custom.${string}` | null, message: string) => void,
  ): Input | undefined;
  /** The row's dedupe keys (such as its lower-case emails); none: never a match. */
  matchKeys(input: Input): string[];
  /** Existing records by key, for all keys of the file at once. */
  findMatches(keys: readonly string[]): Promise<Map<string, ImportMatch>>;
  /** A new record's id (made before it is written, so rows matching it can name it). */
  newId(): string;
  /** Creates one record with `id` through the API's use case; `force` skips its duplicate refusal. */
  create(input: Input, force: boolean, id: string): Promise<{ id: string }>;
  /**
   * Optional, for speed: creates many at once with the same rules and traces
   * as `create`, answering each item's refusal (or undefined). A database
   * error rolls the chunk back and its rows go through `create` one by one.
   */
  createMany?(
    items: readonly { input: Input; id: string; force: boolean }[],
  ): Promise<(AppError | undefined)[]>;
  /** Changes a match with the row's non-empty cells (`present`) through the API's use case. */
  update(id: string, input: Input, present: ReadonlySet<string>): Promise<{ id: string }>;
  /** Where a use-case error's field path (`emails.0.email`) lands in the file. */
  fieldOfPath(path: readonly string[]): Field | `custom.${string}` | undefined;
}

/**
 * A row's candidate create body checked the way the create will check it, so
 * the row's report lists every problem at once: its custom values (set on
 * `candidate.custom` when any) against their definitions, then the body
 * schema. Each problem lands on its column (`fieldOfPath`) or on the row.
 * The parsed input, or undefined after `report`ing.
 */
export function checkedRowInput<Field extends string, Input>(
  candidate: Record<string, unknown>,
  custom: Record<string, unknown>,
  check: {
    customFields: CompiledFields;
    schema: z.ZodType<Input>;
    fieldOfPath: (path: readonly PropertyKey[]) => Field | `custom.${string}` | undefined;
  },
  report: (field: Field | `custom.${string}` | null, message: string) => void,
): Input | undefined {
  const { customFields, schema, fieldOfPath } = check;
  if (Object.keys(custom).length > 0) candidate.custom = custom;
  try {
    validateCustom(customFields, custom, { prefix: 'custom' });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const fieldError of error.errors)
      report(fieldOfPath(fieldError.field.split('.')) ?? null, fieldError.message);
  }
  const parsed = schema.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path);
      report(field ?? null, field ? issue.message : `${issue.path.join('.')}: ${issue.message}`);
    }
  return parsed.success ? parsed.data : undefined;
}

/** A cell holding several values (tags, extra emails), split on `;` or `,`, each trimmed, empties dropped. */
export const cellList = (text: string) =>
  text
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter(Boolean);

const headerKey = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

/**
 * The CSV text of a custom field as its stored value: numbers as JSON
 * numbers, booleans from true/false/yes/no/1/0, multi-select split on `;`,
 * currency as `1250.00 EUR`. Throws a message for the report.
 */
export function customValueOf(definition: FieldDefinition, text: string): unknown {
  switch (definition.type) {
    case 'number': {
      const value = Number(text);
      if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) throw new Error('Not a number.');
      return value;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (['true', 'yes', '1'].includes(lower)) return true;
      if (['false', 'no', '0'].includes(lower)) return false;
      throw new Error('Not true or false.');
    }
    case 'multi_select':
      return text
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean);
    case 'currency': {
      const match = /^(-?[\d.]+)\s*([A-Za-z]{3})$/.exec(text) ?? /^([A-Za-z]{3})\s*(-?[\d.]+)$/.exec(text);
      const [amount, currency] = match
        ? DECIMAL_PATTERN.test(match[1] ?? '')
          ? [match[1], match[2]]
          : [match[2], match[1]]
        : [];
      if (
        !amount ||
        !currency ||
        !DECIMAL_PATTERN.test(amount) ||
        !CURRENCY_PATTERN.test(currency.toUpperCase())
      )
        throw new Error('An amount with its currency, such as 1250.00 EUR.');
      return { amount, currency: currency.toUpperCase() };
    }
    default:
      return text;
  }
}

/** Runs an import: parse, map, then each row matched, created or updated behind its savepoint. */
export async function runImport<Field extends string, Input>(
  tx: Tx,
  request: ImportRequest,
  spec: ImportSpec<Field, Input>,
): Promise<RecordImportResult> {
  const { header, records } = readCsvFile(request.csv, IMPORT_MAX_ROWS);
  type Target = Field | `custom.${string}`;
  const targets = new Set<string>(spec.fields);
  for (const definition of spec.customFields.definitions) targets.add(`custom.${definition.key}`);
  const explicit = new Map<string, Target | null>();
  for (const [name, target] of Object.entries(request.mapping)) {
    if (!header.some((column) => column.trim() === name.trim()))
      throw invalidMapping(name, `The file has no column "${name}".`);
    if (target !== null && !targets.has(target))
      throw invalidMapping(name, `"${target}" is not a field; map to one of: ${[...targets].join(', ')}.`);
    explicit.set(headerKey(name), target as Target | null);
  }
  // Aliases: the usual names and custom fields, minus targets the mapping assigns, plus the mapping itself.
  const aliases: Record<string, Target> = { ...spec.aliases };
  for (const definition of spec.customFields.definitions) {
    const target: Target = `custom.${definition.key}`;
    aliases[headerKey(`custom ${definition.key}`)] = target;
    if (!(headerKey(definition.label) in aliases)) aliases[headerKey(definition.label)] = target;
  }
  const mapped = new Set([...explicit.values()].filter((target) => target !== null));
  for (const [key, target] of Object.entries(aliases)) if (mapped.has(target)) delete aliases[key];
  for (const [key, target] of explicit) {
    if (target === null) delete aliases[key];
    else aliases[key] = target;
  }
  const columns = mapCsvHeader(header, aliases);
  const missing = spec.required.filter((field) => !columns.has(field));
  if (missing.length > 0)
    throw invalidCsv(
      `The file needs a column for ${missing.join(', ')} (name it so, or map a column to it).`,
    );

  const rows = records
    .map((row, index) => ({ row, number: index + 2 }))
    .filter(({ row }) => row.some((value) => value.trim() !== '')); // a blank line is no record
  if (spec.prepare)
    await spec.prepare((field) =>
      rows.map(({ row }) => columns.cell(row, field)).filter((text) => text !== ''),
    );
  const customTargets = spec.customFields.definitions.filter((definition) =>
    columns.has(`custom.${definition.key}`),
  );

  const parsed: { number: number; input: Input; present: Set<string> }[] = [];
  const failed: RecordImportResult['failed'] = [];
  for (const { row, number } of rows) {
    const errors: RowError[] = [];
    const report = (field: Target | null, message: string) =>
      errors.push({ column: field ? columns.columnName(field) : null, message });
    const cell: CellOf<Field> = (field) => columns.cell(row, field);
    const custom: Record<string, unknown> = {};
    for (const definition of customTargets) {
      const target: Target = `custom.${definition.key}`;
      const text = cell(target);
      if (!text) continue;
      try {
        custom[definition.key] = customValueOf(definition, text);
      } catch (error) {
        report(target, (error as Error).message);
      }
    }
    const input = spec.toInput(cell, custom, report);
    if (errors.length > 0 || input === undefined) {
      failed.push({
        row: number,
        errors: errors.length > 0 ? errors : [{ column: null, message: 'Not valid.' }],
      });
      continue;
    }
    const present = new Set<string>();
    for (const target of [...spec.fields, ...customTargets.map((d) => `custom.${d.key}` as const)])
      if (cell(target as Target)) present.add(target);
    parsed.push({ number, input, present });
  }

  const matches =
    request.dedupe === 'create'
      ? new Map<string, ImportMatch>()
      : await spec.findMatches([...new Set(parsed.flatMap(({ input }) => spec.matchKeys(input)))]);
  const result: RecordImportResult = {
    imported: 0,
    updated: 0,
    skipped: [],
    failed,
    ...ignoredColumnsOf(columns.ignored),
  };
  const fail = (number: number, error: AppError) =>
    failed.push({ row: number, errors: rowErrorsOf(error, spec.fieldOfPath, columns.columnName) });

  // Decide every row first (file order): a row creating a record registers its keys, so a later row
  // with one of them matches it. Ids of new records are made here, so a skip can name its match.
  const creates: { number: number; input: Input; id: string }[] = [];
  const updates: { number: number; input: Input; id: string; present: Set<string> }[] = [];
  const skips: { number: number; id: string; visible: boolean }[] = [];
  const createdBy = new Map<string, number>(); // new id → its row
  for (const { number, input, present } of parsed) {
    const keys = spec.matchKeys(input);
    const match =
      request.dedupe === 'create' ? undefined : keys.map((key) => matches.get(key)).find((found) => found);
    if (match && request.dedupe === 'skip') {
      skips.push({ number, id: match.id, visible: match.visible });
      continue;
    }
    if (match && !match.visible) {
      failed.push({
        row: number,
        errors: [
          { column: null, message: 'It matches a record you cannot see; ask its owner to update it.' },
        ],
      });
      continue;
    }
    if (match) {
      updates.push({ number, input, id: match.id, present });
      continue;
    }
    const id = spec.newId();
    creates.push({ number, input, id });
    createdBy.set(id, number);
    for (const key of keys) if (!matches.has(key)) matches.set(key, { id, visible: true });
  }

  const failedIds = new Set<string>();
  const createOne = async ({ number, input, id }: (typeof creates)[number]) => {
    const written = await inRowSavepoint(tx, () => spec.create(input, request.dedupe === 'create', id));
    if (written.error) {
      fail(number, written.error);
      failedIds.add(id);
    } else result.imported++;
  };
  for (let start = 0; start < creates.length; start += CREATE_CHUNK) {
    const chunk = creates.slice(start, start + CREATE_CHUNK);
    if (!spec.createMany) {
      for (const item of chunk) await createOne(item);
      continue;
    }
    const createMany = spec.createMany;
    // A chunk in one go; should the database refuse it, each of its rows alone (its error in the report).
    await tx.query('savepoint import_chunk');
    let errors: (AppError | undefined)[];
    try {
      errors = await createMany(
        chunk.map(({ input, id }) => ({ input, id, force: request.dedupe === 'create' })),
      );
      await tx.query('release savepoint import_chunk');
    } catch (error) {
      if (!(error instanceof AppError) && !sqlState(error)) throw error;
      await tx.query('rollback to savepoint import_chunk');
      for (const item of chunk) await createOne(item);
      continue;
    }
    chunk.forEach((item, index) => {
      const error = errors[index];
      if (error) {
        fail(item.number, error);
        failedIds.add(item.id);
      } else result.imported++;
    });
  }
  const matchFailed = (number: number, id: string) =>
    failed.push({
      row: number,
      errors: [{ column: null, message: `It matches row ${createdBy.get(id)}, which was not imported.` }],
    });
  for (const { number, input, id, present } of updates) {
    if (failedIds.has(id)) {
      matchFailed(number, id);
      continue;
    }
    const written = await inRowSavepoint(tx, () => spec.update(id, input, present));
    if (written.error) fail(number, written.error);
    else result.updated++;
  }
  for (const { number, id, visible } of skips) {
    if (failedIds.has(id)) matchFailed(number, id);
    else result.skipped.push({ row: number, matchedId: visible ? id : null });
  }
  failed.sort((a, b) => a.row - b.row);
  return result;
}

/** Rows created per statement by a spec's createMany. */
const CREATE_CHUNK = 500;

function invalidMapping(column: string, message: string): ValidationError {
  return new ValidationError(message, [
    { field: `body.mapping.${column}`, message, code: 'invalid_mapping' },
  ]);
}
