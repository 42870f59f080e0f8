import type { Tx } from '@halooid/shared/db/transaction';
import type { RecordObject } from '../domain/records';
import type { SearchHit } from './schemas';

/**
 * How a search hit shows: its title and subtitle per object, read AS the
 * caller (RLS and the visibility rule apply) from the candidates that
 * customerconnect.search_candidates (migrations 0003_search.sql and
 * 0004_search_phases.sql) matched through the full-text and trigram indexes.
 */
interface HitSpec {
  table: string;
  title: string;
  subtitle: string;
}

export const HIT_SPECS: Readonly<Record<RecordObject, HitSpec>> = {
  company: {
    table: 'customerconnect.companies',
    title: 'r.name',
    subtitle: 'coalesce(r.domain, r.industry)',
  },
  contact: {
    table: 'customerconnect.contacts',
    title: `btrim(coalesce(r.first_name, '') || ' ' || r.last_name)`,
    subtitle: 'coalesce(r.primary_email, r.title)',
  },
  lead: {
    table: 'customerconnect.leads',
    title: `btrim(coalesce(r.first_name, '') || ' ' || r.last_name)`,
    subtitle: `concat_ws(' · ', coalesce(r.company_name, r.email), r.status)`,
  },
  opportunity: {
    table: 'customerconnect.opportunities',
    title: 'r.name',
    subtitle: `concat_ws(' · ', case when r.amount is not null then r.amount::text || ' ' || r.currency end, r.status)`,
  },
};

export interface SearchTerms {
  /** The text lower-cased, bound. */
  low: string;
  /** `low%` with LIKE wildcards escaped, bound. */
  prefix: string;
  /** The prefix tsquery text, bound (may be null). */
  tsquery: string;
  /** The objects to search, bound as text[]. */
  objects: string;
  /** Candidates per object, bound. */
  cap: string;
}

/** One object's hits: its candidates the caller may see, with title and subtitle. */
export function hitBranch(object: RecordObject, visible: string, tenant: string): string {
  const spec = HIT_SPECS[object];
  return `select '${object}'::text as type, r.id, ${spec.title} as title, ${spec.subtitle} as subtitle, c.score
       from candidates c
       join ${spec.table} r on r.tenant_id = ${tenant} and r.id = c.record_id
      where c.record_type = '${object}' and ${visible}`;
}

/** The candidates (one call of the index phase), joined per object, merged: best score first, then type and id. */
export async function runSearch(
  tx: Tx,
  values: unknown[],
  terms: SearchTerms,
  branches: readonly string[],
  limit: string,
): Promise<SearchHit[]> {
  const { rows } = await tx.query<SearchHit>(
    `with candidates as materialized (
       select record_type, record_id, score
         from customerconnect.search_candidates(${terms.low}, ${terms.prefix}, ${terms.tsquery}, ${terms.objects}::text[], ${terms.cap})
     )
     select type, id, title, subtitle, score from (${branches.join('\n union all\n')}) as hits
      order by score desc, type, id
      limit ${limit}`,
    values,
  );
  return rows;
}
