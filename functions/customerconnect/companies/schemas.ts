import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';

/**
 * The company as the API shows it, and what requests may send. Every
 * request string has a maximum length (the Spectral rules in .spectral.yaml
 * fail the build otherwise); names go through displayText, which refuses
 * direction controls and invisible characters.
 */
export const Company = z.object({
  id: z.uuid(),
  name: z.string(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Company = z.infer<typeof Company>;

export const CompanyParams = z.strictObject({ companyId: z.uuid() });

export const CreateCompanyBody = z.strictObject({
  name: displayText().min(1, 'Name the company.').max(200),
});
export type CreateCompanyInput = z.output<typeof CreateCompanyBody>;

export const ListCompaniesQuery = z.strictObject({
  ...paginationQuery,
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Only companies whose name contains this.' }),
});
export type ListCompaniesQuery = z.output<typeof ListCompaniesQuery>;
