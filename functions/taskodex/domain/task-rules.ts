import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { BusinessRuleError, ForbiddenError } from '@halooid/shared/errors';
import type { EventRecorder } from '@halooid/shared/events/outbox';
import { isTaskodexAdmin } from './project-access';
import { columnPositions, isSelfOrAncestor } from './task-repository';
import type { Task } from './task-schemas';
import { loadWriteContext, type WriteContext, type WriteContextQuery } from './task-write-context';
import { DEFAULT_WORKFLOW, type WorkflowState } from './workflow';

/*
 * The rules every task write obeys, whichever capability writes (tasks,
 * bulk update, CSV import, a workflow replacement): where a task may be
 * placed, who may be assigned, which parent is allowed, where on the board it
 * lands.
 */

/**
 * What a task use case receives (a subset of the request's RequestDeps): the
 * open tenant transaction and the caller; the handler owns the transaction,
 * so a use case never commits half of its work.
 */
export interface TaskDeps {
  tx: Tx;
  principal: Principal;
  newId: () => string;
  /** Writes events to the outbox in the same transaction as the change. */
  events: EventRecorder;
}

/** Board positions are spaced this far apart, so most moves fit between two neighbours without touching them. */
export const POSITION_GAP = 1024;

/** Where a task lives: its project (null outside projects) and that project's workflow. */
export interface Placement {
  projectId: string | null;
  isPrivate: boolean;
  workflow: WorkflowState[];
}

/** What a write with nothing to check (no project, assignee or parent) reads: nothing. */
const NOTHING_TO_CHECK: WriteContext = {
  project: null,
  assigneeActive: false,
  assigneeInProject: false,
  parent: null,
};

/** The write's checks in one round trip, or none when there is nothing to check. */
export function contextFor(deps: TaskDeps, query: WriteContextQuery): Promise<WriteContext> {
  if (!query.projectId && !query.assigneeId && !query.parentId) return Promise.resolve(NOTHING_TO_CHECK);
  return loadWriteContext(deps.tx, deps.principal, query);
}

/**
 * The project a task is written into, checked: visible to the caller (else
 * 422 naming the field, as for any reference in a body), not archived (an
 * archived project is frozen), and not one where the caller is only a viewer.
 * `context` must have been read for this project. The rules are
 * project-access.ts's canSeeProject and canWriteTasksIn.
 */
export function placementOf(
  deps: TaskDeps,
  context: WriteContext,
  projectId: string | null,
  field = 'body.projectId',
): Placement {
  if (!projectId) return { projectId: null, isPrivate: false, workflow: [...DEFAULT_WORKFLOW] };
  const { project } = context;
  const admin = isTaskodexAdmin(deps.principal);
  if (!project || (project.isPrivate && project.role === null && !admin))
    throw new BusinessRuleError('project_not_found', 'There is no such project.', [
      { field, message: 'No such project.', code: 'project_not_found' },
    ]);
  if (project.archived)
    throw new BusinessRuleError('project_archived', `Project ${project.key} is archived; restore it first.`, [
      { field, message: 'The project is archived.', code: 'project_archived' },
    ]);
  if (!admin && project.role === 'viewer')
    throw new ForbiddenError(`You are a viewer in project ${project.key}; its tasks are read-only for you.`);
  return { projectId, isPrivate: project.isPrivate, workflow: project.workflow };
}

/** placementOf with its own read, for a project checked on its own. */
export async function placementFor(
  deps: TaskDeps,
  projectId: string | null,
  field?: string,
): Promise<Placement> {
  return placementOf(deps, await contextFor(deps, { projectId }), projectId, field);
}

/** `context` must have been read for this assignee and the placement's project. */
export function assertAssignable(
  context: WriteContext,
  assigneeId: string | null | undefined,
  placement: Placement,
) {
  if (!assigneeId) return;
  if (!context.assigneeActive)
    throw new BusinessRuleError('assignee_not_member', 'The assignee is not a member of this tenant.', [
      { field: 'body.assigneeId', message: 'Not a member of this tenant.', code: 'assignee_not_member' },
    ]);
  if (!placement.isPrivate || !placement.projectId) return;
  if (!context.assigneeInProject)
    throw new BusinessRuleError(
      'assignee_not_project_member',
      'The assignee is not a member of this private project.',
      [
        {
          field: 'body.assigneeId',
          message: 'Not a member of the project.',
          code: 'assignee_not_project_member',
        },
      ],
    );
}

/**
 * A parent must be a visible task of the same project and must not be the
 * task itself or one of its sub-tasks. `context` must have been read for this
 * parent; visible is findVisibleTask's rule.
 */
export async function assertParent(
  deps: TaskDeps,
  context: WriteContext,
  parentId: string | null | undefined,
  projectId: string | null,
  taskId?: string,
) {
  if (!parentId) return;
  const fail = (code: string, message: string) =>
    new BusinessRuleError(code, message, [{ field: 'body.parentId', message, code }]);
  const { parent } = context;
  const visible =
    parent &&
    (parent.projectId === null ||
      !parent.isPrivate ||
      parent.callerIsMember ||
      isTaskodexAdmin(deps.principal));
  if (!parent || !visible) throw fail('parent_not_found', 'There is no such parent task.');
  if (parent.projectId !== projectId)
    throw fail('parent_other_project', 'A sub-task must be in its parent’s project.');
  if (taskId && (await isSelfOrAncestor(deps.tx, deps.principal.tenantId, parentId, taskId)))
    throw fail('parent_cycle', 'A task cannot be a sub-task of itself or of its own sub-tasks.');
}

export async function endOfColumn(
  deps: TaskDeps,
  projectId: string | null,
  status: string,
  excludeId: string,
) {
  const { last } = await columnPositions(
    deps.tx,
    deps.principal.tenantId,
    { projectId, status, excludeId },
    {},
  );
  return (last ?? 0) + POSITION_GAP;
}

/** The state a task keeps when it moves to another project: same key, else the first state of the same group, else the first. */
export function carryStatus(current: Task, workflow: readonly WorkflowState[]): string {
  const state =
    workflow.find((candidate) => candidate.key === current.status) ??
    workflow.find((candidate) => candidate.group === current.statusGroup) ??
    workflow[0];
  return (state as WorkflowState).key;
}
