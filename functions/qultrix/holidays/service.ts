import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  CalendarParams,
  ChangeCalendarBody,
  CopyHolidaysBody,
  CopyHolidaysResult,
  CreateCalendarBody,
  Holiday,
  HolidayCalendar,
  HolidayCalendarList,
  HolidayList,
  HolidayParams,
  ListHolidaysQuery,
  SetHolidayBody,
} from './schemas';

/**
 * Holiday calendars (Germany – Berlin, US federal…) and their holidays, one
 * per date. A location names its calendar; time off counts working days
 * without them (domain/holidays.ts). Guarded by the organization
 * permissions (declared in organization/service.ts).
 */
const calendars = '/v1/qultrix/holiday-calendars';
const holidays = `${calendars}/{calendarId}/holidays`;

export const holidaysService = defineService({
  product: 'qultrix',
  capability: 'holidays',
  description: 'Holiday calendars and their holidays.',
  resources: { database: true },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listHolidayCalendars',
      method: 'GET',
      path: calendars,
      permission: 'qultrix:org:read',
      summary: 'List holiday calendars',
      description: 'Every calendar by name, with how many locations use it.',
      response: HolidayCalendarList,
    }),
    defineRoute({
      operationId: 'createHolidayCalendar',
      method: 'POST',
      path: calendars,
      permission: 'qultrix:org:write',
      summary: 'Create a holiday calendar',
      description: 'A name another calendar has (in any case) is a 409 naming it.',
      body: CreateCalendarBody,
      status: 201,
      response: HolidayCalendar,
    }),
    defineRoute({
      operationId: 'getHolidayCalendar',
      method: 'GET',
      path: `${calendars}/{calendarId}`,
      permission: 'qultrix:org:read',
      summary: 'Get a holiday calendar',
      params: CalendarParams,
      response: HolidayCalendar,
    }),
    defineRoute({
      operationId: 'updateHolidayCalendar',
      method: 'PATCH',
      path: `${calendars}/{calendarId}`,
      permission: 'qultrix:org:write',
      summary: 'Rename a holiday calendar',
      description: 'Optimistic concurrency: `version` or `If-Match`; a stale one gets 409.',
      params: CalendarParams,
      body: ChangeCalendarBody,
      headers: IF_MATCH_HEADER,
      response: HolidayCalendar,
    }),
    defineRoute({
      operationId: 'deleteHolidayCalendar',
      method: 'DELETE',
      path: `${calendars}/{calendarId}`,
      permission: 'qultrix:org:write',
      summary: 'Delete a holiday calendar',
      description:
        'Deletes its holidays too. Refused (409 `holiday_calendar_in_use`) while a location uses it.',
      params: CalendarParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'listHolidays',
      method: 'GET',
      path: holidays,
      permission: 'qultrix:org:read',
      summary: 'List the holidays of a calendar',
      description: 'Oldest first; `year` keeps one year.',
      params: CalendarParams,
      query: ListHolidaysQuery,
      response: HolidayList,
    }),
    defineRoute({
      operationId: 'setHoliday',
      method: 'PUT',
      path: `${holidays}/{date}`,
      permission: 'qultrix:org:write',
      summary: 'Set the holiday of a date',
      description: 'Creates (201) or replaces (200) the holiday on that date; repeating it changes nothing.',
      params: HolidayParams,
      body: SetHolidayBody,
      response: Holiday,
    }),
    defineRoute({
      operationId: 'deleteHoliday',
      method: 'DELETE',
      path: `${holidays}/{date}`,
      permission: 'qultrix:org:write',
      summary: 'Remove the holiday of a date',
      params: HolidayParams,
      status: 204,
    }),
    defineRoute({
      operationId: 'copyHolidays',
      method: 'POST',
      path: `${holidays}/copy`,
      permission: 'qultrix:org:write',
      summary: "Copy a year's holidays to another year",
      description:
        'Each holiday of `fromYear` is added on the same day of `toYear`; days the target already has, and 29 February into a common year, are skipped and listed. Movable holidays (Easter) then need their new dates.',
      params: CalendarParams,
      body: CopyHolidaysBody,
      response: CopyHolidaysResult,
    }),
  ],
});
