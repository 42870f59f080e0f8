import { BusinessRuleError, ForbiddenError } from '@halooid/shared/errors';
import {
  ignoredColumnsOf,
  inRowSavepoint,
  invalidCsv,
  mapCsvHeader,
  type RowError,
  readCsvFile,
  rowErrorsOf,
} from '@halooid/shared/http/csv-import';
import { createTask } from '../domain/create-task';
import { canSeeProject, canWriteTasksIn, findProjectHeader } from '../domain/project-access';
import type { TaskDeps } from '../domain/task-rules';
import { CreateTaskBody, type CreateTaskInput, TASK_PRIORITIES } from '../domain/task-schemas';
import { loadWorkflow, type WorkflowState } from '../domain/workflow';
import { activeMembersByEmail } from './members';
import type { ImportResult } from './schemas';

/** 1 MB of CSV holds a few thousand tasks; this bounds the work of one request. */
export const IMPORT_MAX_ROWS = 10_000;

type Field =
  | 'title'
  | 'description'
  | 'status'
  | 'priority'
  | 'assignee'
  | 'labels'
  | 'startDate'
  | 'dueDate'
  | 'estimate';

/** Header → field, after lower-casing and dropping everything but letters ("Due date" → "duedate"). */
const HEADERS: Record<string, Field> = {
  title: 'title',
  description: 'description',
  status: 'status',
  priority: 'priority',
  assignee: 'assignee',
  assigneeemail: 'assignee',
  labels: 'labels',
  startdate: 'startDate',
  duedate: 'dueDate',
  estimate: 'estimate',
  estimatehours: 'estimate',
};

/** Where a use-case error's field (`body.dueDate`) lands in the file. */
const FIELD_OF_INPUT: Record<string, Field> = {
  title: 'title',
  description: 'description',
  status: 'status',
  priority: 'priority',
  assigneeId: 'assignee',
  labels: 'labels',
  startDate: 'startDate',
  dueDate: 'dueDate',
  estimateHours: 'estimate',
};

/**
 * Priorities as other trackers export them (Jira: Highest … Lowest), after
 * lower-casing; ours (urgent, high, medium, low, none) pass through as they are.
 */
const PRIORITY_ALIASES: ReadonlyMap<string, string> = new Map([
  ['highest', 'urgent'],
  ['lowest', 'low'],
  ['', 'none'],
]);

/**
 * A status cell as a state key of the target workflow: the key itself, or a
 * state's name in any case ("In progress" → `in_progress`), as Plane and Jira
 * exports write it. Anything else goes through unchanged for the use case to
 * refuse with the allowed keys.
 */
export function statusKeyOf(cell: string, workflow: readonly WorkflowState[]): string {
  if (workflow.some((state) => state.key === cell)) return cell;
  const wanted = cell.toLowerCase().replace(/\s+/g, ' ');
  const byName = workflow.find(
    (state) => state.name.toLowerCase() === wanted || state.key === wanted.replace(/[\s-]+/g, '_'),
  );
  return byName?.key ?? cell;
}

/**
 * Imports tasks from CSV. Rows are checked one by one; the valid ones are
 * created through the same use case as `POST /tasks` (numbering, workflow,
 * events, timeline), each behind a savepoint so a row the use case refuses
 * is reported instead of failing the rest. All of it is one transaction:
 * the caller's. Row numbers count CSV records with the header as row 1.
 */
