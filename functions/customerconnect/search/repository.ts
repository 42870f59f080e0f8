import type { Tx } from '@halooid/shared/db/transaction';
import type { RecordObject } from '../domain/records';

import type { SearchHit } from './schemas';

/**
 * How each object is searched. Every trigram and full-text expression is
 * written EXACTLY as its index in migrations/0001_crm.sql (with the row
 * alias `r`), so Postgres answers the match from the GIN indexes (trigram
 * `%`, `<%` and LIKE 'x%' from the gin_trgm_ops ones, `@@` from the tsvector
 * ones) and a bitmap OR combines them: no scan of the tenant's rows.
 */
interface SearchSpec {
  table: string;
  title: string;
  subtitle: string;
  /** Indexed lower(...) trigram expressions: names, emails. */
  trigram: string[];
  /** The indexed to_tsvector('simple', ...) expression. */
  document: string;
  /** Exact match on the title (or an email): what ranks first. */
  exact: (low: string) => string;
  /** Other indexed matches (a lead's email by its btree index). */
  extra?: (low: string) => string;
  /** Live rows only: tombstones (merged-away records) are skipped. */
  live?: string;
}

const CONTACT_NAME = `lower(coalesce(r.first_name, '') || ' ' || r.last_name)`;
const CONTACT_EMAIL = `lower(coalesce(r.primary_email, ''))`;
const LEAD_NAME = `lower(coalesce(r.first_name, '') || ' ' || r.last_name || ' ' || coalesce(r.company_name, ''))`;

export const SEARCH_SPECS: Readonly<Record<RecordObject, SearchSpec>> = {
  company: {
    table: 'customerconnect.companies',
    title: 'r.name',
    subtitle: 'coalesce(r.domain, r.industry)',
    trigram: ['lower(r.name)'],
    document: `to_tsvector('simple', r.name || ' ' || coalesce(r.domain, ''))`,
    exact: (low) => `(lower(r.name) = ${low} or r.domain = ${low})`,
    live: 'r.merged_into is null',
  },
  contact: {
    table: 'customerconnect.contacts',
    title: `btrim(coalesce(r.first_name, '') || ' ' || r.last_name)`,
    subtitle: 'coalesce(r.primary_email, r.title)',
    trigram: [CONTACT_NAME, CONTACT_EMAIL],
    document: `to_tsvector('simple', coalesce(r.first_name, '') || ' ' || r.last_name || ' ' || coalesce(r.primary_email, '') || ' ' || coalesce(r.title, ''))`,
    exact: (low) => `(btrim(${CONTACT_NAME}) = ${low} or ${CONTACT_EMAIL} = ${low})`,
    live: 'r.merged_into is null',
  },
  lead: {
    table: 'customerconnect.leads',
    title: `btrim(coalesce(r.first_name, '') || ' ' || r.last_name)`,
    subtitle: `concat_ws(' · ', coalesce(r.company_name, r.email), r.status)`,
    trigram: [LEAD_NAME],
    document: `to_tsvector('simple', coalesce(r.first_name, '') || ' ' || r.last_name || ' ' || coalesce(r.email, '') || ' ' || coalesce(r.company_name, ''))`,
    exact: (low) =>
      `(lower(btrim(coalesce(r.first_name, '') || ' ' || r.last_name)) = ${low} or lower(r.email) = ${low})`,
    extra: (low) => `(r.email is not null and lower(r.email) = ${low})`,
  },
  opportunity: {
    table: 'customerconnect.opportunities',
    title: 'r.name',
    subtitle: `concat_ws(' · ', case when r.amount is not null then r.amount::text || ' ' || r.currency end, r.status)`,
    trigram: ['lower(r.name)'],
    document: `to_tsvector('simple', r.name)`,
    exact: (low) => `lower(r.name) = ${low}`,
  },
};

export interface SearchTerms {
  /** The text lower-cased, bound. */
  low: string;
  /** `low%` with LIKE wildcards escaped, bound. */
  prefix: string;
  /** The prefix tsquery text, bound; null when the text has no word. */
  tsquery: string | null;
}

/** One object's branch: its best `limit` matches the caller may see, with their score. */
export function searchBranch(
  object: RecordObject,
  terms: SearchTerms,
  visible: string,
  limit: string,
  tenant: string,
): string {
  const spec = SEARCH_SPECS[object];
  const query = terms.tsquery === null ? null : `to_tsquery('simple', ${terms.tsquery})`;
  const matches = [
    ...spec.trigram.flatMap((expr) => [
      `${expr} % ${terms.low}`,
      `${terms.low} <% ${expr}`,
      `${expr} like ${terms.prefix}`,
    ]),
    ...(query ? [`${spec.document} @@ ${query}`] : []),
    ...(spec.extra ? [spec.extra(terms.low)] : []),
  ];
  const similarity = spec.trigram.flatMap((expr) => [
    `similarity(${expr}, ${terms.low})`,
    `word_similarity(${terms.low}, ${expr})`,
  ]);
  const score = [
    `(case when ${spec.exact(terms.low)} then 1 else 0 end)`,
    `(case when ${spec.trigram.map((expr) => `${expr} like ${terms.prefix}`).join(' or ')} then 0.5 else 0 end)`,
    `greatest(${similarity.join(', ')})`,
    ...(query ? [`ts_rank(${spec.document}, ${query})`] : []),
  ].join(' + ');
  return `(select '${object}'::text as type, r.id, ${spec.title} as title, ${spec.subtitle} as subtitle,
            round((${score})::numeric, 4)::float8 as score
       from ${spec.table} r
      where r.tenant_id = ${tenant}${spec.live ? ` and ${spec.live}` : ''}
        and (${matches.join('\n          or ')})
        and ${visible}
      order by score desc, r.id
      limit ${limit})`;
}

/** The branches' hits merged: best score first, then by type and id so equal scores keep one order. */
export async function runSearch(
  tx: Tx,
  values: unknown[],
  branches: readonly string[],
  limit: string,
): Promise<SearchHit[]> {
  const { rows } = await tx.query<SearchHit>(
    `select type, id, title, subtitle, score from (${branches.join('\n union all\n')}) as hits
      order by score desc, type, id
      limit ${limit}`,
    values,
  );
  return rows;
}
