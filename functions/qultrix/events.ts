import { defineCatalog } from '@halooid/shared/events/catalog';
import * as z from 'zod';
import { EmployeeSnapshot } from './domain/employee';

/**
 * Qultrix's event catalog: what other products, notifications and webhooks
 * may rely on, each `<resource>.<verb>` with a versioned zod schema of its
 * `data`. Employees travel as EmployeeSnapshot: identity and job, without
 * personal data (personal email, phones, birth date, address, emergency
 * contacts), because events reach webhooks and other products; a consumer
 * that needs more reads the API with its own permissions. A breaking change to a schema is a new version, never an edit.
 */
export const qultrixEvents = defineCatalog('qultrix', {
  'employee.created': {
    version: 1,
    description: 'An employee record was created.',
    schema: z.object({ employee: EmployeeSnapshot }),
  },
  'employee.updated': {
    version: 1,
    description: 'An employee record changed; `changes` names the fields that did (personal ones included).',
    schema: z.object({ employee: EmployeeSnapshot, changes: z.array(z.string()).min(1) }),
  },
  'employee.terminated': {
    version: 1,
    description:
      'An employee became terminated; `userId` is the linked platform user, whose access later products end.',
    schema: z.object({
      employeeId: z.uuid(),
      employeeNumber: z.string(),
      userId: z.uuid().nullable(),
      terminationDate: z.iso.date(),
      terminationReason: z.string(),
    }),
  },
});
