import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import { salesSettingsService } from './service';
import { getSettings, putSettings } from './settings-use-cases';
import {
  changeTeam,
  createTeam,
  getTeam,
  listTeams,
  putMember,
  removeMember,
  removeTeam,
} from './team-use-cases';
import { changeView, createView, getView, listViews, removeView } from './view-use-cases';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(salesSettingsService, {
  getSalesSettings: async ({ inTenant }) => {
    const settings = await inTenant((deps) => getSettings(deps));
    return { body: settings, headers: etag(settings.version) };
  },
  putSalesSettings: async ({ body, headers, inTenant }) => {
    const version = expectedVersion(body.version, headers['if-match']);
    const settings = await inTenant((deps) => putSettings({ ...body, version }, deps));
    return { body: settings, headers: etag(settings.version) };
  },
  listTeams: async ({ query, inTenant }) => ({ body: await inTenant((deps) => listTeams(query, deps)) }),
  createTeam: async ({ body, inTenant }) => {
    const team = await inTenant((deps) => createTeam(body, deps));
    return {
      body: team,
      headers: { Location: `/v1/customerconnect/teams/${team.id}`, ...etag(team.version) },
    };
  },
  getTeam: async ({ params, inTenant }) => {
    const team = await inTenant((deps) => getTeam(params.teamId, deps));
    return { body: team, headers: etag(team.version) };
  },
  updateTeam: async ({ params, body, headers, inTenant }) => {
    const version = expectedVersion(body.version, headers['if-match']);
    const team = await inTenant((deps) => changeTeam(params.teamId, { ...body, version }, deps));
    return { body: team, headers: etag(team.version) };
  },
  deleteTeam: async ({ params, inTenant }) => {
    await inTenant((deps) => removeTeam(params.teamId, deps));
    return { body: undefined };
  },
  putTeamMember: async ({ params, body, inTenant }) => {
    const team = await inTenant((deps) => putMember(params.teamId, params.userId, body.role, deps));
    return { body: team, headers: etag(team.version) };
  },
  deleteTeamMember: async ({ params, inTenant }) => {
    await inTenant((deps) => removeMember(params.teamId, params.userId, deps));
    return { body: undefined };
  },
  listSavedViews: async ({ query, inTenant }) => ({ body: await inTenant((deps) => listViews(query, deps)) }),
  createSavedView: async ({ body, inTenant }) => {
    const view = await inTenant((deps) => createView(body, deps));
    return {
      body: view,
      headers: { Location: `/v1/customerconnect/saved-views/${view.id}`, ...etag(view.version) },
    };
  },
  getSavedView: async ({ params, inTenant }) => {
    const view = await inTenant((deps) => getView(params.savedViewId, deps));
    return { body: view, headers: etag(view.version) };
  },
  updateSavedView: async ({ params, body, headers, inTenant }) => {
    const version = expectedVersion(body.version, headers['if-match']);
    const view = await inTenant((deps) => changeView(params.savedViewId, { ...body, version }, deps));
    return { body: view, headers: etag(view.version) };
  },
  deleteSavedView: async ({ params, inTenant }) => {
    await inTenant((deps) => removeView(params.savedViewId, deps));
    return { body: undefined };
  },
});
