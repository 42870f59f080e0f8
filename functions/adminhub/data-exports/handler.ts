import { createHttpHandler } from '@halooid/shared/http/adapter';
import { getObjectStore } from '@halooid/shared/storage/s3-object-store';
import { getExport } from './get-export';
import { listExports } from './list-exports';
import { requestExport } from './request-export';
import { dataExportsService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(dataExportsService, {
  listDataExports: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listExports(query, deps)),
  }),
  createDataExport: async ({ inTenant }) => {
    const dataExport = await inTenant((deps) => requestExport(deps));
    return { body: dataExport, headers: { Location: `/v1/adminhub/data-exports/${dataExport.id}` } };
  },
  getDataExport: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => getExport(params.exportId, { ...deps, store: getObjectStore() })),
  }),
});
