import * as z from 'zod';
import { RECORD_OBJECTS, type RecordObject, RecordObjectSchema } from '../domain/records';

export const SearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(2, 'Search for at least 2 characters.')
    .max(200)
    .meta({ description: 'Words, a name, an email or a domain; typos are forgiven (trigram similarity).' }),
  types: z
    .string()
    .max(100)
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const parts = [...new Set(value.split(',').map((part) => part.trim()))].filter(Boolean);
      if (parts.length === 0 || parts.some((part) => !(RECORD_OBJECTS as readonly string[]).includes(part))) {
        context.addIssue({
          code: 'custom',
          message: `Types are a comma-separated list of: ${RECORD_OBJECTS.join(', ')}.`,
        });
        return z.NEVER;
      }
      return parts as RecordObject[];
    })
    .meta({
      description: `Comma-separated: ${RECORD_OBJECTS.join(', ')} (default: every one you may read).`,
    }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.output<typeof SearchQuery>;

export const SearchHit = z.object({
  type: RecordObjectSchema,
  id: z.uuid(),
  title: z.string(),
  subtitle: z.string().nullable(),
  score: z.number().meta({
    description:
      'Higher is better: an exact name or email adds 1, a name or email starting with the text 0.5, then trigram similarity (0–1) and the full-text rank.',
  }),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({ items: z.array(SearchHit) });
