import { MemberDirectory } from '$lib/members.svelte';

/**
 * The tenant's people, for assignee pickers, @mentions and names in the
 * activity. Loaded once per tenant and shared by every Taskodex screen;
 * without platform:member:read the list stays empty and ids show as "Someone".
 */
class Directory extends MemberDirectory {
  get options() {
    return this.members
      .filter((member) => member.status === 'active')
      .map((member) => ({ value: member.userId, label: member.name }));
  }
}

export const directory = new Directory();
