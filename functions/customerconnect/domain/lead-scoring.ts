import type { Tx } from '@halooid/shared/db/transaction';

/**
 * Lead scoring: a lead's score is the sum of the points of the tenant's
 * rules that match it.
 *   - field rules (`kind = 'field'`): the lead's `field` equals `value`
 *     (case-insensitive; for `tags` and multi-select custom fields: contains
 *     it), or, with `value` null, the field is set. Fields are the lead's API
 *     names (SCORABLE_FIELDS) or `custom.<key>`;
 *   - activity rules (`kind = 'activity'`): points × the number of
 *     activities of `activity_type` linked to the lead.
 *
 * The score is derived, never written by hand: it is recomputed in SQL (one
 * set-based statement, no JS loop per lead) when a lead is created or
 * changed, when an activity is linked to it, and for every lead of the tenant
 * when the rules change. Recomputing does not bump the lead's version (the
 * score is not something a client edits, so it must not make their PATCH
 * stale).
 */
export const SCORABLE_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'emailDomain',
  'phone',
  'companyName',
  'title',
  'website',
  'source',
  'status',
  'territory',
  'tags',
] as const;

/** `custom.<key>` as the rule's field names a custom field (keys as custom-fields.ts allows them). */
export const CUSTOM_FIELD_PATTERN = /^custom\.([a-z][a-zA-Z0-9_]{0,39})$/;

// The lead's text value of a standard field rule (null when unset).
const STANDARD_VALUE = `case r.field
    when 'firstName' then l.first_name
    when 'lastName' then l.last_name
    when 'email' then l.email
    when 'emailDomain' then nullif(split_part(l.email, '@', 2), '')
    when 'phone' then l.phone
    when 'companyName' then l.company_name
    when 'title' then l.title
    when 'website' then l.website
    when 'source' then l.source
    when 'status' then l.status
    when 'territory' then l.territory
  end`;

const CUSTOM_JSON = `(l.custom -> substr(r.field, 8))`;

const FIELD_MATCH = `coalesce(case
    when r.field = 'tags' then
      (r.value is null and cardinality(l.tags) > 0)
      or exists (select 1 from unnest(l.tags) as t(tag) where lower(t.tag) = lower(r.value))
    when r.field like 'custom.%' then
      (r.value is null and ${CUSTOM_JSON} is not null and ${CUSTOM_JSON} <> 'null'::jsonb)
      or (jsonb_typeof(${CUSTOM_JSON}) = 'array' and ${CUSTOM_JSON} @> jsonb_build_array(r.value))
      or (jsonb_typeof(${CUSTOM_JSON}) = 'object' and ${CUSTOM_JSON} ->> 'amount' = r.value)
      or (jsonb_typeof(${CUSTOM_JSON}) in ('string', 'number', 'boolean')
          and lower(l.custom ->> substr(r.field, 8)) = lower(r.value))
    else
      (r.value is null and nullif(${STANDARD_VALUE}, '') is not null)
      or lower(${STANDARD_VALUE}) = lower(r.value)
  end, false)`;

/** The score of the lead `l` as a SQL expression (correlated subqueries over the rules and its activities). */
const SCORE = `(
    coalesce((select sum(r.points) from customerconnect.lead_scoring_rules r
               where r.tenant_id = l.tenant_id and r.kind = 'field' and ${FIELD_MATCH}), 0)
  + coalesce((select sum(r.points * counted.n) from customerconnect.lead_scoring_rules r
               join (select a.type, count(*) as n
                       from customerconnect.activity_links al
                       join customerconnect.activities a on a.tenant_id = al.tenant_id and a.id = al.activity_id
                      where al.tenant_id = l.tenant_id and al.record_type = 'lead' and al.record_id = l.id
                      group by a.type) counted on counted.type = r.activity_type
              where r.tenant_id = l.tenant_id and r.kind = 'activity'), 0)
  )`;

/**
 * Recomputes the scores of the tenant's leads (or of one lead) in one
 * statement; returns how many scores changed. Rows whose score is already
 * right are not written.
 */
export async function recomputeLeadScores(tx: Tx, tenantId: string, leadId?: string): Promise<number> {
  const { rowCount } = await tx.query(
    `with scored as (
       select l.id, greatest(-2147483648, least(2147483647, ${SCORE}))::integer as score
         from customerconnect.leads l
        where l.tenant_id = $1 and ($2::uuid is null or l.id = $2::uuid)
     )
     update customerconnect.leads l set score = scored.score
       from scored
      where l.tenant_id = $1 and l.id = scored.id and l.score <> scored.score`,
    [tenantId, leadId ?? null],
  );
  return rowCount ?? 0;
}

/**
 * Recomputes one lead's score. The activities capability calls this after
 * linking an activity to (or unlinking it from) a lead, in the same
 * transaction.
 */
export async function recomputeLeadScore(tx: Tx, tenantId: string, leadId: string): Promise<void> {
  await recomputeLeadScores(tx, tenantId, leadId);
}
