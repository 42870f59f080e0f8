import { UUID_SOURCE } from '@halooid/shared/ids';

/**
 * Mentions live in an activity's body as `@[Display name](userId)` tokens,
 * the syntax Taskodex comments use (one mention chip for the whole web app):
 * the server reads who was mentioned from the same text the client renders,
 * so the two never disagree. The typed name is only what the author's client
 * wrote: the API shows the user's current name instead (withCurrentNames).
 */
const MENTION = new RegExp(String.raw`@\[([^\]\n]{1,200})\]\((${UUID_SOURCE})\)`, 'g');

/** At most this many different people per activity: a mention is a notification, not a broadcast. */
export const MAX_MENTIONS = 20;

/** The distinct user ids mentioned in `text`, lower-cased, in order of first mention. */
export function mentionedUserIds(text: string | null | undefined): string[] {
  const ids = new Set<string>();
  for (const match of (text ?? '').matchAll(MENTION)) if (match[2]) ids.add(match[2].toLowerCase());
  return [...ids];
}

/** What a token shows for someone who is no longer a member. */
export const FORMER_MEMBER = 'Former member';

/** The text with each token's typed name replaced by the user's current name. */
export function withCurrentNames(text: string, names: ReadonlyMap<string, string>): string {
  return text.replace(MENTION, (_, _typed: string, id: string) => {
    const name = (names.get(id.toLowerCase()) ?? FORMER_MEMBER).replace(/[[\]]/g, '');
    return `@[${name}](${id.toLowerCase()})`;
  });
}
