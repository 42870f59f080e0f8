import { calendarDate } from '@halooid/shared/calendar';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';

/** Holiday calendars and their holidays as the API shows them and what requests may send. */

const name = displayText().min(1).max(100);
const Year = z.number().int().min(1900).max(9998);

export const CalendarParams = z.strictObject({ calendarId: z.uuid() });
export const HolidayParams = z.strictObject({
  calendarId: z.uuid(),
  date: calendarDate().meta({ description: 'The holiday, YYYY-MM-DD.' }),
});

export const CreateCalendarBody = z.strictObject({ name });
/** A PATCH sends `version` (or If-Match) and the new name. */
export const ChangeCalendarBody = z
  .strictObject({ version: VersionField, name: name.optional() })
  .refine((body) => body.name !== undefined, { message: 'Send the new name.', path: ['name'] });
export type ChangeCalendarInput = z.output<typeof ChangeCalendarBody>;

export const HolidayCalendar = z.object({
  id: z.uuid(),
  name: z.string(),
  locationCount: z.number().int().meta({ description: 'Locations that use this calendar.' }),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type HolidayCalendar = z.infer<typeof HolidayCalendar>;
export const HolidayCalendarList = z.object({ items: z.array(HolidayCalendar) });

export const ListHolidaysQuery = z.strictObject({
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(9998)
    .optional()
    .meta({ description: 'Only this year’s holidays (all when absent).' }),
});

export const SetHolidayBody = z.strictObject({
  name,
  halfDay: z.boolean().default(false).meta({ description: 'Only half the day is off (counts 0.5).' }),
});
export type SetHolidayInput = z.output<typeof SetHolidayBody>;

export const Holiday = z.object({
  date: z.iso.date(),
  name: z.string(),
  halfDay: z.boolean(),
});
export type Holiday = z.infer<typeof Holiday>;
export const HolidayList = z.object({ items: z.array(Holiday) });

export const CopyHolidaysBody = z.strictObject({ fromYear: Year, toYear: Year });
export type CopyHolidaysInput = z.output<typeof CopyHolidaysBody>;

export const CopyHolidaysResult = z.object({
  copied: z.number().int().meta({ description: 'Holidays added to the target year.' }),
  skipped: z
    .array(z.iso.date())
    .meta({ description: 'Source dates not copied: the target already has that day, or it is 29 February.' }),
});
