import { defineCatalog } from '@halooid/shared/events/catalog';
import * as z from 'zod';
import { EmployeeSnapshot } from './domain/employee';
import { DepartmentSnapshot } from './domain/organization';
import { AwaitingApprovalData, TimeOffEventData } from './domain/time-off-request';

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
  'department.created': {
    version: 1,
    description: 'A department was created.',
    schema: z.object({ department: DepartmentSnapshot }),
  },
  'department.updated': {
    version: 1,
    description: 'A department was renamed, moved or got another head; `changes` names the fields.',
    schema: z.object({ department: DepartmentSnapshot, changes: z.array(z.string()).min(1) }),
  },
  'department.deleted': {
    version: 1,
    description: 'An empty department (no employees, positions or children) was deleted.',
    schema: z.object({ departmentId: z.uuid(), name: z.string() }),
  },
  'time-off.requested': {
    version: 1,
    description: 'An employee (or HR for them) asked for time off; pending until approved. No reason text.',
    schema: TimeOffEventData,
  },
  'time-off.awaiting_approval': {
    version: 1,
    description:
      'A pending request waits for a decision at `step` (1 manager, 2 HR); `approverUserIds` may decide it (for notifications).',
    schema: AwaitingApprovalData,
  },
  'time-off.approved': {
    version: 1,
    description: 'A request was finally approved (every step): the person is away on those days.',
    schema: TimeOffEventData,
  },
  'time-off.rejected': {
    version: 1,
    description: 'A request was rejected at some step.',
    schema: TimeOffEventData,
  },
  'time-off.cancelled': {
    version: 1,
    description:
      'A pending or approved request was cancelled; an approved one gave its amount back to the balance.',
    schema: TimeOffEventData,
  },
  'employee.job_changed': {
    version: 1,
    description:
      'A job change (promotion, transfer, raise, manager change, …) took effect; `changes` names the employee fields it changed (empty when the record already held them). Never amounts.',
    schema: z.object({
      employeeId: z.uuid(),
      jobChangeId: z.uuid(),
      kind: z.string(),
      effectiveDate: z.iso.date(),
      changes: z.array(z.string()),
    }),
  },
});
