import { calendarDate } from '@halooid/shared/calendar';
import * as z from 'zod';

/** The org chart and headcount: directory-level fields only, never personal data. */

export const OrgChartQuery = z.strictObject({
  rootId: z.uuid().optional().meta({
    description:
      'Start at this employee; without it every top-level employee (no current manager) is a root.',
  }),
  depth: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(3)
    .meta({ description: 'Levels below the roots (0: the roots alone). Default 3, at most 10.' }),
});
export type OrgChartQuery = z.output<typeof OrgChartQuery>;

export const OrgChartNode = z.object({
  id: z.uuid(),
  employeeNumber: z.string(),
  name: z.string().meta({ description: 'Preferred (or given) name and family name.' }),
  positionTitle: z.string().nullable(),
  departmentName: z.string().nullable(),
  managerId: z.uuid().nullable(),
  depth: z.number().int().meta({ description: '0 for a root.' }),
  directReportCount: z.number().int().meta({
    description: 'Current direct reports, including those beyond the depth limit (expand with rootId).',
  }),
});
export type OrgChartNode = z.infer<typeof OrgChartNode>;

export const OrgChart = z.object({
  items: z.array(OrgChartNode).meta({
    description:
      'Depth first: every node comes right after its manager and before its manager’s next report; siblings by name.',
  }),
});

export const HeadcountQuery = z.strictObject({
  groupBy: z.enum(['department', 'location', 'type']),
  asOf: calendarDate()
    .optional()
    .meta({ description: 'The day counted (YYYY-MM-DD); today (UTC) by default.' }),
});
export type HeadcountQuery = z.output<typeof HeadcountQuery>;

export const HeadcountGroup = z.object({
  key: z.string().nullable().meta({
    description: 'The department or location id, or the employment type; null for employees without one.',
  }),
  label: z.string().nullable().meta({ description: 'The department or location name, or the type.' }),
  count: z.number().int(),
});

export const Headcount = z.object({
  asOf: z.iso.date(),
  groupBy: z.enum(['department', 'location', 'type']),
  total: z.number().int(),
  groups: z.array(HeadcountGroup),
});
export type Headcount = z.infer<typeof Headcount>;
