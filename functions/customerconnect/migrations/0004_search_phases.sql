-- CRM search in two phases, so it stays fast at a million contacts.
--
-- 0003 matched every object with one OR of trigram similarity (`%`, `<%`),
-- LIKE and full text. With realistic names the trigram index then hands back
-- every row sharing common trigrams (every "Gar…"/"…ton" surname, every
-- Daniel), and each was rechecked and scored before the per-object limit:
-- about a second at 100k contacts.
--
-- Phase 1, always: precise, index-selective matches. The full-text prefix AND
-- of every word (`'daniel':* & 'garton':*`) against the very to_tsvector
-- expressions the GIN indexes of 0001 hold, which covers a name or word
-- starting with the text and, an email being one lexeme of the 'simple'
-- parser, an email starting with it (an exact email too); a lead's exact
-- email and a company's exact domain through their btree indexes. Only when the parser would cut a one-word text into pieces
-- (`ada+crm`, `bo@acme.ex`, or a text without any word) do a name or email
-- starting with it (LIKE 'x%', 3 characters or more, through the trigram
-- index) and an exact name join in. The matches are pre-ranked cheaply
-- (exact, starts with the text, shorter name first) and only the best
-- max(2 × p_cap, 100) of each object are scored, so a common first name
-- matching thousands stays bounded.
--
-- Phase 2, only when phase 1 found nothing in any object: typo tolerance by
-- trigram word similarity (`<%`, 0.6: the text resembles some run of words
-- of the name or email), at most p_cap per object. Plain similarity (`%`) is
-- left out: its index pre-check passes every record sharing half the text's
-- trigrams (all 50,000 Daniels of 1M contacts for "daniel gartn": 3.2 s,
-- against 0.3 s without it), and word similarity finds what it would. Phase
-- 2 still reads the posting lists of every trigram of the text, so it is kept
-- for the searches that need it.
--
-- Scores are as in 0003: exact name or email +1, starts with the text +0.5,
-- best trigram (word) similarity 0–1, plus the full-text rank.
--
-- Function-level settings hold only inside it: the threshold, and no
-- sequential scan (pg_trgm's estimates for `<%` are poor, and a scan of a
-- tenant's table is exactly what the index phase exists to avoid).
-- Unchanged from 0003: owner halooid_crm_search, current tenant only, live
-- records only, (record type, id, score) out.
create or replace function customerconnect.search_candidates(
  p_low text, p_prefix text, p_tsquery text, p_objects text[], p_cap integer
)
  returns table (record_type text, record_id uuid, score double precision)
  language plpgsql stable security definer
  set search_path = pg_catalog, pg_temp
  set pg_trgm.word_similarity_threshold = 0.6
  set enable_seqscan = off
  set jit = off
  as $$
  declare
    tenant uuid := platform.current_tenant_id();
    -- Phase 1 scores at most this many pre-ranked matches per object.
    pool integer := greatest(p_cap * 2, 100);
    -- The full-text query does not cover a one-word text the parser cuts into pieces.
    -- A text without a letter or digit has no trigram: it would read the whole index.
    wordy boolean := p_low ~ '[[:alnum:]]';
    split_text boolean := wordy and char_length(p_low) >= 3 and (p_tsquery is null
      or (p_low !~ '\s' and numnode(to_tsquery('simple', p_tsquery)) > 1));
    -- %1$s table, %2$s extra filter, %3$s match, %4$s exact, %5$s starts with,
    -- %6$s pre-rank length, %7$s similarities, %8$s full-text rank, %9$s columns.
    precise constant text := $b$
      select r.id, round(((case when r.exact then 1 else 0 end)
                + (case when r.prefixed then 0.5 else 0 end)
                + greatest(%7$s)
                + %8$s)::numeric, 4)::float8 as score
        from (select %9$s, %4$s as exact, %5$s as prefixed
                from %1$s r
               where r.tenant_id = $6 %2$s and (%3$s)
               order by exact desc, prefixed desc, %6$s, r.id
               limit $7) r
       order by score desc, r.id
       limit $5$b$;
    -- %1$s table, %2$s extra filter, %3$s trigram match, %4$s exact,
    -- %5$s starts with, %6$s similarities, %7$s full-text rank.
    fuzzy constant text := $b$
      select r.id, round(((case when %4$s then 1 else 0 end)
                + (case when %5$s then 0.5 else 0 end)
                + greatest(%6$s)
                + %7$s)::numeric, 4)::float8 as score
        from %1$s r
       where r.tenant_id = $6 %2$s and (%3$s)
       order by score desc, r.id
       limit $5$b$;
    phase integer;
    hits integer;
    total integer := 0;
    object text;
    tbl text;
    cols text;
    extra text;
    matches text[];
    likes text[];
    exact text;
    prefixed text;
    len text;
    sims text;
    doc text;
    fts_rank text;
    trgm text;
    contact_name constant text := $e$lower(coalesce(r.first_name, '') || ' ' || r.last_name)$e$;
    contact_email constant text := $e$lower(coalesce(r.primary_email, ''))$e$;
    lead_name constant text :=
      $e$lower(coalesce(r.first_name, '') || ' ' || r.last_name || ' ' || coalesce(r.company_name, ''))$e$;
  begin
    if tenant is null or p_cap is null or p_cap < 1 then
      return;
    end if;
    for phase in 1..2 loop
      foreach object in array array['company', 'contact', 'lead', 'opportunity'] loop
        continue when not object = any(p_objects);
        -- Each expression is written exactly as its index in 0001.
        case object
        when 'company' then
          tbl := 'customerconnect.companies';
          cols := 'r.id, r.name, r.domain';
          extra := 'and r.merged_into is null';
          exact := '(lower(r.name) = $1 or r.domain = $1)';
          prefixed := 'lower(r.name) like $2';
          len := 'char_length(r.name)';
          sims := 'public.similarity(lower(r.name), $1), public.word_similarity($1, lower(r.name))';
          doc := $e$to_tsvector('simple', r.name || ' ' || coalesce(r.domain, ''))$e$;
          matches := array['r.domain = $1'];
          likes := array['lower(r.name) = $1', 'lower(r.name) like $2'];
          trgm := '$1 operator(public.<%) lower(r.name)';
        when 'contact' then
          tbl := 'customerconnect.contacts';
          cols := 'r.id, r.first_name, r.last_name, r.primary_email, r.title';
          extra := 'and r.merged_into is null';
          exact := format('(btrim(%s) = $1 or %s = $1)', contact_name, contact_email);
          prefixed := format('(%s like $2 or %s like $2)', contact_name, contact_email);
          len := format('char_length(%s)', contact_name);
          sims := format('public.similarity(%1$s, $1), public.word_similarity($1, %1$s), '
            'public.similarity(%2$s, $1), public.word_similarity($1, %2$s)', contact_name, contact_email);
          doc := $e$to_tsvector('simple', coalesce(r.first_name, '') || ' ' || r.last_name || ' ' || coalesce(r.primary_email, '') || ' ' || coalesce(r.title, ''))$e$;
          matches := '{}';
          likes := array[format('%s = $1', contact_email), format('%s like $2', contact_name),
            format('%s like $2', contact_email)];
          trgm := format('$1 operator(public.<%%) %s or $1 operator(public.<%%) %s', contact_name, contact_email);
        when 'lead' then
          tbl := 'customerconnect.leads';
          cols := 'r.id, r.first_name, r.last_name, r.email, r.company_name';
          extra := '';
          exact := $e$(lower(btrim(coalesce(r.first_name, '') || ' ' || r.last_name)) = $1 or lower(r.email) = $1)$e$;
          prefixed := format('%s like $2', lead_name);
          len := format('char_length(%s)', lead_name);
          sims := format('public.similarity(%1$s, $1), public.word_similarity($1, %1$s)', lead_name);
          doc := $e$to_tsvector('simple', coalesce(r.first_name, '') || ' ' || r.last_name || ' ' || coalesce(r.email, '') || ' ' || coalesce(r.company_name, ''))$e$;
          matches := array['(r.email is not null and lower(r.email) = $1)'];
          likes := array[format('%s like $2', lead_name)];
          trgm := format('$1 operator(public.<%%) %s', lead_name);
        else
          tbl := 'customerconnect.opportunities';
          cols := 'r.id, r.name';
          extra := '';
          exact := 'lower(r.name) = $1';
          prefixed := 'lower(r.name) like $2';
          len := 'char_length(r.name)';
          sims := 'public.similarity(lower(r.name), $1), public.word_similarity($1, lower(r.name))';
          doc := $e$to_tsvector('simple', r.name)$e$;
          matches := '{}';
          likes := array['lower(r.name) = $1', 'lower(r.name) like $2'];
          trgm := '$1 operator(public.<%) lower(r.name)';
        end case;
        if p_tsquery is not null then
          matches := matches || format($e$%s @@ to_tsquery('simple', $3)$e$, doc);
          fts_rank := format($e$ts_rank(%s, to_tsquery('simple', $3))$e$, doc);
        else
          fts_rank := '0';
        end if;
        if split_text then
          matches := matches || likes;
        end if;
        if phase = 1 then
          continue when cardinality(matches) = 0;
          return query execute format('select %L::text, m.id, m.score from (%s) m', object,
              format(precise, tbl, extra, array_to_string(matches, ' or '), exact, prefixed, len, sims,
                fts_rank, cols))
            using p_low, p_prefix, p_tsquery, p_objects, p_cap, tenant, pool;
          get diagnostics hits = row_count;
          total := total + hits;
        else
          return query execute format('select %L::text, m.id, m.score from (%s) m', object,
              format(fuzzy, tbl, extra, trgm, exact, prefixed, sims, fts_rank))
            using p_low, p_prefix, p_tsquery, p_objects, p_cap, tenant;
        end if;
      end loop;
      -- Typo tolerance only when nothing matched precisely.
      exit when total > 0 or not wordy;
    end loop;
  end
  $$;
