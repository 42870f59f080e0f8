-- CRM search: the index phase runs outside row-level security's barrier.
--
-- Under RLS Postgres evaluates the policy before any non-LEAKPROOF condition
-- of the query, so neither pg_trgm's operators (`%`, `<%`, LIKE on a trigram
-- index) nor full-text `@@` may become index conditions: as halooid_app a
-- search reads every row of the tenant (seconds at 200k contacts, measured).
-- Marking them LEAKPROOF needs a superuser (Aurora has none), and no role
-- here bypasses RLS.
--
-- So one function, customerconnect.search_candidates, owned by
-- halooid_crm_search (no login, no BYPASSRLS, owns nothing else), matches
-- names, emails and words through the GIN indexes of 0001, always within
-- platform.current_tenant_id() (set by the kernel, never an argument), and
-- returns only (record type, id, score) of live records: at most `p_cap` per
-- object, best first. Its role reads those tables through a policy of its
-- own (the halooid_directory pattern of the platform). The API then joins
-- the candidates back to the tables AS halooid_app, where RLS and the
-- visibility rule (domain/visibility.ts) apply as to every other read.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'halooid_crm_search') then
    create role halooid_crm_search nologin nobypassrls;
  end if;
end
$$;
grant halooid_crm_search to current_user;
grant usage on schema customerconnect to halooid_crm_search;
grant usage on schema platform to halooid_crm_search;
grant usage on schema public to halooid_crm_search;
grant select (tenant_id, id, name, domain, merged_into) on customerconnect.companies to halooid_crm_search;
grant select (tenant_id, id, first_name, last_name, primary_email, title, merged_into)
  on customerconnect.contacts to halooid_crm_search;
grant select (tenant_id, id, first_name, last_name, email, company_name) on customerconnect.leads to halooid_crm_search;
grant select (tenant_id, id, name) on customerconnect.opportunities to halooid_crm_search;
-- The function itself filters by the current tenant; the policy only lets its
-- conditions reach the indexes (a policy qual of `true` is no barrier).
create policy crm_search on customerconnect.companies for select to halooid_crm_search using (true);
create policy crm_search on customerconnect.contacts for select to halooid_crm_search using (true);
create policy crm_search on customerconnect.leads for select to halooid_crm_search using (true);
create policy crm_search on customerconnect.opportunities for select to halooid_crm_search using (true);

