-- Users are global identities (one row per Cognito user). Reading stays
-- limited to yourself and the members of the current tenant; creating a row
-- is allowed (an invitation creates the invitee before they are a member;
-- the id is the Cognito sub, never chosen by a client); changing one is
-- limited to yourself.
drop policy tenant_isolation on platform.users;

create policy users_read on platform.users for select
  using (
    id = platform.current_user_id()
    or exists (
      select 1 from platform.memberships m
      where m.user_id = users.id and m.tenant_id = platform.current_tenant_id()
    )
  );
create policy users_create on platform.users for insert with check (true);
create policy users_update on platform.users for update
  using (id = platform.current_user_id())
  with check (id = platform.current_user_id());
