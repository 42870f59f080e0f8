/**
 * Qultrix's sections: the tabs of its frame and the entries in the command
 * palette. A section shows only with the permission that makes it useful
 * (its first API call would be a 403 otherwise).
 */
export interface Section {
  id: 'people' | 'org-chart' | 'time-off' | 'approvals' | 'calendar' | 'settings';
  label: string;
  href: string;
  /** The palette's wording. */
  command: string;
  keywords: string;
}

export function qultrixSections(base: string, can: (permission: string) => boolean): Section[] {
  const sections: (Section & { visible: boolean })[] = [
    {
      id: 'people',
      label: 'People',
      href: base,
      command: 'People directory',
      keywords: 'employees staff search hr',
      visible: can('qultrix:employee:read'),
    },
    {
      id: 'org-chart',
      label: 'Org chart',
      href: `${base}/org-chart`,
      command: 'Org chart',
      keywords: 'organization reports manager tree',
      visible: can('qultrix:org:read'),
    },
    {
      id: 'time-off',
      label: 'Time off',
      href: `${base}/time-off`,
      command: 'My time off',
      keywords: 'leave vacation holiday request balance',
      visible: can('qultrix:time-off:request'),
    },
    {
      id: 'approvals',
      label: 'Approvals',
      href: `${base}/approvals`,
      command: 'Time-off approvals',
      keywords: 'leave approve reject inbox',
      visible: can('qultrix:time-off:approve'),
    },
    {
      id: 'calendar',
      label: 'Team calendar',
      href: `${base}/calendar`,
      command: 'Team calendar',
      keywords: 'who is out absence leave month',
      visible: can('qultrix:time-off:request'),
    },
    {
      id: 'settings',
      label: 'HR settings',
      href: `${base}/settings`,
      command: 'HR settings',
      keywords: 'departments positions locations holidays leave types policies',
      visible: can('qultrix:org:write') || can('qultrix:time-off:admin'),
    },
  ];
  return sections.filter((section) => section.visible).map(({ visible: _, ...section }) => section);
}
