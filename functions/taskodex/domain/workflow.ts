import type { Tx } from '@halooid/shared/db/transaction';
import { ValidationError } from '@halooid/shared/errors';
import type { STATE_GROUPS } from './task-schemas';

type StateGroup = (typeof STATE_GROUPS)[number];

export interface WorkflowState {
  key: string;
  name: string;
  colour: string;
  group: StateGroup;
}

/** Every new project's workflow unless it brings its own, and the workflow of tasks outside any project. */
export const DEFAULT_WORKFLOW: readonly WorkflowState[] = [
  { key: 'backlog', name: 'Backlog', colour: '#94a3b8', group: 'backlog' },
  { key: 'todo', name: 'To do', colour: '#64748b', group: 'unstarted' },
  { key: 'in_progress', name: 'In progress', colour: '#f59e0b', group: 'started' },
  { key: 'in_review', name: 'In review', colour: '#8b5cf6', group: 'started' },
  { key: 'done', name: 'Done', colour: '#22c55e', group: 'completed' },
  { key: 'cancelled', name: 'Cancelled', colour: '#ef4444', group: 'cancelled' },
];

/** The ordered workflow of a project (the default one for tasks without a project). */
export async function loadWorkflow(
  tx: Tx,
  tenantId: string,
  projectId: string | null,
): Promise<WorkflowState[]> {
  if (!projectId) return [...DEFAULT_WORKFLOW];
  const { rows } = await tx.query<WorkflowState>(
    `select key, name, colour, state_group as "group" from taskodex.workflow_states
      where tenant_id = $1 and project_id = $2 order by position, key`,
    [tenantId, projectId],
  );
  return rows;
}

/** Replaces a project's workflow rows with `states`, in order. */
export async function saveWorkflow(
  tx: Tx,
  tenantId: string,
  projectId: string,
  states: readonly WorkflowState[],
): Promise<void> {
  await tx.query('delete from taskodex.workflow_states where tenant_id = $1 and project_id = $2', [
    tenantId,
    projectId,
  ]);
  await tx.query(
    `insert into taskodex.workflow_states (tenant_id, project_id, key, name, colour, state_group, position)
     select $1, $2, s.key, s.name, s.colour, s.grp, s.ord - 1
       from unnest($3::text[], $4::text[], $5::text[], $6::text[]) with ordinality as s(key, name, colour, grp, ord)`,
    [
      tenantId,
      projectId,
      states.map((state) => state.key),
      states.map((state) => state.name),
      states.map((state) => state.colour),
      states.map((state) => state.group),
    ],
  );
}

/**
 * The rules a workflow keeps: at least one state, unique keys, and at least
 * one state a task can finish in (a completed-group state), so "done" always
 * means something for reports and completedAt.
 */
export function assertValidWorkflow(states: readonly WorkflowState[], field = 'body.states'): void {
  const seen = new Set<string>();
  for (const [index, state] of states.entries()) {
    if (seen.has(state.key))
      throw new ValidationError(`The state key "${state.key}" appears twice.`, [
        { field: `${field}.${index}.key`, message: 'Keys must be unique.', code: 'duplicate_state_key' },
      ]);
    seen.add(state.key);
  }
  if (!states.some((state) => state.group === 'completed'))
    throw new ValidationError('A workflow needs at least one state in the completed group.', [
      { field, message: 'Add a state with group "completed".', code: 'no_completed_state' },
    ]);
}

/** 400 naming body.status and the allowed keys when `status` is not a state of the workflow. */
export function assertStatusIn(
  workflow: readonly WorkflowState[],
  status: string,
  field = 'body.status',
): WorkflowState {
  const state = workflow.find((candidate) => candidate.key === status);
  if (state) return state;
  const allowed = workflow.map((candidate) => candidate.key).join(', ');
  throw new ValidationError(`"${status}" is not a state of this workflow.`, [
    { field, message: `Use one of: ${allowed}.`, code: 'unknown_status' },
  ]);
}
