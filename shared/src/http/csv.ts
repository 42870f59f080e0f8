import { NotAcceptableError } from '../errors';
import type { RawResult } from './adapter';

/**
 * CSV as spreadsheets read it (RFC 4180): comma separated, CRLF line ends,
 * every cell quoted, quotes doubled. Text that a spreadsheet could run as a
 * formula gets a leading `'` (OWASP, CSV Injection): a cell starting with
 * `=`, `+`, `-`, `@`, tab or carriage return, or their fullwidth forms
 * `＝＋－＠` (East Asian spreadsheets read those as formulas too), also after
 * leading blanks; and a cell holding such a character right after a
 * separator, quote or line break (`a;=cmd`, `x"=cmd`), because a spreadsheet
 * that splits on `;` or tabs, or mis-reads the quotes, starts a new cell
 * there. Numbers and booleans are written as they are (a `-3` stays a number).
 */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * A formula start (= + - @ tab CR, fullwidth ＝＋－＠) at the beginning of the
 * cell or of a piece a spreadsheet may cut out of it, after optional blanks.
 */
const FORMULA_START = /(?:^|[,;|\t\r\n"'])[ \u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Does this text need the leading `'` before it goes into a CSV cell? */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  if (typeof value !== 'string') return `"${String(value)}"`;
  const safe = looksLikeFormula(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/**
 * The text a cell of our own export stood for: the `'` that `csvCell` put in
 * front of a formula-like text is dropped again, so an export imports back
 * unchanged. Any other leading `'` is the user's and stays.
 */
export function csvText(cell: string): string {
  return cell.startsWith("'") && looksLikeFormula(cell.slice(1)) ? cell.slice(1) : cell;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return lines.map((line) => `${line}\r\n`).join('');
}

/**
 * Content negotiation for routes that answer JSON or CSV (RFC 9110 §12.5.1):
 * each type gets the q of the most specific Accept range matching it; CSV is
 * chosen only when it is preferred over JSON (a tie keeps JSON, the default).
 * No Accept header means JSON. When the client accepts neither, 406.
 */
export function wantsCsv(headers: Record<string, string>): boolean {
  const accept = headers.accept?.trim();
  if (!accept) return false;
  const ranges = parseAccept(accept);
  const json = qualityOf(ranges, 'application', 'json');
  const csv = qualityOf(ranges, 'text', 'csv');
  if (json <= 0 && csv <= 0)
    throw new NotAcceptableError('This resource is available as application/json or text/csv.');
  return csv > json;
}

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part) => {
    const [range = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const [type, subtype] = range.split('/');
    if (!type || !subtype) return [];
    const qParam = params.find((param) => param.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return [{ type, subtype, q: Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0 }];
  });
}

/** The q of the most specific range matching type/subtype; 0 when none does. */
function qualityOf(ranges: readonly MediaRange[], type: string, subtype: string): number {
  const exact = ranges.find((range) => range.type === type && range.subtype === subtype);
  if (exact) return exact.q;
  const anySubtype = ranges.find((range) => range.type === type && range.subtype === '*');
  if (anySubtype) return anySubtype.q;
  return ranges.find((range) => range.type === '*' && range.subtype === '*')?.q ?? 0;
}

/**
 * A CSV download: UTF-8 with a byte-order mark (so Excel reads accents
 * right), offered as an attachment named `filename`.
 */
export function csvResponse(filename: string, csv: string): RawResult {
  const safeName = filename.replace(/[^\w.-]/g, '_');
  return {
    raw: `\uFEFF${csv}`,
    contentType: 'text/csv; charset=utf-8',
    headers: { 'Content-Disposition': `attachment; filename="${safeName}"` },
  };
}

/** A record with more cells than the caller allows (`parseCsv`'s `maxColumns`). */
export class CsvTooWideError extends Error {
  constructor(
    /** 1-based record number, the header being 1. */
    readonly row: number,
    readonly maxColumns: number,
  ) {
    super(`Row ${row} has more than ${maxColumns} columns`);
  }
}

/**
 * Parses RFC 4180 CSV into rows of cells (a leading byte-order mark is
 * dropped; CRLF or LF line ends; quoted cells may hold commas, quotes and
 * line breaks). Throws on a quote left open, and with `maxColumns` as soon as
 * a record grows wider than that (a CsvTooWideError), before it holds
 * hundreds of thousands of cells. For imports and for tests.
 */
export function parseCsv(text: string, options: { maxColumns?: number } = {}): string[][] {
  const maxColumns = options.maxColumns ?? Number.POSITIVE_INFINITY;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let index = 0;
  while (index < input.length) {
    const char = input[index] as string;
    if (quoted) {
      if (char === '"' && input[index + 1] === '"') {
        cell += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      index += 1;
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
      if (row.length >= maxColumns) throw new CsvTooWideError(rows.length + 1, maxColumns);
    } else if (char === '\n' || char === '\r') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      if (char === '\r' && input[index + 1] === '\n') index += 1;
    } else cell += char;
    index += 1;
  }
  if (quoted) throw new Error('CSV ends inside a quoted cell');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
