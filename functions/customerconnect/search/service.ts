import { defineRoute, defineService } from '@halooid/shared/manifest';
import { SearchQuery, SearchResult } from './schemas';

/**
 * One search box across companies, contacts, leads and opportunities:
 * Postgres full-text (word prefixes) plus trigram similarity on names and
 * emails, ranked and merged, within each object's visibility rule.
 */
export const searchService = defineService({
  product: 'customerconnect',
  capability: 'search',
  description: 'Search companies, contacts, leads and opportunities at once.',
  resources: { database: true },
  permissions: [
    {
      name: 'customerconnect:search:read',
      description: 'Search the CRM; hits come only from the objects your role may read and records you see.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'searchRecords',
      method: 'GET',
      path: '/v1/customerconnect/search',
      permission: 'customerconnect:search:read',
      summary: 'Search the CRM',
      description:
        'The best `limit` hits (default 20, at most 50) across the objects in `types`, best first. Exact names and emails rank first, then names starting with the text, then by similarity; typos are forgiven. Only records you may see are searched; merged-away records never show.',
      query: SearchQuery,
      response: SearchResult,
    }),
  ],
});
