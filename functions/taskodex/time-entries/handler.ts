import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse, wantsCsv } from '@halooid/shared/http/csv';
import { inTenant } from '../common/in-tenant';
import { etag, expectedVersion } from '../common/versioning';
import { timeEntriesService } from './service';
import {
  changeTimeEntry,
  createTimeEntry,
  deleteTimeEntry,
  exportTimeEntries,
  findTimeEntries,
  getTimeEntry,
  markEntries,
  stopTimeEntry,
  timeEntriesCsv,
} from './time-entry-use-cases';

export const handler = createHttpHandler(timeEntriesService, {
  createTimeEntry: async ({ body, principal }) => {
    const entry = await inTenant(principal, (deps) => createTimeEntry(body, deps));
    return {
      body: entry,
      headers: { Location: `/v1/taskodex/time-entries/${entry.id}`, ...etag(entry.version) },
    };
  },
  listTimeEntries: async ({ query, headers, principal }) => {
    if (!wantsCsv(headers))
      return { body: await inTenant(principal, (deps) => findTimeEntries(query, deps)) };
    const { items, names, truncated } = await inTenant(principal, (deps) => exportTimeEntries(query, deps));
    const csv = csvResponse(
      `time-entries-${new Date().toISOString().slice(0, 10)}.csv`,
      timeEntriesCsv(items, names),
    );
    return { ...csv, headers: { ...csv.headers, 'X-Export-Truncated': String(truncated) } };
  },
  markTimeEntries: async ({ body, principal }) => ({
    body: { items: await inTenant(principal, (deps) => markEntries(body, deps)) },
  }),
  getTimeEntry: async ({ params, principal }) => {
    const entry = await inTenant(principal, (deps) => getTimeEntry(params.timeEntryId, deps));
    return { body: entry, headers: etag(entry.version) };
  },
  updateTimeEntry: async ({ params, body, headers, principal }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const entry = await inTenant(principal, (deps) =>
      changeTimeEntry(params.timeEntryId, version, changes, deps),
    );
    return { body: entry, headers: etag(entry.version) };
  },
  deleteTimeEntry: async ({ params, principal }) => {
    await inTenant(principal, (deps) => deleteTimeEntry(params.timeEntryId, deps));
    return { body: undefined };
  },
  stopTimeEntry: async ({ params, principal }) => {
    const entry = await inTenant(principal, (deps) => stopTimeEntry(params.timeEntryId, deps));
    return { body: entry, headers: etag(entry.version) };
  },
});
