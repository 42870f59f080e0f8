import type { paths } from '$lib/api';

/** Response and body types of the Qultrix API, taken from the generated client types. */
type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Body<T> = T extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type Employee = Json<paths['/v1/qultrix/employees/{employeeId}']['get']['responses']['200']>;
export type EmployeeQuery = NonNullable<paths['/v1/qultrix/employees']['get']['parameters']['query']>;
export type CreateEmployeeBody = Body<paths['/v1/qultrix/employees']['post']>;
export type ChangeEmployeeBody = Body<paths['/v1/qultrix/employees/{employeeId}']['patch']>;
export type EmployeeStatus = Employee['status'];
export type EmploymentType = Employee['type'];

export type Department = Json<paths['/v1/qultrix/departments/{departmentId}']['get']['responses']['200']>;
export type Position = Json<paths['/v1/qultrix/positions/{positionId}']['get']['responses']['200']>;
export type Location = Json<paths['/v1/qultrix/locations/{locationId}']['get']['responses']['200']>;
export type HolidayCalendar = Json<
  paths['/v1/qultrix/holiday-calendars/{calendarId}']['get']['responses']['200']
>;
export type Holiday = Json<
  paths['/v1/qultrix/holiday-calendars/{calendarId}/holidays']['get']['responses']['200']
>['items'][number];
export type LeaveType = Json<paths['/v1/qultrix/leave-types/{leaveTypeId}']['get']['responses']['200']>;
export type LeavePolicy = Json<paths['/v1/qultrix/leave-policies/{policyId}']['get']['responses']['200']>;
export type Balances = Json<paths['/v1/qultrix/employees/{employeeId}/balances']['get']['responses']['200']>;
export type Balance = Balances['items'][number];
export type LeaveRequest = Json<
  paths['/v1/qultrix/time-off/requests/{requestId}']['get']['responses']['200']
>;
export type RequestQuery = NonNullable<paths['/v1/qultrix/time-off/requests']['get']['parameters']['query']>;
export type Preview = Json<paths['/v1/qultrix/time-off/preview']['get']['responses']['200']>;
export type CalendarEntry = Json<
  paths['/v1/qultrix/time-off/calendar']['get']['responses']['200']
>['entries'][number];
export type OrgChartNode = Json<paths['/v1/qultrix/org-chart']['get']['responses']['200']>['items'][number];
export type TimelineEntry = Json<
  paths['/v1/qultrix/employees/{employeeId}/timeline']['get']['responses']['200']
>['items'][number];
export type Compensation = Json<
  paths['/v1/qultrix/employees/{employeeId}/compensation']['get']['responses']['200']
>['items'][number];
