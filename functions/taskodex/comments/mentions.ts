import { UUID_SOURCE } from '@halooid/shared/ids';

/**
 * Mentions live in the comment text as `@[Display name](userId)` tokens: a
 * client renders them as chips, and the server reads who was mentioned from
 * the same text, so the two can never disagree. The name in a token is only
 * what the author's client typed: whatever the API hands out (comment
 * bodies, excerpts in notifications and webhooks) shows the user's current
 * name instead, so a token cannot make someone appear as someone else.
 */
const MENTION = new RegExp(String.raw`@\[([^\]\n]{1,200})\]\((${UUID_SOURCE})\)`, 'g');

/** At most this many different people per comment: a mention is a notification, not a broadcast. */
export const MAX_MENTIONS = 50;

/** The distinct user ids mentioned in `text`, lower-cased, in order of first mention. */
export function mentionedUserIds(text: string): string[] {
  const ids = new Set<string>();
  for (const match of text.matchAll(MENTION)) if (match[2]) ids.add(match[2].toLowerCase());
  return [...ids];
}

/** What a token shows for someone who is no longer a member (their name is not ours to show). */
export const FORMER_MEMBER = 'Former member';

/** Brackets would end the token early; a name shows without them. */
const tokenName = (name: string) => name.replace(/[[\]]/g, '');

/** The text with each token's typed name replaced by the user's current name. */
export function withCurrentNames(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(MENTION, (_, _typed: string, id: string) => {
    const name = names.get(id.toLowerCase());
    return `@[${tokenName(name ?? FORMER_MEMBER)}](${id.toLowerCase()})`;
  });
}

/** Plain text for a notification or webhook: each token as `@Current name`. */
export function plainMentions(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(
    MENTION,
    (_, _typed: string, id: string) => `@${names.get(id.toLowerCase()) ?? FORMER_MEMBER}`,
  );
}
