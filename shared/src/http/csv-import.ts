import * as z from 'zod';
import type { Tx } from '../db/transaction';
import { AppError, ValidationError } from '../errors';
import { MAX_BODY_BYTES } from './body';
import { CsvTooWideError, csvText, parseCsv } from './csv';

/**
 * What every CSV import shares (Taskodex tasks, Qultrix employees, …): the
 * file-level refusals, the header mapped to fields, the per-row report and
 * its schema, and the savepoint that lets one refused row fail alone. Each
 * import keeps what is its own: its columns, how a row becomes its create
 * input, and the use case that writes it.
 */

/**
 * No export of a tracker or an HR system comes near 100 columns; a wider file
 * is refused before it is parsed into hundreds of thousands of cells, and the
 * answer names ignored columns by count plus the first few, never all.
 */
export const IMPORT_MAX_COLUMNS = 100;
const LISTED_IGNORED_COLUMNS = 20;
const LISTED_NAME_LENGTH = 100;

export interface RowError {
  column: string | null;
  message: string;
}

export const ImportRowError = z.object({
  column: z
    .string()
    .nullable()
    .meta({ description: 'The header of the offending column; null for the row as a whole.' }),
  message: z.string(),
});

/**
 * Body of an import route: the CSV itself as `text/csv`, or JSON `{ csv }`
 * plus the import's own options (`options`, such as a mapping or a dry run).
 * `columns` describes the header the import reads; `jsonExample` is how the
 * refusal of any other body shows the JSON form.
 */
export function csvImportBody<Options extends z.ZodRawShape = Record<never, never>>(
  columns: string,
  options: Options = {} as Options,
  jsonExample = '{"csv": "..."}',
) {
  return z
    .union(
      [
        // A body is at most MAX_BODY_BYTES, so neither form can hold more characters.
        z
          .string()
          .max(MAX_BODY_BYTES)
          .meta({ description: 'The CSV itself, sent as `Content-Type: text/csv`.' }),
        z.strictObject({
          csv: z.string().max(MAX_BODY_BYTES).meta({ description: 'The CSV as one string.' }),
          ...options,
        }),
      ],
      { error: `Send the CSV as the body with Content-Type: text/csv, or as JSON ${jsonExample}.` },
    )
    .meta({ description: columns });
}

/** The answer of an import; `record` names what a row is ("task"), for the row-number description. */
export function importResultSchema(record: string) {
  return z.object({
    imported: z.number().int(),
    failed: z.array(
      z.object({
        row: z
          .number()
          .int()
          .meta({
            description: `CSV record number, 1-based, counting the header as row 1 (so the first ${record} is row 2).`,
          }),
        errors: z.array(ImportRowError).min(1),
      }),
    ),
    ignoredColumnCount: z
      .number()
      .int()
      .meta({ description: 'How many columns of the header were ignored.' }),
    ignoredColumns: z.array(z.string()).meta({
      description: `The first ${LISTED_IGNORED_COLUMNS} ignored column names, each cut to ${LISTED_NAME_LENGTH} characters; \`ignoredColumnCount\` has them all.`,
    }),
  });
}

export interface ImportReport {
  imported: number;
  failed: { row: number; errors: RowError[] }[];
  ignoredColumnCount: number;
  ignoredColumns: string[];
}

export function invalidCsv(message: string): ValidationError {
  return new ValidationError(message, [{ field: 'body', message, code: 'invalid_csv' }]);
}

