import * as z from 'zod';

/**
 * Free-form JSON a client may store (tenant settings, …) is bounded in depth
 * and in size: unbounded nesting costs stack in every later JSON.stringify,
 * jsonb operator and client that renders it, and a 1,000-level object is
 * never a setting. Both bounds are checked without recursion, so a hostile
 * value cannot exhaust the stack of the check itself.
 */
export interface JsonBounds {
  /** Levels of objects/arrays, the outermost one counting 1. */
  maxDepth: number;
  /** Bytes of the value as compact UTF-8 JSON. */
  maxBytes: number;
}

export const DEFAULT_JSON_BOUNDS: JsonBounds = { maxDepth: 8, maxBytes: 16_384 };

/** The depth of a parsed JSON value (a scalar is 0), walked with an explicit stack. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const top = stack.pop() as { value: unknown; depth: number };
    if (top.value === null || typeof top.value !== 'object') continue;
    const depth = top.depth + 1;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(top.value)) stack.push({ value: child, depth });
  }
  return deepest;
}

/**
 * A free-form JSON object (a record of any JSON values) within `bounds`.
 * Keys are strings of at most 100 characters. Use it for every field that
 * would otherwise be `z.record(z.string(), z.unknown())`.
 */
export function jsonObject(bounds: Partial<JsonBounds> = {}) {
  const { maxDepth, maxBytes } = { ...DEFAULT_JSON_BOUNDS, ...bounds };
  return z.record(z.string().max(100), z.unknown()).superRefine((value, ctx) => {
    // Depth first: it is what would make the size check (JSON.stringify) recurse too deep.
    const depth = jsonDepth(value);
    if (depth > maxDepth) {
      ctx.addIssue({
        code: 'custom',
        message: `Nest objects and arrays at most ${maxDepth} levels deep (this is ${depth}).`,
        params: { code: 'too_deep' },
      });
      return;
    }
    const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
    if (bytes > maxBytes)
      ctx.addIssue({
        code: 'custom',
        message: `Keep this under ${maxBytes} bytes of JSON (this is ${bytes}).`,
        params: { code: 'too_large' },
      });
  });
}
