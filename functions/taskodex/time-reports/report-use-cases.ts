import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { toCsv } from '@halooid/shared/http/csv';
import { assertMayRead, isApprover } from '../domain/time-access';
import { reportGroups, reportTotals } from './repository';
import type { TimeReport, TimeReportQuery } from './schemas';

/**
 * Time report: totals and billable amounts grouped by project, user, task or
 * label. Approvers report on everyone; anyone else on their own time only.
 */
export async function buildTimeReport(
  query: TimeReportQuery,
  deps: { tx: Tx; principal: Principal },
): Promise<TimeReport> {
  const { principal, tx } = deps;
  if (query.userId) assertMayRead(principal, query.userId);
  const filters = { ...query, userIds: isApprover(principal) ? undefined : [principal.principalId] };
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    groups: await reportGroups(tx, principal.tenantId, query.groupBy, filters),
    totals: await reportTotals(tx, principal.tenantId, filters),
  };
}

const hours = (seconds: number) => (seconds / 3600).toFixed(2);

/** The report as a spreadsheet: one row per group, hours beside seconds. */
export function timeReportCsv(report: TimeReport): string {
  return toCsv(
    [
      report.groupBy,
      `${report.groupBy}Id`,
      'totalHours',
      'billableHours',
      'billableAmount',
      'totalSeconds',
      'billableSeconds',
      'entries',
    ],
    report.groups.map((group) => [
      group.name,
      group.id,
      hours(group.totalSeconds),
      hours(group.billableSeconds),
      group.billableAmount,
      group.totalSeconds,
      group.billableSeconds,
      group.entryCount,
    ]),
  );
}
