import * as z from 'zod';

/**
 * Names and titles people read (tenant, role, project, task, webhook, API key,
 * user display names) are normalised to NFC and may not hold characters that
 * make them look like something else: bidi controls that reorder what is shown
 * (`Invoice\u202Efdp.exe` reads as `Invoiceexe.pdf`), zero-width and other
 * invisible characters that make two equal-looking names differ, and control
 * characters. Joiners stay allowed where scripts need them: ZWJ inside emoji
 * sequences (👩‍💻), ZWNJ/ZWJ between letters of Arabic, Syriac and Indic
 * scripts (Persian `می‌خواهم`), tag characters in flag sequences, and variation
 * selectors after an emoji or a Han ideograph.
 */

/** Direction controls: LRE/RLE/PDF/LRO/RLO, isolates LRI/RLI/FSI/PDI, LRM/RLM and the Arabic letter mark. */
const BIDI_CONTROL = /^[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]$/u;

/**
 * Invisible or layout-only: control characters (tab and line breaks too: a
 * name is one line), lone surrogates, every format character (zero-width
 * space, word joiner, BOM, soft hyphen, Mongolian vowel separator, invisible
 * operators, …; the allowed joiners are let through before this test), line
 * and paragraph separators, and letters that render as nothing (Hangul
 * fillers, the combining grapheme joiner, Khmer inherent vowels, braille blank).
 */
const INVISIBLE =
  /^(?:[\p{Cc}\p{Cs}\p{Cf}\u2028\u2029\u115F\u1160\u3164\uFFA0\u2800]|\u034F|\u17B4|\u17B5|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}])$/u;

/** Letters and marks of scripts that use ZWNJ/ZWJ inside words. */
const JOINING_SCRIPT =
  /^[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]$/u;
const PICTOGRAPH = /^(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}]|\uFE0F)$/u;
const EMOJI = /^\p{Emoji}$/u;
const HAN = /^\p{Script=Han}$/u;
const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const BLACK_FLAG = '\u{1F3F4}';

const isTag = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0xe0020 && code <= 0xe007f;
};

/** Is this otherwise forbidden character fine where it stands? */
function allowedInContext(char: string, before: string | undefined, after: string | undefined): boolean {
  if (before === undefined) return false;
  if (char === ZWJ && PICTOGRAPH.test(before) && after !== undefined && PICTOGRAPH.test(after)) return true;
  if ((char === ZWJ || char === ZWNJ) && JOINING_SCRIPT.test(before) && after && JOINING_SCRIPT.test(after))
    return true;
  if (isTag(char)) return before === BLACK_FLAG || isTag(before);
  if (char === '\uFE0E' || char === '\uFE0F') return EMOJI.test(before);
  const code = char.codePointAt(0) ?? 0;
  if ((code >= 0xfe00 && code <= 0xfe0d) || (code >= 0xe0100 && code <= 0xe01ef)) return HAN.test(before);
  return false;
}

export interface HiddenCharacter {
  kind: 'direction' | 'invisible';
  /** `U+202E`. */
  codePoint: string;
  /** 1-based position in characters (code points), as a person counts. */
  position: number;
}

/** The first character that would make the text look other than it is, if any. */
export function hiddenCharacterIn(text: string): HiddenCharacter | undefined {
  const chars = Array.from(text);
  for (const [index, char] of chars.entries()) {
    const direction = BIDI_CONTROL.test(char);
    if (!direction && !INVISIBLE.test(char)) continue;
    if (!direction && allowedInContext(char, chars[index - 1], chars[index + 1])) continue;
    const codePoint = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return { kind: direction ? 'direction' : 'invisible', codePoint, position: index + 1 };
  }
  return undefined;
}

/** The field error's code for display text with a hidden character (see shared/src/http/validation.ts). */
export const HIDDEN_CHARACTER_CODE = 'hidden_character';

const noHiddenCharacters = z.superRefine((text: string, ctx) => {
  const found = hiddenCharacterIn(text);
  if (!found) return;
  const what =
    found.kind === 'direction'
      ? 'a direction control, which changes the order in which the text is shown'
      : 'an invisible or control character, which makes the text look like something it is not';
  ctx.addIssue({
    code: 'custom',
    message: `Remove ${found.codePoint} at character ${found.position}: it is ${what}.`,
    params: { code: HIDDEN_CHARACTER_CODE },
  });
});

/**
 * A name or title: NFC-normalised, trimmed, without bidi controls or invisible
 * characters. Chain the length rules as on any string: `displayText().min(1).max(200)`
 * (lengths count the normalised text).
 */
export function displayText(): z.ZodString {
  return z
    .string()
    .overwrite((text) => text.normalize('NFC'))
    .trim()
    .check(noHiddenCharacters);
}

/** Is this schema (through optional/nullable/default wrappers) display text? */
export function isDisplayText(schema: z.ZodType): boolean {
  return (schema._zod.def.checks ?? []).includes(noHiddenCharacters as never);
}

/**
 * Paths of the display-text fields in an object schema (array items as `0`),
 * so the security suite can try a bidi override in each one.
 */
export function displayTextPaths(schema: z.ZodType, path: string[] = []): string[][] {
  const def = schema._zod.def as unknown as {
    type: string;
    innerType?: z.ZodType;
    in?: z.ZodType;
    element?: z.ZodType;
    shape?: Record<string, z.ZodType>;
    options?: z.ZodType[];
    left?: z.ZodType;
    right?: z.ZodType;
  };
  if (def.type === 'string') return isDisplayText(schema) ? [path] : [];
  if (def.innerType) return displayTextPaths(def.innerType, path);
  if (def.type === 'pipe' && def.in) return displayTextPaths(def.in, path);
  if (def.type === 'array' && def.element) return displayTextPaths(def.element, [...path, '0']);
  if (def.type === 'object' && def.shape)
    return Object.entries(def.shape).flatMap(([key, value]) => displayTextPaths(value, [...path, key]));
  if (def.type === 'union' && def.options)
    return def.options.flatMap((option) => displayTextPaths(option, path));
  if (def.type === 'intersection' && def.left && def.right)
    return [...displayTextPaths(def.left, path), ...displayTextPaths(def.right, path)];
  return [];
}
