/**
 * What of an unexpected error goes into the logs. Logs are read by more people
 * and kept longer than the database, so values from the database stay out:
 * a pg error's `detail` (`Key (email)=(ada@example.com) already exists`),
 * `where`, `hint`, `internalQuery`, `position` and whatever else an error
 * carries (parameters, rows, request bodies) are dropped, and quoted values
 * in the message and stack (`invalid input syntax for type uuid: "…"`) are
 * blanked. What is kept finds the bug: name, SQLSTATE code, severity, the
 * schema/table/column/constraint/type names, the routine, the stack, and the
 * cause treated the same way.
 */

/** Fields of a pg DatabaseError that name things, never hold values. */
const NAMING_FIELDS = [
  'code',
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
] as const;

const MAX_CAUSE_DEPTH = 3;

/**
 * Blanks values in a message: double-quoted text and the `(…)=(…)` pairs of
 * key conflicts. Identifiers Postgres quotes are blanked too; they are kept
 * in the naming fields.
 */
export function withoutValues(text: string): string {
  return text.replace(/\)=\((?:[^()]|\([^()]*\))*\)/g, ')=(…)').replace(/"(?:[^"\\]|\\.)*"/g, '"…"');
}

export type LoggableError = Record<string, unknown> & { name: string; message: string };

export function loggableError(error: unknown, depth = 0): LoggableError {
  if (!(error instanceof Error))
    return { name: typeof error, message: 'A non-Error value was thrown; its value is not logged.' };
  const loggable: LoggableError = { name: error.name, message: withoutValues(error.message) };
  for (const field of NAMING_FIELDS) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (typeof value === 'string' || typeof value === 'number') loggable[field] = value;
  }
  if (error.stack) loggable.stack = withoutValues(error.stack);
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH)
    loggable.cause = loggableError(error.cause, depth + 1);
  return loggable;
}
