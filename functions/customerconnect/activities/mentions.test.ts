import { describe, expect, it } from 'vitest';
import { FORMER_MEMBER, mentionedUserIds, withCurrentNames } from './mentions';

const ADA = '0190f1d2-1111-7000-8000-000000000001';
const BOB = '0190F1D2-2222-7000-8000-000000000002';

describe('activity mentions', () => {
  it('reads each mentioned id once, lower-cased, in order of first mention', () => {
    const text = `Call @[Ada](${ADA}) and @[Bob](${BOB}), then @[Ada again](${ADA})`;
    expect(mentionedUserIds(text)).toEqual([ADA, BOB.toLowerCase()]);
  });

  it('ignores what only looks like a mention', () => {
    expect(
      mentionedUserIds('@Ada, [Ada](x), @[](00000000-0000-0000-0000-000000000000) @[Ada](not-a-uuid)'),
    ).toEqual([]);
    expect(mentionedUserIds(null)).toEqual([]);
  });

  it('shows current names, never the typed one, and a former member as such', () => {
    const text = `Thanks @[The CEO](${ADA}) and @[Bob](${BOB})`;
    const names = new Map([[ADA, 'Ada [Sales] Lovelace']]);
    expect(withCurrentNames(text, names)).toBe(
      `Thanks @[Ada Sales Lovelace](${ADA}) and @[${FORMER_MEMBER}](${BOB.toLowerCase()})`,
    );
  });
});