/** The header and the records of a file, or a 400 for a file that cannot be imported as a whole. */
export function readCsvFile(csv: string, maxRows: number): { header: string[]; records: string[][] } {
  let parsed: string[][];
  try {
    parsed = parseCsv(csv, { maxColumns: IMPORT_MAX_COLUMNS });
  } catch (error) {
    if (error instanceof CsvTooWideError)
      throw new ValidationError(
        `Row ${error.row} has more than ${IMPORT_MAX_COLUMNS} columns; import at most ${IMPORT_MAX_COLUMNS}.`,
        [{ field: 'body', message: `At most ${IMPORT_MAX_COLUMNS} columns.`, code: 'too_many_columns' }],
      );
    throw invalidCsv(`The CSV cannot be read: ${(error as Error).message}.`);
  }
  const [header, ...records] = parsed;
  if (!header) throw invalidCsv('The CSV is empty; it needs a header row.');
  if (records.length > maxRows) throw invalidCsv(`Import at most ${maxRows} rows at a time.`);
  return { header, records };
}

export interface CsvColumns<Field extends string> {
  /** The trimmed text of a field's cell ('' when the file has no such column). */
  cell(row: readonly string[], field: Field): string;
  /** The header as the file spells it, for the row report. */
  columnName(field: Field): string;
  has(field: Field): boolean;
  /** Headers that name no field (an export's identifier, dates…), in file order. */
  ignored: string[];
}

/**
 * Maps a header row to fields through `aliases`, keyed by the header in lower
 * case with everything but letters removed ("Due date" → "duedate"). A field
 * named twice is a 400; unknown headers are ignored and reported.
 */
export function mapCsvHeader<Field extends string>(
  header: readonly string[],
  aliases: Readonly<Record<string, Field>>,
): CsvColumns<Field> {
  const columns = new Map<Field, { index: number; name: string }>();
  const ignored: string[] = [];
  header.forEach((name, index) => {
    const field = aliases[name.toLowerCase().replace(/[^a-z]/g, '')];
    if (!field) {
      if (name.trim()) ignored.push(name.trim());
      return;
    }
    if (columns.has(field)) throw invalidCsv(`The column "${name.trim()}" appears twice.`);
    columns.set(field, { index, name: name.trim() });
  });
  return {
    cell: (row, field) => {
      const column = columns.get(field);
      // csvText: a `'` our own export put before a formula-like text is not part of it.
      return column ? csvText((row[column.index] ?? '').trim()) : '';
    },
    columnName: (field) => columns.get(field)?.name ?? field,
    has: (field) => columns.has(field),
    ignored,
  };
}

/** The report's ignored-column part: the count, and the first few names, each cut short. */
export function ignoredColumnsOf(
  ignored: readonly string[],
): Pick<ImportReport, 'ignoredColumnCount' | 'ignoredColumns'> {
  return {
    ignoredColumnCount: ignored.length,
    ignoredColumns: ignored
      .slice(0, LISTED_IGNORED_COLUMNS)
      .map((name) => (name.length > LISTED_NAME_LENGTH ? `${name.slice(0, LISTED_NAME_LENGTH - 1)}…` : name)),
  };
}

/**
 * Writes one row behind a savepoint: a row the use case refuses (an
 * AppError) is rolled back alone and its error returned for the report; any
 * other error fails the whole import, as it should.
 */
export async function inRowSavepoint<T>(
  tx: Tx,
  write: () => Promise<T>,
): Promise<{ value: T; error?: undefined } | { error: AppError }> {
  await tx.query('savepoint import_row');
  try {
    const value = await write();
    await tx.query('release savepoint import_row');
    return { value };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await tx.query('rollback to savepoint import_row');
    return { error };
  }
}

/**
 * A refused row's problems, each under the column of the field it names
 * (`fieldOf` maps an error's path to the import's field); an error naming no
 * column is reported for the row as a whole.
 */
export function rowErrorsOf<Field extends string>(
  error: AppError,
  fieldOf: (path: readonly string[]) => Field | undefined,
  columnName: (field: Field) => string,
): RowError[] {
  const located = error.errors.flatMap((fieldError) => {
    const field = fieldOf(fieldError.field.replace(/^body\./, '').split('.'));
    return field ? [{ column: columnName(field), message: fieldError.message }] : [];
  });
  return located.length > 0 ? located : [{ column: null, message: error.message }];
}
