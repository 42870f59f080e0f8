import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { archiveField } from './archive-field';
import { changeField } from './change-field';
import { createField } from './create-field';
import { getField } from './get-field';
import { listFields } from './list-fields';
import { fieldsService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(fieldsService, {
  listFields: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listFields(query, deps)),
  }),
  createField: async ({ body, inTenant }) => {
    const field = await inTenant((deps) => createField(body, deps));
    return {
      body: field,
      headers: { Location: `/v1/customerconnect/fields/${field.id}`, ...etag(field.version) },
    };
  },
  getField: async ({ params, inTenant }) => {
    const field = await inTenant((deps) => getField(params.fieldId, deps));
    return { body: field, headers: etag(field.version) };
  },
  updateField: async ({ params, body, headers, inTenant }) => {
    const version = expectedVersion(body.version, headers['if-match']);
    const field = await inTenant((deps) => changeField(params.fieldId, { ...body, version }, deps));
    return { body: field, headers: etag(field.version) };
  },
  archiveField: async ({ params, inTenant }) => {
    await inTenant((deps) => archiveField(params.fieldId, deps));
    return { body: undefined };
  },
});
