import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { RECORD_ADMIN } from '../domain/visibility';
import { CreateFieldBody, FieldDefinition, FieldParams, ListFieldsQuery, UpdateFieldBody } from './schemas';

/**
 * Custom field definitions: what admins add to companies, contacts, leads and
 * opportunities. Reading them is `settings:read` (every form needs them);
 * changing them is `settings:admin`. This service also declares
 * `record:admin`, the visibility bypass domain/visibility.ts checks, since
 * CustomerConnect's administration lives here.
 */
export const fieldsService = defineService({
  product: 'customerconnect',
  capability: 'fields',
  description: 'Custom field definitions per CRM object, validated on every record write.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [
    {
      name: 'customerconnect:settings:read',
      description: 'See the CRM settings: custom field definitions, visibility, teams.',
    },
    {
      name: 'customerconnect:settings:admin',
      description: 'Change the CRM settings: custom fields, visibility, teams, shared views.',
    },
    { name: RECORD_ADMIN, description: 'See every record whatever the visibility setting.' },
  ],
  routes: [
    defineRoute({
      operationId: 'listFields',
      method: 'GET',
      path: '/v1/customerconnect/fields',
      permission: 'customerconnect:settings:read',
      summary: 'List custom field definitions',
      description: 'By object, then position, a page at a time. Archived ones only with `archived=true`.',
      query: ListFieldsQuery,
      response: pageOf(FieldDefinition),
    }),
    defineRoute({
      operationId: 'createField',
      method: 'POST',
      path: '/v1/customerconnect/fields',
      permission: 'customerconnect:settings:admin',
      summary: 'Define a custom field',
      description: `Key and type are fixed once created; a key stays reserved even when archived (409). At most 100 active fields per object (422). The next record write validates with it.`,
      body: CreateFieldBody,
      status: 201,
      response: FieldDefinition,
    }),
    defineRoute({
      operationId: 'getField',
      method: 'GET',
      path: '/v1/customerconnect/fields/{fieldId}',
      permission: 'customerconnect:settings:read',
      summary: 'Get a custom field definition',
      description: "Archived or not; another tenant's is a 404.",
      params: FieldParams,
      response: FieldDefinition,
    }),
    defineRoute({
      operationId: 'updateField',
      method: 'PATCH',
      path: '/v1/customerconnect/fields/{fieldId}',
      permission: 'customerconnect:settings:admin',
      summary: 'Change a custom field definition',
      description:
        'Label, options, required, position, archived. Removing an option records still hold is a 409 naming the count. Send `version` (or If-Match); a stale one gets 409.',
      params: FieldParams,
      body: UpdateFieldBody,
      headers: IF_MATCH_HEADER,
      response: FieldDefinition,
    }),
    defineRoute({
      operationId: 'archiveField',
      method: 'DELETE',
      path: '/v1/customerconnect/fields/{fieldId}',
      permission: 'customerconnect:settings:admin',
      summary: 'Archive a custom field',
      description:
        'The field stops validating and showing; records keep their values and PATCH `archived: false` restores it.',
      params: FieldParams,
      status: 204,
    }),
  ],
});
