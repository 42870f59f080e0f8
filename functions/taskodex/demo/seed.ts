import type { Tx } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';
import type { DemoSeeder } from '@halooid/shared/product';
import { DEFAULT_WORKFLOW } from '../domain/workflow';
import { seedCollaboration } from './collaboration';
import { type DemoProject, type DemoProjectTask, TASKODEX_DEMO } from './data';
import { seedDemoTimeEntries } from './time-entries';

/**
 * Taskodex's demo seeder (product.ts `demoSeed`): for a demo tenant the
 * platform has just made, its loose tasks, its projects with their tasks and
 * history, a few comments and relations, and last week's time entries and
 * timesheets. Tenants without Taskodex demo data get nothing.
 */
export const seedDemo: DemoSeeder = async (tx, tenant) => {
  const demo = TASKODEX_DEMO[tenant.slug];
  if (!demo) return;
  const byEmail = new Map(tenant.users.map((user) => [user.email, user.id]));
  const id = (email: string) => {
    const userId = byEmail.get(email);
    if (!userId)
      throw new Error(`Taskodex demo data names ${email}, who is not in the ${tenant.slug} demo tenant`);
    return userId;
  };
  const [owner] = tenant.users;
  if (!owner) throw new Error(`Demo tenant ${tenant.slug} has no users`);
  const { tenantId } = tenant;
  const today = Date.now();
  for (const [index, task] of demo.tasks.entries()) {
    const dueDate =
      task.dueInDays === undefined
        ? null
        : new Date(today + task.dueInDays * 86_400_000).toISOString().slice(0, 10);
    await tx.query(
      `insert into taskodex.tasks
         (tenant_id, id, title, description, status, priority, assignee_id, due_date, labels, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        tenantId,
        uuidv7(today - (demo.tasks.length - index) * 60_000),
        task.title,
        task.description,
        task.status,
        task.priority,
        task.assignee ? id(task.assignee) : null,
        dueDate,
        task.labels,
        owner.id,
      ],
    );
  }
  for (const project of demo.projects) await writeProject(tx, tenantId, project, id, owner.id);
  await seedCollaboration(
    tx,
    tenantId,
    tenant.users.filter((u) => u.role !== 'viewer').map((u) => ({ id: u.id, name: u.name })),
  );
  await seedDemoTimeEntries(
    tx,
    tenantId,
    tenant.users
      .filter((user) => !demo.tracksNoTime?.includes(user.email))
      .map((user) => ({ id: user.id, role: user.role })),
  );
};

const dayFrom = (today: number, days: number | undefined) =>
  days === undefined ? null : new Date(today + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A Taskodex project with its members, workflow and tasks. Task numbers,
 * status groups and completedAt come from the tasks table's trigger, as for
 * any writer. Later seed steps find projects by key and tasks by title.
 */
async function writeProject(
  tx: Tx,
  tenantId: string,
  project: DemoProject,
  id: (email: string) => string,
  createdBy: string,
): Promise<void> {
  const today = Date.now();
  const projectId = uuidv7();
  await tx.query(
    `insert into taskodex.projects (tenant_id, id, key, name, description, lead_id, is_private, start_date,
       target_date, client_name, billable, hourly_rate, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      tenantId,
      projectId,
      project.key,
      project.name,
      project.description,
      id(project.lead),
      project.isPrivate ?? false,
      dayFrom(today, project.startInDays),
      dayFrom(today, project.targetInDays),
      project.clientName ?? null,
      project.billable ?? false,
      project.hourlyRate ?? null,
      createdBy,
    ],
  );
  for (const [position, state] of (project.states ?? DEFAULT_WORKFLOW).entries())
    await tx.query(
      `insert into taskodex.workflow_states (tenant_id, project_id, key, name, colour, state_group, position)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, projectId, state.key, state.name, state.colour, state.group, position],
    );
  for (const member of [{ email: project.lead, role: 'admin' }, ...project.members])
    await tx.query(
      `insert into taskodex.project_members (tenant_id, project_id, user_id, role) values ($1, $2, $3, $4)
       on conflict do nothing`,
      [tenantId, projectId, id(member.email), member.role],
    );
  // Tasks were written over the project's life so far (its start, at most three
  // weeks back, until yesterday) rather than all this second: lists sorted by
  // age, "created 5 days ago" and cycle times then look like a real project's.
  const countTasks = (tasks: readonly DemoProjectTask[]): number =>
    tasks.reduce((sum, task) => sum + 1 + countTasks(task.subtasks ?? []), 0);
  const total = countTasks(project.tasks);
  const since = today - Math.min(21, Math.max(2, -(project.startInDays ?? -14))) * 86_400_000;
  const span = today - 86_400_000 - since;
  let order = 0;
  const writeTask = async (task: DemoProjectTask, parentId: string | null) => {
    order++;
    const createdAt = since + Math.round((span * (order - 1)) / Math.max(1, total - 1) / 60_000) * 60_000;
    const taskId = uuidv7(createdAt);
    const { rows } = await tx.query<{ sequence: number; completed: boolean }>(
      `insert into taskodex.tasks (tenant_id, id, project_id, parent_id, title, description, status, priority,
         assignee_id, start_date, due_date, estimate_hours, labels, position, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)
       returning sequence, completed_at is not null as completed`,
      [
        tenantId,
        taskId,
        projectId,
        parentId,
        task.title,
        task.description,
        task.status,
        task.priority,
        task.assignee ? id(task.assignee) : null,
        dayFrom(today, task.startInDays),
        dayFrom(today, task.dueInDays),
        task.estimateHours ?? null,
        task.labels,
        order * 1024,
        createdBy,
        new Date(createdAt),
      ],
    );
    await writeHistory(tx, tenantId, {
      taskId,
      identifier: `${project.key}-${rows[0]?.sequence}`,
      title: task.title,
      status: task.status,
      completed: rows[0]?.completed ?? false,
      actorId: task.assignee ? id(task.assignee) : createdBy,
      createdBy,
      createdAt,
      now: today,
    });
    for (const subtask of task.subtasks ?? []) await writeTask(subtask, taskId);
  };
  for (const task of project.tasks) await writeTask(task, null);
}

/**
 * A demo task's timeline, as the API would have written it: created in the
 * workflow's first state, then (when it is elsewhere now) moved by its
 * assignee part-way between then and now; a completed task's completedAt is
 * that move, not the seed's clock.
 */
async function writeHistory(
  tx: Tx,
  tenantId: string,
  task: {
    taskId: string;
    identifier: string;
    title: string;
    status: string;
    completed: boolean;
    actorId: string;
    createdBy: string;
    createdAt: number;
    now: number;
  },
): Promise<void> {
  const { rows } = await tx.query<{ first: string }>(
    `select w.key as first from taskodex.tasks t
       join taskodex.workflow_states w on w.tenant_id = t.tenant_id and w.project_id = t.project_id
      where t.tenant_id = $1 and t.id = $2 order by w.position limit 1`,
    [tenantId, task.taskId],
  );
  const first = rows[0]?.first ?? task.status;
  const activity = (
    kind: string,
    at: number,
    actorId: string,
    field: string | null,
    from: unknown,
    to: unknown,
  ) =>
    tx.query(
      `insert into taskodex.task_activity (tenant_id, id, task_id, actor_id, kind, field, from_value, to_value, created_at)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9)`,
      [
        tenantId,
        uuidv7(at),
        task.taskId,
        actorId,
        kind,
        field,
        JSON.stringify(from),
        JSON.stringify(to),
        new Date(at),
      ],
    );
  await activity('created', task.createdAt, task.createdBy, null, null, {
    title: task.title,
    status: first,
    identifier: task.identifier,
  });
  if (task.status === first) return;
  const movedAt = task.createdAt + Math.round((task.now - task.createdAt) * 0.6);
  await activity('updated', movedAt, task.actorId, 'status', first, task.status);
  await tx.query(
    `update taskodex.tasks set updated_at = $3::timestamptz, completed_at = case when completed_at is null then null else $3::timestamptz end
      where tenant_id = $1 and id = $2`,
    [tenantId, task.taskId, new Date(movedAt)],
  );
}
