import type * as z from 'zod';
import { type FieldError, ValidationError } from '../errors';

export type RequestPart = 'params' | 'query' | 'body' | 'headers';

/** Turns zod issues into field errors with paths such as `body.labels.2` or `query.limit`. */
export function toFieldErrors(part: RequestPart, issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = [part, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: [...base, key].join('.'),
        message: 'Unknown field; remove it.',
        code: 'unknown_field',
      }));
    }
    // A custom rule names its own code (`hidden_character`, `too_deep`) so clients can tell them apart.
    const code =
      issue.code === 'custom' && typeof issue.params?.code === 'string' ? issue.params.code : issue.code;
    return [{ field: base.join('.'), message: issue.message, code }];
  });
}

export function parsePart<S extends z.ZodType>(part: RequestPart, schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = toFieldErrors(part, result.error.issues);
  const fields = [...new Set(errors.map((error) => error.field))].join(', ');
  throw new ValidationError(`The request is invalid: check ${fields}.`, errors);
}
