import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag } from '@halooid/shared/http/versioning';
import { changeContact, createContact } from '../domain/contact-writes';
import { getContact } from './get-contact';
import { listContacts } from './list-contacts';
import { mergeContact } from './merge-contact';
import { contactsService } from './service';

const location = (id: string) => `/v1/customerconnect/contacts/${id}`;

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(contactsService, {
  listContacts: async ({ query, inTenant }) => ({
    body: await inTenant((deps) => listContacts(query, deps)),
  }),
  createContact: async ({ body, inTenant }) => {
    const contact = await inTenant((deps) => createContact(body, deps));
    return { body: contact, headers: { Location: location(contact.id), ...etag(contact.version) } };
  },
  getContact: async ({ params, inTenant }) => {
    const { contact, resolvedFrom } = await inTenant((deps) => getContact(params.contactId, deps));
    return {
      body: contact,
      headers: {
        ...etag(contact.version),
        ...(resolvedFrom ? { 'Content-Location': location(contact.id) } : {}),
      },
    };
  },
  updateContact: async ({ params, body, headers, inTenant }) => {
    const { version: sent, ...changes } = body;
    const version = { sent, ifMatch: headers['if-match'] };
    const contact = await inTenant((deps) => changeContact(params.contactId, version, changes, deps));
    return { body: contact, headers: etag(contact.version) };
  },
  mergeContact: async ({ params, body, inTenant }) => {
    const contact = await inTenant((deps) => mergeContact(params.contactId, body.mergeId, deps));
    return { body: contact, headers: etag(contact.version) };
  },
});
