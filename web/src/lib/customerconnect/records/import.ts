/**
 * The import wizard's pure parts: the header row of a CSV file, the
 * automatic mapping of its columns to fields (by name, label or a common
 * alias such as HubSpot's "Company Domain Name"), and the API's report made
 * into rows to show.
 */

/** The first record of a CSV (RFC 4180 quoting; a BOM is dropped). */
export function csvHeader(text: string): string[] {
  const source = text.replace(/^\uFEFF/, '');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"' && source[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') break;
    else cell += char;
  }
  cells.push(cell);
  return cells.map((value) => value.trim());
}

/** How many data rows a file has (records after the header; quoted newlines do not count). */
export function csvRowCount(text: string): number {
  let rows = 0;
  let quoted = false;
  let content = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && char === '\n') {
      if (content) rows++;
      content = false;
    } else if (char !== '\r') content = true;
  }
  if (content) rows++;
  return Math.max(0, rows - 1);
}

export interface ImportTarget {
  key: string;
  label: string;
  aliases?: readonly string[];
}

const normalize = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Each header's field key ('' to ignore); a field is taken by its first matching column only. */
export function autoMap(headers: readonly string[], targets: readonly ImportTarget[]): string[] {
  const taken = new Set<string>();
  return headers.map((header) => {
    const name = normalize(header);
    if (!name) return '';
    const target = targets.find(
      (candidate) =>
        !taken.has(candidate.key) &&
        [candidate.key, candidate.label, ...(candidate.aliases ?? [])].some(
          (alias) => normalize(alias) === name,
        ),
    );
    if (!target) return '';
    taken.add(target.key);
    return target.key;
  });
}

/**
 * The `mapping` the API takes: CSV header → field key, and null for a column
 * to ignore (the API would otherwise match an unlisted header by its usual name).
 */
export function mappingOf(
  headers: readonly string[],
  keys: readonly string[],
): Record<string, string | null> {
  const mapping: Record<string, string | null> = {};
  headers.forEach((header, index) => {
    if (header) mapping[header] = keys[index] || null;
  });
  return mapping;
}

export interface ReportRow {
  row: number;
  outcome: 'skipped' | 'failed';
  detail: string;
  existingId?: string;
}

export interface Report {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  rows: ReportRow[];
  ignoredColumns: string[];
}

type RawRow = {
  row?: number;
  existingId?: string;
  matchedId?: string;
  id?: string;
  errors?: { column: string | null; message: string }[];
  message?: string;
  column?: string | null;
};

const count = (value: unknown) =>
  typeof value === 'number' ? value : Array.isArray(value) ? value.length : 0;

/** The API's import answer as counts and per-row lines (skipped and failed rows, by row number). */
export function readReport(raw: Record<string, unknown>): Report {
  const rows: ReportRow[] = [];
  const skipped = Array.isArray(raw.skipped) ? (raw.skipped as RawRow[]) : [];
  for (const item of skipped) {
    const existingId = item.existingId ?? item.matchedId ?? item.id ?? undefined;
    rows.push({
      row: item.row ?? 0,
      outcome: 'skipped',
      detail: item.message ?? 'Already exists: skipped.',
      ...(existingId ? { existingId } : {}),
    });
  }
  const failed = Array.isArray(raw.failed) ? (raw.failed as RawRow[]) : [];
  for (const item of failed) {
    const errors = item.errors ?? [{ column: item.column ?? null, message: item.message ?? 'Not valid.' }];
    rows.push({
      row: item.row ?? 0,
      outcome: 'failed',
      detail: errors
        .map((error) => (error.column ? `${error.column}: ${error.message}` : error.message))
        .join('; '),
    });
  }
  rows.sort((a, b) => a.row - b.row);
  return {
    created: count(raw.created ?? raw.imported),
    updated: count(raw.updated),
    skipped: count(raw.skipped),
    failed: count(raw.failed),
    rows,
    ignoredColumns: Array.isArray(raw.ignoredColumns) ? raw.ignoredColumns.map(String) : [],
  };
}
