import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { Absence, ListAbsencesQuery, MAX_ABSENCE_DAYS } from './schemas';

/**
 * Who is away: approved absences announced by other products (Qultrix's
 * time off), kept as Taskodex's own rows. Reading them is part of reading
 * tasks (planning who does what when), so `taskodex:task:read` covers it.
 */
export const availabilityService = defineService({
  product: 'taskodex',
  capability: 'availability',
  description: "Who is away: members' approved absences, from Qultrix time off, for planning tasks.",
  resources: { database: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listAbsences',
      method: 'GET',
      path: '/v1/taskodex/absences',
      permission: 'taskodex:task:read',
      summary: 'List who is away',
      description: `Members away on any day from \`from\` to \`to\` (both included, at most ${MAX_ABSENCE_DAYS} days), by first day; cursor-paginated. Approved time off appears here once Qultrix announces it; a cancellation removes it.`,
      query: ListAbsencesQuery,
      response: pageOf(Absence),
    }),
  ],
  subscriptions: [
    {
      name: 'absences-from-time-off',
      pattern: { source: ['halooid.qultrix'], 'detail-type': ['time-off.approved', 'time-off.cancelled'] },
      handler: 'recordAbsences',
    },
  ],
});
