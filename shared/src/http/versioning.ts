import * as z from 'zod';
import { ConflictError, ValidationError } from '../errors';

/*
 * Optimistic concurrency, the same for every versioned resource of every
 * product (Taskodex: projects, tasks, time entries, views). Kept apart from
 * request-deps.ts so a manifest can import IF_MATCH_HEADER and VersionField
 * without pulling in the database.
 */

/** The strong ETag of a versioned resource: its version, quoted. */
export const etag = (version: number) => ({ ETag: `"${version}"` });

/**
 * The version a PATCH expects, from the body's `version` or an `If-Match`
 * header (`"3"`, `W/"3"` or `3`). Neither is a 400 on body.version, so every
 * versioned resource answers a missing version the same way; an If-Match that
 * is not a version is a 400 naming the header.
 */
export function expectedVersion(sent: number | undefined, ifMatch: string | undefined): number {
  if (sent !== undefined) return sent;
  if (!ifMatch)
    throw new ValidationError('Send the version you last read, in the body or as If-Match.', [
      { field: 'body.version', message: 'Required unless If-Match is sent.', code: 'version_required' },
    ]);
  const fromHeader = Number(ifMatch.trim().replace(/^W\//, '').replaceAll('"', ''));
  if (Number.isInteger(fromHeader) && fromHeader > 0 && fromHeader <= MAX_VERSION) return fromHeader;
  throw new ValidationError('If-Match must be the ETag you last read, such as "3".', [
    { field: 'headers.if-match', message: 'Not a version this API issued.', code: 'invalid_if_match' },
  ]);
}

/**
 * The optimistic-concurrency check of a write: 409 `version_conflict` when
 * the stored version (read under the row's lock) is not the one the caller
 * read, with `currentVersion` so a client can tell a stale form from a gone
 * row. One wording for every resource (`resource` is a noun: "warehouse").
 */
export function checkVersion(resource: string, current: number, sent: number): void {
  if (current === sent) return;
  throw new ConflictError(
    `Version ${sent} of the ${resource} is out of date (now at version ${current}): read the latest and try again.`,
    'version_conflict',
    { currentVersion: current },
  );
}

/** Versions are Postgres integers; a larger one cannot match any row. */
const MAX_VERSION = 2_147_483_647;

/** Documents the If-Match alternative on a route that takes `version`. */
export const IF_MATCH_HEADER = {
  'If-Match':
    'The version you last read (the ETag of the last response), as an alternative to `version` in the body.',
} as const;

/** The `version` field of a PATCH body: optional because `If-Match` may carry it instead. */
export const VersionField = z.number().int().min(1).max(MAX_VERSION).optional().meta({
  description: 'The version you last read (a stale one gets 409). Required unless sent as If-Match.',
});
