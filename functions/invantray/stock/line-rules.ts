import type { FieldError } from '@halooid/shared/errors';

/**
 * The shape rules of a move line that need no database: which locations a
 * kind takes, where a cost may appear, lot versus serial numbers. Checked
 * before anything is read so a malformed line is a 400 naming its field, not
 * a 422 from deep inside the ledger.
 */
export type RequestKind = 'receipt' | 'issue' | 'transfer';

export interface LineShape {
  fromStockLocationId?: string | undefined;
  toStockLocationId?: string | undefined;
  unitCost?: string | undefined;
  lotNumber?: string | undefined;
  serialNumbers?: readonly string[] | undefined;
}

const error = (field: string, message: string, code: string): FieldError => ({ field, message, code });

export function lineProblems(kind: RequestKind, line: LineShape, path: string): FieldError[] {
  const problems: FieldError[] = [];
  const needsFrom = kind !== 'receipt';
  const needsTo = kind !== 'issue';
  if (needsFrom && !line.fromStockLocationId)
    problems.push(error(`${path}.fromStockLocationId`, `A ${kind} takes stock from a location.`, 'required'));
  if (!needsFrom && line.fromStockLocationId)
    problems.push(error(`${path}.fromStockLocationId`, 'A receipt comes from no location.', 'not_allowed'));
  if (needsTo && !line.toStockLocationId)
    problems.push(error(`${path}.toStockLocationId`, `A ${kind} puts stock into a location.`, 'required'));
  if (!needsTo && line.toStockLocationId)
    problems.push(error(`${path}.toStockLocationId`, 'An issue goes to no location.', 'not_allowed'));
  if (kind === 'transfer' && line.fromStockLocationId && line.fromStockLocationId === line.toStockLocationId)
    problems.push(
      error(`${path}.toStockLocationId`, 'A transfer goes to another location.', 'same_location'),
    );
  if (kind !== 'receipt' && line.unitCost !== undefined)
    problems.push(
      error(`${path}.unitCost`, 'Only receipts carry a cost; other moves use the average.', 'not_allowed'),
    );
  problems.push(...numberProblems(line, path));
  return problems;
}

/** A line names a lot or serial numbers, never both, and each serial once. */
export function numberProblems(line: LineShape, path: string): FieldError[] {
  const problems: FieldError[] = [];
  if (line.lotNumber !== undefined && line.serialNumbers !== undefined)
    problems.push(
      error(`${path}.serialNumbers`, 'Send a lot number or serial numbers, not both.', 'not_allowed'),
    );
  const serials = line.serialNumbers ?? [];
  if (new Set(serials).size !== serials.length)
    problems.push(error(`${path}.serialNumbers`, 'Each serial number once.', 'duplicate'));
  return problems;
}
