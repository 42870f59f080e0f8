import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { displayText, displayTextPaths, hiddenCharacterIn } from './display-text';
import { parsePart } from './http/validation';

const Name = displayText().min(1).max(20);

describe('displayText', () => {
  it.each([
    ['right-to-left override', 'Invoice\u202Efdp.exe', 'U+202E'],
    ['left-to-right embedding', '\u202AAcme', 'U+202A'],
    ['pop directional formatting', 'Acme\u202C', 'U+202C'],
    ['right-to-left isolate', 'Ac\u2067me', 'U+2067'],
    ['pop directional isolate', 'Acme\u2069x', 'U+2069'],
    ['left-to-right mark', 'Ac\u200Eme', 'U+200E'],
    ['right-to-left mark', 'Ac\u200Fme', 'U+200F'],
    ['Arabic letter mark', 'Ac\u061Cme', 'U+061C'],
  ])('refuses a %s', (_, text, codePoint) => {
    const result = Name.safeParse(text);

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(codePoint);
    expect(result.error?.issues[0]?.message).toContain('direction control');
  });

  it.each([
    ['zero-width space', 'ad\u200Bmin', 'U+200B'],
    ['zero-width non-joiner between Latin letters', 'ad\u200Cmin', 'U+200C'],
    ['zero-width joiner between Latin letters', 'ad\u200Dmin', 'U+200D'],
    ['word joiner', 'ad\u2060min', 'U+2060'],
    ['byte-order mark inside', 'ad\uFEFFmin', 'U+FEFF'],
    ['Mongolian vowel separator', 'ad\u180Emin', 'U+180E'],
    ['soft hyphen', 'ad\u00ADmin', 'U+00AD'],
    ['invisible times', 'ad\u2062min', 'U+2062'],
    ['Hangul filler', 'ad\u3164min', 'U+3164'],
    ['combining grapheme joiner', 'ad\u034Fmin', 'U+034F'],
    ['variation selector after a Latin letter', 'admin\uFE0Fx', 'U+FE0F'],
    ['tag character outside a flag', 'admin\u{E0061}x', 'U+E0061'],
    ['line break', 'two\nlines', 'U+000A'],
    ['tab', 'a\tb', 'U+0009'],
    ['line separator', 'a\u2028b', 'U+2028'],
    ['lone surrogate', 'a\uD800b', 'U+D800'],
  ])('refuses a %s', (_, text, codePoint) => {
    const result = Name.safeParse(text);

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(codePoint);
    expect(result.error?.issues[0]?.message).toContain('invisible');
  });

  it.each([
    ['plain text', 'Website relaunch'],
    ['accents and other scripts', 'Zoë Łukasz 東京 Ελένη'],
    ['Hebrew and Arabic letters', 'שלום مرحبا'],
    ['a Persian word with its ZWNJ', 'می\u200Cخواهم'],
    ['a Devanagari conjunct with ZWJ', 'क्\u200Dष'],
    ['an emoji ZWJ sequence', 'Dev 👩\u200D💻'],
    ['an emoji with VS16', 'Love ❤\uFE0F'],
    ['a keycap', 'Step 1\uFE0F\u20E3'],
    ['a skin-tone sequence', 'Wave 👋🏽'],
    ['a subdivision flag', 'Team 🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}'],
  ])('accepts %s', (_, text) => {
    expect(Name.safeParse(text)).toEqual({ success: true, data: text });
  });

  it('normalises to NFC and trims before the length rules', () => {
    const decomposed = '  Cafe\u0301  ';

    const result = displayText().max(4).safeParse(decomposed);

    expect(result).toEqual({ success: true, data: 'Caf\u00E9' });
  });

  it('answers a 400 naming the field path and the code hidden_character', () => {
    const body = z.strictObject({ project: z.strictObject({ name: Name }) });

    let error: unknown;
    try {
      parsePart('body', body, { project: { name: 'Pay\u202Etxt.exe' } });
    } catch (caught) {
      error = caught;
    }

    expect(error).toMatchObject({
      status: 400,
      errors: [{ field: 'body.project.name', code: 'hidden_character' }],
    });
  });

  it('reports the position a person would count', () => {
    expect(hiddenCharacterIn('👍👍\u202E')).toEqual({ kind: 'direction', codePoint: 'U+202E', position: 3 });
  });
});

describe('displayTextPaths', () => {
  it('finds display-text fields through wrappers, objects and arrays', () => {
    const schema = z
      .strictObject({
        name: Name,
        note: z.string().max(5).optional(),
        clientName: displayText().max(10).nullable().default(null),
        states: z.array(z.strictObject({ key: z.string(), name: displayText() })).optional(),
      })
      .refine(() => true);

    expect(displayTextPaths(schema)).toEqual([['name'], ['clientName'], ['states', '0', 'name']]);
  });
});
