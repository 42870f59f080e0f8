import { describe, expect, it } from 'vitest';
import { mentionedUserIds } from './mentions';

const ada = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const bob = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';

describe('mentionedUserIds', () => {
  it('reads every distinct user id from @[Name](id) tokens, lower-cased, in order', () => {
    const text = `Thanks @[Ada Lovelace](${ada.toUpperCase()}), and @[Bob](${bob}) — @[Ada](${ada}) again.`;

    expect(mentionedUserIds(text)).toEqual([ada, bob]);
  });

  it('ignores look-alikes: plain @names, links, malformed ids and names across lines', () => {
    const text = `@ada [Ada](${ada}) @[Ada](not-a-uuid) @[Ada\nLovelace](${bob})`;

    expect(mentionedUserIds(text)).toEqual([]);
  });
});
