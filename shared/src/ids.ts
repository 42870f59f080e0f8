import { randomBytes, randomInt } from 'node:crypto';

/** The last millisecond an id was made for, and the counter within it (RFC 9562 §6.2, method 1). */
let lastMs = -1;
let counter = 0;
const COUNTER_MAX = 0xfff;
/** A time further back than this is a caller dating an id in the past, not the clock jittering. */
const PAST_MS = 10_000;

/**
 * UUID version 7 (RFC 9562): a millisecond timestamp, a 12-bit counter, then
 * random bits. Ids sort by creation time, so b-tree inserts stay
 * append-mostly and the `id` tie-break in cursor pagination follows creation
 * order — also within one millisecond: several rows written by one change
 * (its activity entries, say) share `created_at`, and only the counter keeps
 * them in the order they were made. The counter starts at a random value
 * below half its range each millisecond; if it runs out, the id borrows the
 * next millisecond, and a clock that steps back a little keeps counting on
 * the last one. A time well in the past (a caller dating an id, as the demo
 * seed does) gets its own timestamp with a random counter.
 */
export function uuidv7(now: number = Date.now()): string {
  const past = now < lastMs - PAST_MS;
  const sequence = past ? randomInt(0, COUNTER_MAX + 1) : nextInSequence(now);
  const ms = past ? now : lastMs;
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Advances (lastMs, counter) for a time at or after the last one, or just behind it. */
function nextInSequence(now: number): number {
  if (now > lastMs) {
    lastMs = now;
    counter = randomInt(0, (COUNTER_MAX + 1) / 2);
  } else if (counter < COUNTER_MAX) {
    counter += 1;
  } else {
    lastMs += 1;
    counter = randomInt(0, (COUNTER_MAX + 1) / 2);
  }
  return counter;
}

/**
 * The text form of a UUID, any version, either case: the shape Postgres' uuid
 * type reads and writes. The one place it is written (ids.test.ts fails on a
 * copy): code checks with isUuid or UUID_PATTERN, or embeds UUID_SOURCE in a
 * larger pattern (mention tokens). Request fields use zod's `z.uuid()`, which
 * also puts `format: uuid` in the API document.
 */
export const UUID_SOURCE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A whole string that is a UUID (no flags: `test` keeps no state). */
export const UUID_PATTERN = new RegExp(`^${UUID_SOURCE}$`);

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}
