import { createHttpHandler } from '@halooid/shared/http/adapter';
import { etag, expectedVersion } from '@halooid/shared/http/versioning';
import {
  createCalendar,
  deleteCalendar,
  getCalendar,
  listCalendars,
  renameCalendarUseCase,
} from './calendars';
import { copyHolidays, deleteHoliday, listHolidays, setHoliday } from './holidays';
import { holidaysService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(holidaysService, {
  listHolidayCalendars: async ({ inTenant }) => ({ body: await inTenant((deps) => listCalendars(deps)) }),
  createHolidayCalendar: async ({ body, inTenant }) => {
    const calendar = await inTenant((deps) => createCalendar(body.name, deps));
    return {
      body: calendar,
      headers: { Location: `/v1/qultrix/holiday-calendars/${calendar.id}`, ...etag(calendar.version) },
    };
  },
  getHolidayCalendar: async ({ params, inTenant }) => {
    const calendar = await inTenant((deps) => getCalendar(params.calendarId, deps));
    return { body: calendar, headers: etag(calendar.version) };
  },
  updateHolidayCalendar: async ({ params, body, headers, inTenant }) => {
    const version = expectedVersion(body.version, headers['if-match']);
    // The schema's refinement has made sure a name came.
    const calendar = await inTenant((deps) =>
      renameCalendarUseCase(params.calendarId, version, body.name ?? '', deps),
    );
    return { body: calendar, headers: etag(calendar.version) };
  },
  deleteHolidayCalendar: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteCalendar(params.calendarId, deps));
    return { body: undefined };
  },
  listHolidays: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) => listHolidays(params.calendarId, query.year, deps)),
  }),
  setHoliday: async ({ params, body, inTenant }) => {
    const { holiday, created } = await inTenant((deps) =>
      setHoliday(params.calendarId, params.date, body, deps),
    );
    return { body: holiday, status: created ? 201 : 200 };
  },
  deleteHoliday: async ({ params, inTenant }) => {
    await inTenant((deps) => deleteHoliday(params.calendarId, params.date, deps));
    return { body: undefined };
  },
  copyHolidays: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => copyHolidays(params.calendarId, body, deps)),
  }),
});