export async function importTasks(
  csv: string,
  projectId: string | null,
  deps: TaskDeps,
): Promise<ImportResult> {
  const { header, records: rows } = readCsvFile(csv, IMPORT_MAX_ROWS);
  const columns = mapCsvHeader(header, HEADERS);
  if (!columns.has('title')) throw invalidCsv('The header row must have a "title" column.');
  if (projectId) await checkTargetProject(projectId, deps);
  const workflow = await loadWorkflow(deps.tx, deps.principal.tenantId, projectId);
  const { cell, columnName } = columns;

  const members = await activeMembersByEmail(
    deps.tx,
    rows.map((row) => cell(row, 'assignee')).filter(Boolean),
  );

  const failed: ImportResult['failed'] = [];
  let imported = 0;
  for (const [index, row] of rows.entries()) {
    const rowNumber = index + 2;
    if (row.every((value) => value.trim() === '')) continue; // a blank line is not a task
    const errors: RowError[] = [];
    const input = toInput(row, cell, projectId, members, workflow, (field, message) =>
      errors.push({ column: field ? columnName(field) : null, message }),
    );
    if (errors.length > 0 || !input) {
      failed.push({ row: rowNumber, errors });
      continue;
    }
    const written = await inRowSavepoint(deps.tx, () => createTask(input, deps));
    if (written.error)
      failed.push({ row: rowNumber, errors: rowErrorsOf(written.error, fieldOfPath, columnName) });
    else imported++;
  }
  return { imported, failed, ...ignoredColumnsOf(columns.ignored) };
}

/** A project every row would be refused for is refused once, for the whole file. */
async function checkTargetProject(projectId: string, deps: TaskDeps): Promise<void> {
  const { tx, principal } = deps;
  const project = await findProjectHeader(tx, principal.tenantId, projectId);
  if (!project || !(await canSeeProject(tx, principal, projectId)))
    throw new BusinessRuleError('project_not_found', 'There is no such project.', [
      { field: 'query.projectId', message: 'No such project.', code: 'project_not_found' },
    ]);
  if (project.archived)
    throw new BusinessRuleError('project_archived', `Project ${project.key} is archived; restore it first.`, [
      { field: 'query.projectId', message: 'The project is archived.', code: 'project_archived' },
    ]);
  if (!(await canWriteTasksIn(tx, principal, projectId)))
    throw new ForbiddenError(`You are a viewer in project ${project.key}; you cannot add tasks to it.`);
}

/** One row as the create use case's input, or undefined after reporting what is wrong. */
function toInput(
  row: readonly string[],
  cell: (row: readonly string[], field: Field) => string,
  projectId: string | null,
  members: ReadonlyMap<string, string>,
  workflow: readonly WorkflowState[],
  report: (field: Field | null, message: string) => void,
): CreateTaskInput | undefined {
  const email = cell(row, 'assignee');
  const assigneeId = email ? members.get(email.toLowerCase()) : null;
  if (assigneeId === undefined) report('assignee', `No active member has the email "${email}".`);
  const priorityText = cell(row, 'priority').toLowerCase();
  if (!PRIORITY_ALIASES.has(priorityText) && !(TASK_PRIORITIES as readonly string[]).includes(priorityText))
    report('priority', `"${cell(row, 'priority')}" is not a priority; use ${TASK_PRIORITIES.join(', ')}.`);
  const estimateText = cell(row, 'estimate');
  const estimate = estimateText ? Number(estimateText) : null;
  if (estimate !== null && !Number.isFinite(estimate))
    report('estimate', `"${estimateText}" is not a number of hours.`);
  const candidate: Record<string, unknown> = {
    title: cell(row, 'title'),
    description: cell(row, 'description'),
    priority: PRIORITY_ALIASES.get(priorityText) ?? priorityText,
    assigneeId: assigneeId ?? null,
    labels: cell(row, 'labels')
      .split(';')
      .map((label) => label.trim())
      .filter(Boolean),
    dueDate: cell(row, 'dueDate') || null,
    projectId,
  };
  const status = cell(row, 'status');
  if (status) candidate.status = statusKeyOf(status, workflow);
  candidate.startDate = cell(row, 'startDate') || null;
  if (estimate !== null && Number.isFinite(estimate)) candidate.estimateHours = estimate;
  const parsed = CreateTaskBody.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'priority') continue; // reported above, in words
      const field = FIELD_OF_INPUT[String(issue.path[0])];
      report(field ?? null, field ? issue.message : `${issue.path.join('.')}: ${issue.message}`);
    }
  return parsed.success ? parsed.data : undefined;
}

/** A use-case refusal as row errors, on the columns its field errors name. */
/** The import field an error path names (its first segment, the create body's field). */
const fieldOfPath = (path: readonly string[]): Field | undefined => FIELD_OF_INPUT[path[0] ?? ''];
