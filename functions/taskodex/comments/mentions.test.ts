import { describe, expect, it } from 'vitest';
import { mentionedUserIds, plainMentions, withCurrentNames } from './mentions';

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

describe('withCurrentNames and plainMentions', () => {
  const names = new Map([[ada, 'Ada Lovelace']]);

  it('replaces the typed name of each token with the current one, former members as such', () => {
    const text = `By @[The CEO](${ada.toUpperCase()}) and @[Bob](${bob}).`;

    expect(withCurrentNames(text, names)).toBe(`By @[Ada Lovelace](${ada}) and @[Former member](${bob}).`);
    expect(plainMentions(text, names)).toBe('By @Ada Lovelace and @Former member.');
  });

  it('keeps a current name with brackets inside its token', () => {
    const text = `@[x](${ada})`;

    expect(withCurrentNames(text, new Map([[ada, 'Ada [ops]']]))).toBe(`@[Ada ops](${ada})`);
  });
});
