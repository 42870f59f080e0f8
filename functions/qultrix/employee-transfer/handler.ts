import { createHttpHandler } from '@halooid/shared/http/adapter';
import { csvResponse } from '@halooid/shared/http/csv';
import { exportEmployees } from './export-employees';
import { importEmployees } from './import-employees';
import { employeeTransferService } from './service';

export const handler = createHttpHandler(employeeTransferService, {
  exportEmployees: async ({ query, inTenant }) => {
    const csv = await inTenant((deps) => exportEmployees(query, deps));
    return csvResponse(`employees-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  },
  importEmployees: async ({ body, inTenant }) => {
    const csv = typeof body === 'string' ? body : body.csv;
    return { body: await inTenant((deps) => importEmployees(csv, deps)) };
  },
});