-- Each expression is written exactly as its index in 0001, so the GIN
-- indexes answer `%`, `<%`, LIKE 'x%' and `@@`, combined by a bitmap OR.
-- Score: exact name or email +1, a name or email starting with the text
-- +0.5, trigram (word) similarity 0–1, plus the full-text rank.
create function customerconnect.search_candidates(
  p_low text, p_prefix text, p_tsquery text, p_objects text[], p_cap integer
)
  returns table (record_type text, record_id uuid, score double precision)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
  as $$
  declare
    tenant uuid := platform.current_tenant_id();
    fts text := case when p_tsquery is null then '' else ' or %2$s @@ to_tsquery(''simple'', $3)' end;
    branch text := $b$
      (select %1$L::text, r.id,
              round(((case when %4$s then 1 else 0 end)
                + (case when %5$s then 0.5 else 0 end)
                + greatest(%6$s)
                + %7$s)::numeric, 4)::float8 as score
         from %3$s r
        where r.tenant_id = $6 %8$s
          and (%9$s %10$s)
        order by score desc, r.id
        limit $5)$b$;
    parts text[] := '{}';
    contact_name constant text := $e$lower(coalesce(r.first_name, '') || ' ' || r.last_name)$e$;
    contact_email constant text := $e$lower(coalesce(r.primary_email, ''))$e$;
    lead_name constant text :=
      $e$lower(coalesce(r.first_name, '') || ' ' || r.last_name || ' ' || coalesce(r.company_name, ''))$e$;
  begin
    if tenant is null then
      return;
    end if;
    if 'company' = any(p_objects) then
      parts := parts || format(branch, 'company', null, 'customerconnect.companies',
        $e$(lower(r.name) = $1 or r.domain = $1)$e$,
        $e$lower(r.name) like $2$e$,
        $e$public.similarity(lower(r.name), $1), public.word_similarity($1, lower(r.name))$e$,
        case when p_tsquery is null then '0' else
          $e$ts_rank(to_tsvector('simple', r.name || ' ' || coalesce(r.domain, '')), to_tsquery('simple', $3))$e$ end,
        'and r.merged_into is null',
        $e$lower(r.name) operator(public.%) $1 or $1 operator(public.<%) lower(r.name) or lower(r.name) like $2$e$,
        format(fts, null, $e$to_tsvector('simple', r.name || ' ' || coalesce(r.domain, ''))$e$));
    end if;
    if 'contact' = any(p_objects) then
      parts := parts || format(branch, 'contact', null, 'customerconnect.contacts',
        format('(btrim(%s) = $1 or %s = $1)', contact_name, contact_email),
        format('(%s like $2 or %s like $2)', contact_name, contact_email),
        format('public.similarity(%1$s, $1), public.word_similarity($1, %1$s), public.similarity(%2$s, $1), public.word_similarity($1, %2$s)',
          contact_name, contact_email),
        case when p_tsquery is null then '0' else
          $e$ts_rank(to_tsvector('simple', coalesce(r.first_name, '') || ' ' || r.last_name || ' ' || coalesce(r.primary_email, '') || ' ' || coalesce(r.title, '')), to_tsquery('simple', $3))$e$ end,
        'and r.merged_into is null',
        format('%1$s operator(public.%%) $1 or $1 operator(public.<%%) %1$s or %1$s like $2 or %2$s operator(public.%%) $1 or $1 operator(public.<%%) %2$s or %2$s like $2',
          contact_name, contact_email),
        format(fts, null, $e$to_tsvector('simple', coalesce(r.first_name, '') || ' ' || r.last_name || ' ' || coalesce(r.primary_email, '') || ' ' || coalesce(r.title, ''))$e$));
    end if;
    if 'lead' = any(p_objects) then
      parts := parts || format(branch, 'lead', null, 'customerconnect.leads',
        $e$(lower(btrim(coalesce(r.first_name, '') || ' ' || r.last_name)) = $1 or lower(r.email) = $1)$e$,
        format('%s like $2', lead_name),
        format('public.similarity(%1$s, $1), public.word_similarity($1, %1$s)', lead_name),
        case when p_tsquery is null then '0' else
          $e$ts_rank(to_tsvector('simple', coalesce(r.first_name, '') || ' ' || r.last_name || ' ' || coalesce(r.email, '') || ' ' || coalesce(r.company_name, '')), to_tsquery('simple', $3))$e$ end,
        '',
        format('%1$s operator(public.%%) $1 or $1 operator(public.<%%) %1$s or %1$s like $2 or (r.email is not null and lower(r.email) = $1)',
          lead_name),
        format(fts, null, $e$to_tsvector('simple', coalesce(r.first_name, '') || ' ' || r.last_name || ' ' || coalesce(r.email, '') || ' ' || coalesce(r.company_name, ''))$e$));
    end if;
    if 'opportunity' = any(p_objects) then
      parts := parts || format(branch, 'opportunity', null, 'customerconnect.opportunities',
        'lower(r.name) = $1',
        'lower(r.name) like $2',
        $e$public.similarity(lower(r.name), $1), public.word_similarity($1, lower(r.name))$e$,
        case when p_tsquery is null then '0' else $e$ts_rank(to_tsvector('simple', r.name), to_tsquery('simple', $3))$e$ end,
        '',
        $e$lower(r.name) operator(public.%) $1 or $1 operator(public.<%) lower(r.name) or lower(r.name) like $2$e$,
        format(fts, null, $e$to_tsvector('simple', r.name)$e$));
    end if;
    if cardinality(parts) = 0 then
      return;
    end if;
    return query execute array_to_string(parts, ' union all ')
      using p_low, p_prefix, p_tsquery, p_objects, p_cap, tenant;
  end
  $$;
-- A new owner needs CREATE on the schema only for the change itself.
grant create on schema customerconnect to halooid_crm_search;
alter function customerconnect.search_candidates(text, text, text, text[], integer) owner to halooid_crm_search;
revoke create on schema customerconnect from halooid_crm_search;
revoke all on function customerconnect.search_candidates(text, text, text, text[], integer) from public;
grant execute on function customerconnect.search_candidates(text, text, text, text[], integer) to halooid_app;
