import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse, wantsCsv } from '@halooid/shared/http/csv';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { changeTimeEntry } from './change-time-entry';
import { createTimeEntry } from './create-time-entry';
import { deleteTimeEntry } from './delete-time-entry';
import { exportTimeEntries, timeEntriesCsv } from './export-time-entries';
import { findTimeEntries } from './find-time-entries';
import { getTimeEntry } from './get-time-entry';
import { markEntries } from './mark-entries';
import { timeEntriesService } from './service';
import { stopTimeEntry } from './stop-time-entry';

export const handler = createHttpHandler(timeEntriesService, {
  createTimeEntry: async ({ body, inTenant }) => {
    const entry = await inTenant((deps) => createTimeEntry(body, deps));
    return {
      body: entry,
      headers: { Location: `/v1/taskodex/time-entries/${entry.id}`, ...etag(entry.version) },
    };
  },
  listTimeEntries: async ({ query, headers, inTenant }) => {
    if (!wantsCsv(headers)) return { body: await inTenant((deps) => findTimeEntries(query, deps)) };
    const { items, names, truncated } = await inTenant((deps) => exportTimeEntries(query, deps));
    const csv = csvResponse(
      `time-entries-${new Date().toISOString().slice(0, 10)}.csv`,
      timeEntriesCsv(items, names),
    );
    return { ...csv, headers: { ...csv.headers, 'X-Export-Truncated': String(truncated) } };
  },
  markTimeEntries: async ({ body, inTenant }) => ({
    body: { items: await inTenant((deps) => markEntries(body, deps)) },
  }),
  getTimeEntry: async ({ params, inTenant }) => {
    const entry = await inTenant((deps) => getTimeEntry(params.timeEntryId, deps));
    return { body: entry, headers: etag(entry.version) };
  },
  updateTimeEntry: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const entry = await inTenant((deps) => changeTimeEntry(params.timeEntryId, version, changes, deps));
    return { body: entry, headers: etag(entry.version) };
  },
  deleteTimeEntry: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteTimeEntry(params.timeEntryId, deps));
    return { body: undefined };
  },
  stopTimeEntry: async ({ params, inTenant }) => {
    const entry = await inTenant((deps) => stopTimeEntry(params.timeEntryId, deps));
    return { body: entry, headers: etag(entry.version) };
  },
});
