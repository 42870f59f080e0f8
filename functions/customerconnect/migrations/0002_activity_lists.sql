-- Activity lists read newest first by when things happened (occurred_at, a
-- task's due time), and "my open tasks" by assignee: keyset pages walk these
-- indexes instead of sorting every activity of the tenant.
create index activities_occurred_idx on customerconnect.activities (tenant_id, occurred_at desc, id desc);
create index activities_assignee_idx on customerconnect.activities (tenant_id, assignee_id, done, occurred_at desc, id desc)
  where assignee_id is not null;
