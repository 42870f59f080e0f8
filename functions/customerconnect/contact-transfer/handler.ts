import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse } from '@halooid/shared/http/csv';
import { importRequestOf } from '../domain/record-import';
import { exportContacts } from './export-contacts';
import { importContacts } from './import-contacts';
import { contactTransferService } from './service';

export const handler = createHttpHandler(contactTransferService, {
  exportContacts: async ({ query, inTenant }) => {
    const csv = await inTenant((deps) => exportContacts(query, deps));
    return csvResponse(`contacts-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  },
  importContacts: async ({ body, query, inTenant }) => {
    const request = importRequestOf(body, query);
    return { body: await inTenant((deps) => importContacts(request, deps)) };
  },
});
