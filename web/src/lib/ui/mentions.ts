/**
 * @mentions (Taskodex comments, CustomerConnect activities). The APIs read them from tokens in the body,
 * `@[Display name](userId)`, so the editor inserts tokens and the thread
 * renders them as names.
 */
export type Segment = { kind: 'text'; text: string } | { kind: 'mention'; name: string; userId: string };

const TOKEN = /@\[([^\]\n]{1,200})\]\(([0-9a-f-]{36})\)/gi;

export function mentionToken(name: string, userId: string): string {
  return `@[${name.replace(/[[\]]/g, '')}](${userId})`;
}

export function segments(body: string): Segment[] {
  const parts: Segment[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ kind: 'text', text: body.slice(last, index) });
    parts.push({ kind: 'mention', name: match[1] ?? '', userId: match[2] ?? '' });
    last = index + match[0].length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

/**
 * The `@word` being typed right before the caret, if any: where it starts and
 * what was typed after the `@` (the member picker filters on it).
 */
export function activeMention(text: string, caret: number): { start: number; query: string } | undefined {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}._-]{0,30})$/u.exec(before);
  if (!match) return undefined;
  return { start: caret - (match[2]?.length ?? 0) - 1, query: match[2] ?? '' };
}

/** Replaces the `@query` at `start..caret` with the token (and a space); returns the text and new caret. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
  userId: string,
): { text: string; caret: number } {
  const token = `${mentionToken(name, userId)} `;
  return { text: text.slice(0, start) + token + text.slice(caret), caret: start + token.length };
}
