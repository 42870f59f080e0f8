/**
 * Mentions live in the comment text as `@[Display name](userId)` tokens: a
 * client renders them as chips, and the server reads who was mentioned from
 * the same text, so the two can never disagree.
 */
const MENTION =
  /@\[([^\]\n]{1,200})\]\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/g;

/** At most this many different people per comment: a mention is a notification, not a broadcast. */
export const MAX_MENTIONS = 50;

/** The distinct user ids mentioned in `text`, lower-cased, in order of first mention. */
export function mentionedUserIds(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(MENTION)) if (match[2]) ids.add(match[2].toLowerCase());
  return [...ids];
}
