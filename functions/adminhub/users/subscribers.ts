import { createSubscriberHandler, defineConsumer } from '@halooid/shared/events/consumer';
import { EVENT_CATALOGS } from '../../event-index.generated';
import { markEmployeeTerminated, upsertEmployeeLink } from './link-employee';
import { usersService } from './service';

/** What AdminHub reads of Qultrix's EmployeeSnapshot (functions/qultrix/events.ts). */
interface EmployeeSnapshot {
  id: string;
  employeeNumber: string;
  legalName: { given: string; family: string };
  preferredName: string | null;
  status: string;
  userId: string | null;
}

/** `qultrix.employee.created|updated` → the employee's link as of that event. */
export const linkEmployee = defineConsumer({
  service: usersService,
  subscription: 'link-employee',
  catalogs: EVENT_CATALOGS,
  handle: async (event, { tx }) => {
    const { employee } = event.data as { employee: EmployeeSnapshot };
    await upsertEmployeeLink(tx, {
      employeeId: employee.id,
      employeeNumber: employee.employeeNumber,
      userId: employee.userId,
      displayName: employee.preferredName ?? `${employee.legalName.given} ${employee.legalName.family}`,
      status: employee.status,
      occurredAt: event.occurredAt,
    });
  },
});

/** `qultrix.employee.terminated` → the link shows the employee as terminated. */
export const unlinkTerminatedEmployee = defineConsumer({
  service: usersService,
  subscription: 'employee-terminated',
  catalogs: EVENT_CATALOGS,
  handle: async (event, { tx }) => {
    const data = event.data as { employeeId: string; employeeNumber: string; userId: string | null };
    await markEmployeeTerminated(tx, {
      employeeId: data.employeeId,
      employeeNumber: data.employeeNumber,
      userId: data.userId,
      occurredAt: event.occurredAt,
    });
  },
});

/** Lambda entry for the capability's EventBridge rules. */
export const handler = createSubscriberHandler(usersService, { linkEmployee, unlinkTerminatedEmployee });
