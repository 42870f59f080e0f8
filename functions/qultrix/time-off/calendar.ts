import type { Tx } from '@halooid/shared/db/transaction';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type * as z from 'zod';
import { EMPLOYEE_NAME } from './people';
import type { CalendarEntry, CalendarQuery } from './schemas';

export type CalendarDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** A window is at most 93 days; this bounds a busy tenant's answer (500 people × a few requests each). */
const MAX_ENTRIES = 5000;

/**
 * Who is out between two days: approved and pending requests overlapping the
 * window, with the person's name and the leave type but never the reason,
 * optionally for one department. The whole tenant sees it (a team calendar
 * is for planning), which is why it carries so little.
 */
export async function teamCalendar(query: CalendarQuery, deps: CalendarDeps) {
  const entries = await selectCalendar(deps.tx, deps.principal.tenantId, query);
  return { from: query.from, to: query.to, entries };
}

async function selectCalendar(
  tx: Tx,
  tenantId: string,
  query: CalendarQuery,
): Promise<z.infer<typeof CalendarEntry>[]> {
  const { rows } = await tx.query<z.infer<typeof CalendarEntry>>(
    `select r.id as "requestId", r.employee_id as "employeeId", ${EMPLOYEE_NAME('e')} as name,
            e.department_id as "departmentId",
            json_build_object('id', t.id, 'name', t.name, 'color', t.color) as "leaveType",
            r.start_date::text as start, r.end_date::text as end, r.start_half as "startHalf",
            r.end_half as "endHalf", r.status
       from qultrix.leave_requests r
       join qultrix.employees e on e.tenant_id = r.tenant_id and e.id = r.employee_id
       join qultrix.leave_types t on t.tenant_id = r.tenant_id and t.id = r.leave_type_id
      where r.tenant_id = $1 and r.status in ('pending', 'approved')
        and r.start_date <= $3::date and r.end_date >= $2::date
        and ($4::uuid is null or e.department_id = $4::uuid)
      order by r.start_date, name, r.id
      limit ${MAX_ENTRIES}`,
    [tenantId, query.from, query.to, query.departmentId ?? null],
  );
  return rows;
}
