-- Where a project came from when another product asked for it: a won
-- CustomerConnect deal makes its delivery project (deal-projects). The
-- triple names the record in its product (no cross-schema foreign key:
-- products never reference each other's tables). One project per origin
-- record: the unique index makes the event handler's write idempotent even
-- across distinct events (a deal reopened and won again).
alter table taskodex.projects
  add column origin_product text check (origin_product ~ '^[a-z][a-z0-9-]{1,39}$'),
  add column origin_type text check (origin_type ~ '^[a-z][a-z0-9_]{1,39}$'),
  add column origin_id uuid,
  add constraint projects_origin_complete check (
    (origin_product is null) = (origin_type is null) and (origin_type is null) = (origin_id is null)
  );
create unique index projects_origin_idx on taskodex.projects (tenant_id, origin_product, origin_type, origin_id)
  where origin_id is not null;
