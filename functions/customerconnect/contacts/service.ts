import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  Contact,
  ContactParams,
  CreateContactBody,
  ListContactsQuery,
  MergeContactBody,
  UpdateContactBody,
} from '../domain/contact';

/**
 * Contacts: the people a tenant sells to. Reads go through the tenant's
 * contact visibility (domain/visibility.ts); writes through
 * domain/contact-writes.ts, the path the CSV import and lead conversion share.
 */
export const contactsService = defineService({
  product: 'customerconnect',
  capability: 'contacts',
  description: 'Contacts: people with their emails and phones, deduplicated by email, mergeable.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [{ type: 'contact.created' }, { type: 'contact.updated' }, { type: 'contact.merged' }],
  permissions: [
    { name: 'customerconnect:contact:read', description: 'See contacts (within the visibility setting).' },
    { name: 'customerconnect:contact:write', description: 'Create, change and merge contacts.' },
  ],
  routes: [
    defineRoute({
      operationId: 'listContacts',
      method: 'GET',
      path: '/v1/customerconnect/contacts',
      permission: 'customerconnect:contact:read',
      summary: 'List contacts',
      description:
        'The contacts you can see (the tenant’s contact visibility), newest first unless `sort` says otherwise, ' +
        'a page at a time (`cursor` from the previous page). Merged contacts (tombstones) are left out.',
      query: ListContactsQuery,
      response: pageOf(Contact),
    }),
    defineRoute({
      operationId: 'createContact',
      method: 'POST',
      path: '/v1/customerconnect/contacts',
      permission: 'customerconnect:contact:write',
      summary: 'Create a contact',
      description:
        'The owner defaults to you. An email another contact already has is a 409 `duplicate_contact` whose ' +
        'problem names the `email` and, when you can see that contact, its `existingId`; send `force: true` to ' +
        'create anyway. A company you cannot see is a 422 `company_not_found`.',
      body: CreateContactBody,
      status: 201,
      response: Contact,
    }),
    defineRoute({
      operationId: 'getContact',
      method: 'GET',
      path: '/v1/customerconnect/contacts/{contactId}',
      permission: 'customerconnect:contact:read',
      summary: 'Get a contact',
      description:
        'A contact outside your visibility, or none, is a 404. The id of a merged contact answers with the ' +
        'surviving contact and a `Content-Location` header naming it. The ETag is the version, for `If-Match`.',
      params: ContactParams,
      response: Contact,
    }),
    defineRoute({
      operationId: 'updateContact',
      method: 'PATCH',
      path: '/v1/customerconnect/contacts/{contactId}',
      permission: 'customerconnect:contact:write',
      summary: 'Change a contact',
      description:
        'Partial update with optimistic concurrency: send `version` (or `If-Match`); a stale one gets 409. ' +
        '`emails` and `phones` replace the lists; `custom` merges (null clears a value). A new email another ' +
        'contact has is a 409 `duplicate_contact` unless `force: true`.',
      params: ContactParams,
      body: UpdateContactBody,
      headers: IF_MATCH_HEADER,
      response: Contact,
    }),
    defineRoute({
      operationId: 'mergeContact',
      method: 'POST',
      path: '/v1/customerconnect/contacts/{contactId}/merge',
      permission: 'customerconnect:contact:write',
      summary: 'Merge another contact into this one',
      description:
        'The contact in the path survives; `mergeId` becomes a tombstone whose id answers with the survivor. ' +
        'The survivor keeps its values and takes the other’s where it has none; emails, phones, tags and custom ' +
        'values are combined (the survivor keeps its primary email), and deal roles, activities and history ' +
        'move over. Both must be visible to you (else 404); merging a contact into itself or a merged one is a 422.',
      params: ContactParams,
      body: MergeContactBody,
      response: Contact,
    }),
  ],
});
