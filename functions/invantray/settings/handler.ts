import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { getSettings } from './get-settings';
import { settingsService } from './service';
import { updateSettings } from './update-settings';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(settingsService, {
  getInventorySettings: async ({ inTenant }) => {
    const settings = await inTenant((deps) => getSettings(deps));
    return { body: settings, headers: etag(settings.version) };
  },
  updateInventorySettings: async ({ body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = expectedVersion(sent, headers['if-match']);
    const settings = await inTenant((deps) => updateSettings(version, changes, deps));
    return { body: settings, headers: etag(settings.version) };
  },
});
