import { describe, expect, it } from 'vitest';
import { activeMention, insertMention, mentionToken, segments } from './mentions';

const MAYA = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('mentions', () => {
  it('finds the @word being typed before the caret, and nothing inside an email', () => {
    expect(activeMention('Ping @ma', 8)).toEqual({ start: 5, query: 'ma' });
    expect(activeMention('@', 1)).toEqual({ start: 0, query: '' });
    expect(activeMention('mail maya@acme', 14)).toBeUndefined();
  });

  it('replaces the typed @word with a token the API reads, and renders it back as a name', () => {
    const { text, caret } = insertMention('Ping @ma please', 5, 8, 'Maya Member', MAYA);
    expect(text).toBe(`Ping ${mentionToken('Maya Member', MAYA)}  please`);
    expect(caret).toBe(5 + mentionToken('Maya Member', MAYA).length + 1);
    expect(segments(text)).toEqual([
      { kind: 'text', text: 'Ping ' },
      { kind: 'mention', name: 'Maya Member', userId: MAYA },
      { kind: 'text', text: '  please' },
    ]);
  });
});
