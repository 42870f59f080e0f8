import { UUID_PATTERN } from '@halooid/shared/ids';
import * as z from 'zod';

/**
 * A list filter naming a user: their id, or `me` for the caller (and, where
 * `alsoNone` is set, `none` for unowned records). One bounded string, not a
 * union of a uuid and literals: OpenAPI then types the parameter as a string
 * the id rules (Spectral's OWASP set) accept, and every list reads it alike.
 */
export function userFilter(description: string, options: { alsoNone?: boolean } = {}) {
  const words = options.alsoNone ? ['me', 'none'] : ['me'];
  return z
    .string()
    .max(36)
    .refine(
      (value) => words.includes(value) || UUID_PATTERN.test(value),
      `A user id or ${words.map((word) => `\`${word}\``).join(' or ')}.`,
    )
    .optional()
    .meta({ description });
}

/** `ownerId` of the lists, board and forecast. */
export const OwnerFilter = userFilter('An owner’s user id, or `me`.');
