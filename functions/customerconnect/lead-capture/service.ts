import { defineRoute, defineService } from '@halooid/shared/manifest';
import { CaptureAccepted, CaptureLeadBody } from './schemas';

/**
 * Web-to-lead: a website's form posts its submissions here with a tenant API
 * key that holds only `customerconnect:lead:capture` (so a key leaked from a
 * web server can create leads and nothing else: every other route is a 403).
 * Submissions are rate limited per key, idempotent on `Idempotency-Key`
 * (recorded in customerconnect.lead_captures, not the generic idempotency
 * store, so a discarded submission is accounted for too), screened by a
 * honeypot, and the lead goes through the assignment rules.
 */
export const leadCaptureService = defineService({
  product: 'customerconnect',
  capability: 'lead-capture',
  description: 'Web-to-lead: public form submissions become leads.',
  resources: { database: true, cache: true },
  permissions: [
    {
      name: 'customerconnect:lead:capture',
      description: 'Submit web-to-lead forms (give an API key only this, for a website’s form).',
    },
  ],
  emits: [{ type: 'lead.created' }, { type: 'lead.assigned' }],
  routes: [
    defineRoute({
      operationId: 'captureLead',
      method: 'POST',
      path: '/v1/customerconnect/public/leads',
      permission: 'customerconnect:lead:capture',
      summary: 'Submit a web-to-lead form',
      description:
        'Creates a lead (source `web` unless given) dealt by the assignment rules. Send an `Idempotency-Key` per submission: a retry with the same key answers the same id and creates nothing. At most 5 submissions per second per key (429 with Retry-After). A filled `website` honeypot is accepted and discarded.',
      headers: {
        'Idempotency-Key':
          'One value per form submission (1 to 200 visible ASCII characters); a retry sends the same.',
      },
      body: CaptureLeadBody,
      status: 202,
      response: CaptureAccepted,
    }),
  ],
});
