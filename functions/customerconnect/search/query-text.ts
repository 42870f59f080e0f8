/**
 * The search text as the SQL needs it. Built here, bound as parameters, so a
 * user's `%`, `_`, quotes or tsquery operators are only ever data.
 */

/** At most this many words go into the full-text query. */
const MAX_WORDS = 8;

/**
 * A `to_tsquery('simple', …)` text matching every word of `q` as a prefix
 * (`'acm':* & 'cor':*`), or null when `q` has no word to search for. Words
 * keep letters, digits and the `@ . _ + -` of emails and domains; anything
 * else separates words, so no tsquery syntax reaches Postgres.
 */
export function prefixTsQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}@._+-]+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words.map((word) => `'${word}':*`).join(' & ');
}

/** A LIKE pattern for "starts with `q`" (lower-cased, its `\`, `%` and `_` escaped). */
export function prefixPattern(q: string): string {
  return `${q.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
