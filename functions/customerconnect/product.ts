import { defineProduct } from '@halooid/shared/product';
import { activitiesService } from './activities/service';
import { companiesService } from './companies/service';
import { contactTransferService } from './contact-transfer/service';
import { contactsService } from './contacts/service';
import { customerconnectEvents } from './events';
import { fieldsService } from './fields/service';
import { forecastService } from './forecast/service';
import { leadCaptureService } from './lead-capture/service';
import { leadsService } from './leads/service';
import { opportunitiesService } from './opportunities/service';
import { pipelinesService } from './pipelines/service';
import { salesSettingsService } from './sales-settings/service';
import { searchService } from './search/service';

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
  capabilities: [
    companiesService,
    pipelinesService,
    opportunitiesService,
    fieldsService,
    forecastService,
    salesSettingsService,
    leadsService,
    leadCaptureService,
    contactsService,
    contactTransferService,
    activitiesService,
    searchService,
  ],
  events: customerconnectEvents,
  // The platform's notifications subscriber runs these (shared/src/notifications.ts); names are its inbox keys.
  notifications: [
    {
      name: 'notify-activity-mentions',
      description: 'Members an activity mentions hear about it, with a link to its record',
      pattern: { source: ['halooid.customerconnect'], 'detail-type': ['activity.created'] },
      handler: 'notifications/activity-mentions.ts',
    },
    {
      name: 'notify-lead-owner',
      description: 'A lead’s new owner hears that it was assigned to them (by hand or by an assignment rule)',
      pattern: { source: ['halooid.customerconnect'], 'detail-type': ['lead.assigned'] },
      handler: 'notifications/lead-assigned.ts',
    },
  ],
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
      'customerconnect:search:read',
    ],
    viewer: ['customerconnect:*:read'],
  },
  demoSeed: 'demo/seed.ts',
  web: {
    path: '/customerconnect',
    icon: 'briefcase',
    description: 'Companies, contacts, leads and the sales pipeline',
  },
});
