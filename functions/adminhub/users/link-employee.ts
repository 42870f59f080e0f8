import type { Tx } from '@halooid/shared/db/transaction';

/**
 * AdminHub's projection of Qultrix employees onto platform users
 * (adminhub.employee_links), fed by Qultrix's events: AdminHub never reads
 * Qultrix's schema. Idempotent twice over: the kernel's inbox skips a
 * redelivered event, and a row only moves forward in time (`source_at`),
 * so an older event arriving after a newer one changes nothing.
 */
export interface EmployeeFacts {
  employeeId: string;
  employeeNumber: string;
  userId: string | null;
  displayName: string;
  status: string;
  occurredAt: string;
}

export async function upsertEmployeeLink(tx: Tx, facts: EmployeeFacts): Promise<void> {
  await tx.query(
    `insert into adminhub.employee_links
       (tenant_id, employee_id, user_id, employee_number, display_name, status, source_at)
     values (platform.current_tenant_id(), $1, $2, $3, $4, $5, $6)
     on conflict (tenant_id, employee_id) do update
       set user_id = excluded.user_id, employee_number = excluded.employee_number,
           display_name = excluded.display_name, status = excluded.status, source_at = excluded.source_at
       where adminhub.employee_links.source_at <= excluded.source_at`,
    [facts.employeeId, facts.userId, facts.employeeNumber, facts.displayName, facts.status, facts.occurredAt],
  );
}

/** A termination carries no name: the status moves on, the rest stays as the last snapshot said. */
export async function markEmployeeTerminated(
  tx: Tx,
  facts: Omit<EmployeeFacts, 'displayName' | 'status'>,
): Promise<void> {
  await tx.query(
    `insert into adminhub.employee_links
       (tenant_id, employee_id, user_id, employee_number, display_name, status, source_at)
     values (platform.current_tenant_id(), $1, $2, $3, $3, 'terminated', $4)
     on conflict (tenant_id, employee_id) do update
       set status = 'terminated', user_id = coalesce(excluded.user_id, adminhub.employee_links.user_id),
           source_at = excluded.source_at
       where adminhub.employee_links.source_at <= excluded.source_at`,
    [facts.employeeId, facts.userId, facts.employeeNumber, facts.occurredAt],
  );
}
