import { defineProduct } from '@halooid/shared/product';
import { companiesService } from './companies/service';
import { customerconnectEvents } from './events';

/** What a salesperson works with: every CRM object, read and written, within the tenant's visibility rules. */
const SELLING = [
  'customerconnect:*:read',
  'customerconnect:company:write',
  'customerconnect:contact:write',
  'customerconnect:lead:write',
  'customerconnect:opportunity:write',
  'customerconnect:activity:write',
];

/**
 * CustomerConnect, the CRM: this file is its one declaration. `npm run
 * generate` finds it, and the registry, CDK, the local runtime, OpenAPI, RBAC
 * and the web shell read it.
 */
export const customerconnectProduct = defineProduct({
  key: 'customerconnect',
  displayName: 'CustomerConnect',
  description: 'The CRM: companies, contacts, leads, opportunities and activities.',
  capabilities: [companiesService],
  events: customerconnectEvents,
  // Owner (`*:*:*`) and auditor (`*:*:read`) cover every product already.
  // Which rows a grant reaches is the visibility rule (domain/visibility.ts):
  // `customerconnect:record:admin` sees every record; everyone else sees what
  // the tenant's per-object setting and their teams allow. Sales managers are
  // not a role: a team's manager sees its members' records.
  roleGrants: {
    admin: ['customerconnect:*:*'],
    sales_rep: SELLING,
    member: SELLING,
    support_agent: [
      'customerconnect:company:read',
      'customerconnect:contact:read',
      'customerconnect:contact:write',
      'customerconnect:activity:read',
      'customerconnect:activity:write',
      'customerconnect:settings:read',
    ],
    viewer: ['customerconnect:*:read'],
  },
  web: {
    path: '/customerconnect',
    icon: 'briefcase',
    description: 'Companies, contacts, leads and the sales pipeline',
  },
});
