import type { paths } from '$lib/api';

/** Response and body types of the Taskodex API, taken from the generated client types. */
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;

export type Task = Json<paths['/v1/taskodex/tasks/{taskId}']['get']['responses']['200']>;
/** A created or changed task as the write answers it: `warnings` when the assignee is away on the due date. */
export type TaskResult = Json<paths['/v1/taskodex/tasks/{taskId}']['patch']['responses']['200']>;
export type TaskWarning = NonNullable<TaskResult['warnings']>[number];
export type Absence = Json<paths['/v1/taskodex/absences']['get']['responses']['200']>['items'][number];
export type TaskPage = Json<paths['/v1/taskodex/tasks']['get']['responses']['200']>;
export type TaskQuery = NonNullable<paths['/v1/taskodex/tasks']['get']['parameters']['query']>;
export type CreateTaskBody = NonNullable<
  paths['/v1/taskodex/tasks']['post']['requestBody']
>['content']['application/json'];
export type UpdateTaskBody = NonNullable<
  paths['/v1/taskodex/tasks/{taskId}']['patch']['requestBody']
>['content']['application/json'];
export type Project = Json<paths['/v1/taskodex/projects/{projectId}']['get']['responses']['200']>;
export type WorkflowState = Json<
  paths['/v1/taskodex/projects/{projectId}/workflow']['get']['responses']['200']
>['states'][number];
export type Activity = Json<
  paths['/v1/taskodex/tasks/{taskId}/activity']['get']['responses']['200']
>['items'][number];
export type Comment = Json<
  paths['/v1/taskodex/tasks/{taskId}/comments']['get']['responses']['200']
>['items'][number];
export type Relation = Json<
  paths['/v1/taskodex/tasks/{taskId}/relations']['get']['responses']['200']
>['items'][number];
export type RelationType = Relation['type'];
export type SavedView = Json<paths['/v1/taskodex/views/{viewId}']['get']['responses']['200']>;
export type TimeEntry = Json<paths['/v1/taskodex/time-entries/{timeEntryId}']['get']['responses']['200']>;
export type Timesheet = Json<paths['/v1/taskodex/timesheets']['get']['responses']['200']>;
export type TimeReport = Json<paths['/v1/taskodex/reports/time']['get']['responses']['200']>;
export type TenantMember = Json<
  paths['/v1/tenants/current/members']['get']['responses']['200']
>['items'][number];

export type Priority = Task['priority'];
export type StateGroup = Task['statusGroup'];
