import type { Tx } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';

/**
 * Demo time tracking: last week (Monday to Friday, UTC) of time entries for
 * every demo person who tracks time, booked on the tenant's demo projects'
 * tasks, plus timesheets in each state (one approved, one submitted, the rest
 * open). Projects and tasks are looked up in the database, so this follows
 * whatever the demo projects are; it is deterministic (no randomness) so the
 * demo looks the same on every fresh start.
 */
export interface DemoPerson {
  id: string;
  role: string;
}

/** Roles whose people log time; viewers, auditors and other products' roles do not. */
const TRACKING_ROLES = new Set(['owner', 'admin', 'member', 'project_manager', 'employee']);

const DESCRIPTIONS = [
  'Implementation',
  'Code review',
  'Stand-up and planning',
  'Pairing session',
  'Bug investigation',
  'Client call',
  'Writing specs',
  'Testing and QA',
  'Documentation',
  'Design review',
];

/** Each day's blocks in minutes, varied by person and day (6–8 h a day). */
const DAY_PLANS = [
  [150, 30, 180, 90],
  [120, 60, 210],
  [90, 45, 150, 120],
  [180, 30, 120, 60],
  [60, 120, 30, 180],
];

interface DemoTask {
  id: string;
  projectId: string | null;
  billable: boolean;
  isPrivate: boolean;
  memberIds: string[];
}

async function demoTasks(tx: Tx, tenantId: string): Promise<DemoTask[]> {
  const { rows } = await tx.query<{
    id: string;
    project_id: string | null;
    billable: boolean | null;
    is_private: boolean | null;
    member_ids: string[] | null;
  }>(
    `select t.id, t.project_id, p.billable, p.is_private,
            (select array_agg(m.user_id) from taskodex.project_members m
              where m.tenant_id = p.tenant_id and m.project_id = p.id) as member_ids
       from taskodex.tasks t
       left join taskodex.projects p on p.tenant_id = t.tenant_id and p.id = t.project_id
      where t.tenant_id = $1 and t.deleted_at is null and (p.id is null or p.status <> 'archived')
      order by (t.project_id is null), p.key, t.created_at, t.id`,
    [tenantId],
  );
  return rows.map((row) => ({
    id: row.id,
    projectId: row.project_id,
    billable: row.billable ?? false,
    isPrivate: row.is_private ?? false,
    memberIds: row.member_ids ?? [],
  }));
}

/**
 * What a person books time on: tasks of the projects they belong to; failing
 * that, any project task they may see; failing that (no demo projects), any task.
 */
function tasksFor(person: DemoPerson, tasks: readonly DemoTask[]): DemoTask[] {
  const own = tasks.filter((task) => task.memberIds.includes(person.id));
  if (own.length > 0) return own;
  const seesAll = ['owner', 'admin', 'project_manager'].includes(person.role);
  const visible = tasks.filter((task) => task.projectId && (!task.isPrivate || seesAll));
  return visible.length > 0 ? visible : [...tasks];
}

/** Monday 00:00 UTC of the week before `now`'s. */
function lastMonday(now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  return today - (sinceMonday + 7) * 86_400_000;
}

export async function seedDemoTimeEntries(
  tx: Tx,
  tenantId: string,
  people: readonly DemoPerson[],
  now = new Date(),
): Promise<number> {
  const trackers = people.filter((person) => TRACKING_ROLES.has(person.role));
  const allTasks = await demoTasks(tx, tenantId);
  if (trackers.length === 0 || allTasks.length === 0) return 0;
  const monday = lastMonday(now);
  let count = 0;
  for (const [personIndex, person] of trackers.entries()) {
    const tasks = tasksFor(person, allTasks);
    for (let day = 0; day < 5; day++) {
      const plan = DAY_PLANS[(personIndex + day) % DAY_PLANS.length] ?? [];
      // Start between 08:00 and 09:30 UTC, a short break between blocks.
      let start = monday + day * 86_400_000 + (8 * 60 + ((personIndex * 30) % 120)) * 60_000;
      for (const [block, planned] of plan.entries()) {
        // Some people stay longer on Friday to wrap up, so weekly totals differ too.
        const minutes = planned + (day === 4 && block === plan.length - 1 ? (personIndex % 3) * 30 : 0);
        const task = tasks[(personIndex * 5 + day * 3 + block) % tasks.length] as DemoTask;
        const description = DESCRIPTIONS[(personIndex + day * 2 + block) % DESCRIPTIONS.length] as string;
        const end = start + minutes * 60_000;
        await tx.query(
          `insert into taskodex.time_entries
             (tenant_id, id, user_id, task_id, project_id, description, started_at, ended_at, billable, tags,
              created_at, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $8, $8)`,
          [
            tenantId,
            uuidv7(end),
            person.id,
            task.id,
            task.projectId,
            description,
            new Date(start),
            new Date(end),
            // Internal meetings are not billed, even on a billable project.
            task.billable && !description.startsWith('Stand-up'),
            description === 'Client call' ? ['meeting', 'client'] : [],
          ],
        );
        count++;
        start = end + 15 * 60_000;
      }
    }
  }
  await seedTimesheets(tx, tenantId, trackers, monday);
  return count;
}

/**
 * Timesheets in each state: a Member's week waits for approval (what a
 * manager sees first), another person's is approved by a manager; the rest stay open.
 */
async function seedTimesheets(tx: Tx, tenantId: string, trackers: readonly DemoPerson[], monday: number) {
  const weekStart = new Date(monday).toISOString().slice(0, 10);
  const submittedAt = new Date(monday + 4 * 86_400_000 + 17 * 3_600_000); // Friday 17:00
  const decidedAt = new Date(monday + 6 * 86_400_000 + 9 * 3_600_000); // Sunday 09:00, always past
  const submitter = trackers.find((person) => person.role === 'member');
  const approver = trackers.find((person) => ['project_manager', 'admin', 'owner'].includes(person.role));
  const approved = trackers.find(
    (person) => person !== submitter && person !== approver && person.role !== 'owner',
  );
  if (submitter)
    await tx.query(
      `insert into taskodex.timesheets (tenant_id, user_id, week_start, status, submitted_at)
       values ($1, $2, $3, 'submitted', $4)`,
      [tenantId, submitter.id, weekStart, submittedAt],
    );
  if (approved && approver)
    await tx.query(
      `insert into taskodex.timesheets (tenant_id, user_id, week_start, status, submitted_at, decided_by, decided_at)
       values ($1, $2, $3, 'approved', $4, $5, $6)`,
      [tenantId, approved.id, weekStart, submittedAt, approver.id, decidedAt],
    );
}
