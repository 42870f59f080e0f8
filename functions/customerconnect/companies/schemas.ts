import { paginationQuery } from '@halooid/shared/db/pagination';
import { VersionField } from '@halooid/shared/http/versioning';
import { UUID_SOURCE } from '@halooid/shared/ids';
import * as z from 'zod';
import { Company, CompanySize, companyFields } from '../domain/company';
import { CustomFilterQuery } from '../domain/custom-fields';
import { importBodySchema, recordImportResultSchema } from '../domain/record-import';

/**
 * What the companies routes accept. The company itself (and its writable
 * fields) lives in domain/company.ts, shared with import and lead conversion.
 * Every request string has a maximum length (Spectral); names go through
 * displayText (no direction controls or invisible characters).
 */
export { Company };

export const CompanyParams = z.strictObject({ companyId: z.uuid() });

export const CreateCompanyBody = z.strictObject({
  ...companyFields,
  force: z.boolean().optional().meta({
    description:
      'Create even when a company with the same domain exists (otherwise a 409 `duplicate_company`).',
  }),
});
export type CreateCompanyInput = z.output<typeof CreateCompanyBody>;

const { name, ...optionalFields } = companyFields;
export const UpdateCompanyBody = z
  .strictObject({
    // First: the security sweep grows a minimal body in property order, and a PATCH needs its version.
    version: VersionField,
    name: name.optional(),
    ...optionalFields,
    force: z.boolean().optional().meta({
      description:
        'Keep a new domain even when another company has it (otherwise a 409 `duplicate_company`).',
    }),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'version' && key !== 'force'), {
    message: 'Change at least one field.',
  })
  .meta({
    description:
      'Only the fields sent change; `null` clears one. `custom` merges key by key (a `null` value removes that key). `tags` replaces the list.',
  });
export type UpdateCompanyInput = z.output<typeof UpdateCompanyBody>;

export const CompanyFilters = {
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Companies whose name or domain contains this (case-insensitive).' }),
  // One string schema (not a union): OpenAPI then types it, which the id rules need.
  ownerId: z
    .string()
    .max(36)
    .regex(new RegExp(`^(me|${UUID_SOURCE})$`), 'A user id or `me`.')
    .optional()
    .meta({ description: 'Companies this user owns; `me` for your own.' }),
  industry: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ description: 'Industry equal to this (case-insensitive).' }),
  size: CompanySize.optional(),
  tag: z.string().trim().min(1).max(50).optional().meta({ description: 'Companies carrying this tag.' }),
  custom: CustomFilterQuery,
  sort: z.string().max(200).optional().meta({
    description:
      'Comma-separated fields, `-` for descending: name, createdAt, updatedAt, or `custom.<key>` of a custom field. Default `-createdAt`.',
  }),
};

export const ListCompaniesQuery = z.strictObject({ ...paginationQuery, ...CompanyFilters });
export type ListCompaniesQuery = z.output<typeof ListCompaniesQuery>;

export const ExportCompaniesQuery = z.strictObject(CompanyFilters);
export type ExportCompaniesQuery = z.output<typeof ExportCompaniesQuery>;

export const MergeCompanyBody = z.strictObject({
  mergeId: z.uuid().meta({
    description: 'The company merged INTO this one; it becomes a tombstone that answers with this company.',
  }),
});
export type MergeCompanyInput = z.output<typeof MergeCompanyBody>;

export const ImportCompaniesBody = importBodySchema(
  'CSV with a header row. Columns (any order; case, spaces and punctuation ignored; or map yours with ' +
    '`mapping`): `name` (required; also `company name`), `domain` (or `company domain name`), `industry`, `size` ' +
    '(a bucket such as 11-50, or a head count), `phone`, `website`, `owner` (a user’s email), `tags` ' +
    '(`;`-separated), `street`, `street extra`, `city`, `region` (or `state`), `postal code` (or `zip`), ' +
    '`country` (ISO code such as DE), and custom fields as `custom.<key>` or by their label. Other columns (such ' +
    'as the export’s id) are ignored and counted. At most 100 columns and 5,000 rows.',
);

export const ImportCompaniesResult = recordImportResultSchema('company');
