import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';

export { DataExport } from '../domain/data-exports';

export const DataExportParams = z.strictObject({ exportId: z.uuid() });

export const ListDataExportsQuery = z.strictObject({ ...paginationQuery });
export type ListDataExportsQuery = z.output<typeof ListDataExportsQuery>;
