/**
 * AdminHub's sections: the tabs of its frame and the entries in the command
 * palette, in the order an administrator reaches for them. A section shows
 * only with the permission its first API call needs (a 403 otherwise), and
 * only once its screen exists (the route folders, as Invantray does).
 */
export type SectionId = 'users' | 'policies' | 'audit' | 'alerts' | 'organization' | 'usage';

export interface Section {
  id: SectionId;
  label: string;
  href: string;
  command: string;
  keywords: string;
}

const SPECS: (Omit<Section, 'href'> & { permission: string })[] = [
  {
    id: 'users',
    label: 'Users',
    command: 'Users and sessions',
    keywords: 'members directory disable sessions sign out bulk import csv invite',
    permission: 'adminhub:user:read',
  },
  {
    id: 'policies',
    label: 'Security',
    command: 'Security policies',
    keywords: 'password mfa two-step sessions ip allowlist domains',
    permission: 'adminhub:policy:read',
  },
  {
    id: 'audit',
    label: 'Audit log',
    command: 'Audit log',
    keywords: 'history who did what export csv',
    permission: 'adminhub:audit:read',
  },
  {
    id: 'alerts',
    label: 'Alerts',
    command: 'Security alerts',
    keywords: 'sign-in failures lockout suspicious',
    permission: 'adminhub:alert:read',
  },
  {
    id: 'organization',
    label: 'Organization',
    command: 'Organization profile and domains',
    keywords: 'profile logo locale time zone currency domains dns export',
    permission: 'adminhub:organization:read',
  },
  {
    id: 'usage',
    label: 'Usage',
    command: 'Usage and health',
    keywords: 'quota requests errors latency webhooks dead letters',
    permission: 'adminhub:usage:read',
  },
];

export function adminhubSections(
  base: string,
  can: (permission: string) => boolean,
  available: ReadonlySet<string>,
): Section[] {
  return SPECS.filter((spec) => available.has(spec.id) && can(spec.permission)).map(
    ({ permission: _, ...spec }) => ({ ...spec, href: `${base}/${spec.id}` }),
  );
}

/** The section a path belongs to (undefined on the home page). */
export function currentSection(sections: readonly Section[], pathname: string): SectionId | undefined {
  return sections.find((section) => pathname === section.href || pathname.startsWith(`${section.href}/`))?.id;
}
