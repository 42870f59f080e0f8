import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  CreateTeamBody,
  CreateViewBody,
  ListTeamsQuery,
  ListViewsQuery,
  MemberParams,
  PutMemberBody,
  PutSettingsBody,
  SalesSettings,
  SavedView,
  Team,
  TeamParams,
  UpdateTeamBody,
  UpdateViewBody,
  ViewParams,
} from './schemas';

const READ = 'customerconnect:settings:read';
const ADMIN = 'customerconnect:settings:admin';

/**
 * The sales administration of CustomerConnect: who sees which records
 * (per-object visibility), sales teams (reps and managers, territories), and
 * saved list views. Reading is `settings:read`; settings and teams change
 * with `settings:admin` (declared by the fields service). Saved views are
 * everyone's: `settings:read` saves one, ownership (or `settings:admin`)
 * decides edits.
 */
export const salesSettingsService = defineService({
  product: 'customerconnect',
  capability: 'sales-settings',
  description: 'Record visibility, sales teams and saved views of CustomerConnect.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'getSalesSettings',
      method: 'GET',
      path: '/v1/customerconnect/settings',
      permission: READ,
      summary: 'Get the CRM settings',
      description: 'The visibility of each object (`all` until changed) and the settings version.',
      response: SalesSettings,
    }),
    defineRoute({
      operationId: 'putSalesSettings',
      method: 'PUT',
      path: '/v1/customerconnect/settings',
      permission: ADMIN,
      summary: 'Set the CRM settings',
      description:
        'Replaces the visibility of every object; it applies from the next request. Send `version` (or If-Match; 1 before the first change); a stale one gets 409.',
      body: PutSettingsBody,
      headers: IF_MATCH_HEADER,
      response: SalesSettings,
    }),
    defineRoute({
      operationId: 'listTeams',
      method: 'GET',
      path: '/v1/customerconnect/teams',
      permission: READ,
      summary: 'List sales teams',
      description: 'By name, each with its members.',
      query: ListTeamsQuery,
      response: pageOf(Team),
    }),
    defineRoute({
      operationId: 'createTeam',
      method: 'POST',
      path: '/v1/customerconnect/teams',
      permission: ADMIN,
      summary: 'Create a sales team',
      description: 'Names are unique in the tenant, ignoring case (409).',
      body: CreateTeamBody,
      status: 201,
      response: Team,
    }),
    defineRoute({
      operationId: 'getTeam',
      method: 'GET',
      path: '/v1/customerconnect/teams/{teamId}',
      permission: READ,
      summary: 'Get a sales team',
      description: 'With its members and their roles.',
      params: TeamParams,
      response: Team,
    }),
    defineRoute({
      operationId: 'updateTeam',
      method: 'PATCH',
      path: '/v1/customerconnect/teams/{teamId}',
      permission: ADMIN,
      summary: 'Rename a team or change its territories',
      description: 'Send `version` (or If-Match); a stale one gets 409.',
      params: TeamParams,
      body: UpdateTeamBody,
      headers: IF_MATCH_HEADER,
      response: Team,
    }),
    defineRoute({
      operationId: 'deleteTeam',
      method: 'DELETE',
      path: '/v1/customerconnect/teams/{teamId}',
      permission: ADMIN,
      summary: 'Delete a sales team',
      description: 'Its memberships go with it. A team an assignment rule routes leads to is a 409.',
      params: TeamParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'putTeamMember',
      method: 'PUT',
      path: '/v1/customerconnect/teams/{teamId}/members/{userId}',
      permission: ADMIN,
      summary: 'Add a user to a team or change their role',
      description:
        "The user must be an active member of the tenant (422). A `manager` sees the records the team's members own.",
      params: MemberParams,
      body: PutMemberBody,
      response: Team,
    }),
    defineRoute({
      operationId: 'deleteTeamMember',
      method: 'DELETE',
      path: '/v1/customerconnect/teams/{teamId}/members/{userId}',
      permission: ADMIN,
      summary: 'Take a user out of a team',
      description: 'A 404 when the user is not in the team.',
      params: MemberParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'listSavedViews',
      method: 'GET',
      path: '/v1/customerconnect/saved-views',
      permission: READ,
      summary: 'List saved views',
      description: 'Yours and the shared ones, of the objects you may read, by name.',
      query: ListViewsQuery,
      response: pageOf(SavedView),
    }),
    defineRoute({
      operationId: 'createSavedView',
      method: 'POST',
      path: '/v1/customerconnect/saved-views',
      permission: READ,
      summary: 'Save a view of a list',
      description:
        "A name for a list's query parameters, yours alone unless `shared`. You must be able to read the object (403).",
      body: CreateViewBody,
      status: 201,
      response: SavedView,
    }),
    defineRoute({
      operationId: 'getSavedView',
      method: 'GET',
      path: '/v1/customerconnect/saved-views/{savedViewId}',
      permission: READ,
      summary: 'Get a saved view',
      description: 'Yours or a shared one; anything else is a 404.',
      params: ViewParams,
      response: SavedView,
    }),
    defineRoute({
      operationId: 'updateSavedView',
      method: 'PATCH',
      path: '/v1/customerconnect/saved-views/{savedViewId}',
      permission: READ,
      summary: 'Change a saved view',
      description:
        'Only its owner or a CRM admin (`settings:admin`) changes it (403 for others who see it). Send `version` (or If-Match); a stale one gets 409.',
      params: ViewParams,
      body: UpdateViewBody,
      headers: IF_MATCH_HEADER,
      response: SavedView,
    }),
    defineRoute({
      operationId: 'deleteSavedView',
      method: 'DELETE',
      path: '/v1/customerconnect/saved-views/{savedViewId}',
      permission: READ,
      summary: 'Delete a saved view',
      description: 'Only its owner or a CRM admin deletes it.',
      params: ViewParams,
      status: 204,
    }),
  ],
});
