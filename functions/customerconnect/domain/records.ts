import * as z from 'zod';

/**
 * The four CRM objects. Activities link to any of them, the timeline and
 * search span them, custom fields and visibility are set per object. Each maps
 * to its table in the `customerconnect` schema.
 */
export const RECORD_OBJECTS = ['company', 'contact', 'lead', 'opportunity'] as const;
export type RecordObject = (typeof RECORD_OBJECTS)[number];
export const RecordObjectSchema = z.enum(RECORD_OBJECTS);

export const RECORD_TABLES: Readonly<Record<RecordObject, string>> = {
  company: 'customerconnect.companies',
  contact: 'customerconnect.contacts',
  lead: 'customerconnect.leads',
  opportunity: 'customerconnect.opportunities',
};

/** Companies and contacts can be merged: the loser stays as a tombstone (`merged_into`). */
export const MERGEABLE_OBJECTS = ['company', 'contact'] as const satisfies readonly RecordObject[];
