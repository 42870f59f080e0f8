import type { paths } from '$lib/api';

export type ImportResult =
  paths['/v1/taskodex/tasks/import']['post']['responses']['200']['content']['application/json'];

/** A failed row's problems as sentences: "due date: not a date", or the row's own message. */
export function describeErrors(errors: readonly { column: string | null; message: string }[]): string[] {
  return errors.map((error) => (error.column ? `${error.column}: ${error.message}` : error.message));
}
