/**
 * CustomerConnect's sections: the tabs of its frame and the entries in the
 * command palette. A section shows only with the permission that makes it
 * useful (its first API call would be a 403 otherwise).
 *
 * Deals has two views under one tab: the pipeline board (`board/`) and the
 * table of deals (`opportunities/`); `DealsViewSwitch` toggles between them.
 */
export type SectionId = 'companies' | 'contacts' | 'leads' | 'deals' | 'forecast' | 'settings';

export interface Section {
  id: SectionId;
  label: string;
  href: string;
  /** Further path prefixes that belong to this tab (the deals table under Deals). */
  also?: string[];
  /** The palette's wording. */
  command: string;
  keywords: string;
}

export function customerconnectSections(base: string, can: (permission: string) => boolean): Section[] {
  const sections: (Section & { visible: boolean })[] = [
    {
      id: 'companies',
      label: 'Companies',
      href: `${base}/companies`,
      command: 'Companies',
      keywords: 'crm accounts organizations customers',
      visible: can('customerconnect:company:read'),
    },
    {
      id: 'contacts',
      label: 'Contacts',
      href: `${base}/contacts`,
      command: 'Contacts',
      keywords: 'crm people customers email phone',
      visible: can('customerconnect:contact:read'),
    },
    {
      id: 'leads',
      label: 'Leads',
      href: `${base}/leads`,
      command: 'Leads',
      keywords: 'crm prospects inbound score',
      visible: can('customerconnect:lead:read'),
    },
    {
      id: 'deals',
      label: 'Deals',
      href: `${base}/board`,
      also: [`${base}/opportunities`],
      command: 'Deals pipeline',
      keywords: 'crm opportunities pipeline board stages',
      visible: can('customerconnect:opportunity:read'),
    },
    {
      id: 'forecast',
      label: 'Forecast',
      href: `${base}/forecast`,
      command: 'Sales forecast',
      keywords: 'crm revenue weighted quarter',
      visible: can('customerconnect:opportunity:read'),
    },
    {
      id: 'settings',
      label: 'Settings',
      href: `${base}/settings`,
      command: 'CRM settings',
      keywords: 'crm custom fields pipelines stages teams visibility',
      visible: can('customerconnect:settings:read'),
    },
  ];
  return sections.filter((section) => section.visible).map(({ visible: _, ...section }) => section);
}

/** The section a path belongs to (undefined on the landing page). */
export function currentSection(sections: Section[], pathname: string): SectionId | undefined {
  const within = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  return sections.find((section) => within(section.href) || (section.also ?? []).some(within))?.id;
}
