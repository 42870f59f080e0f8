import { describe, expect, it } from 'vitest';
import { qultrixSections } from './sections';

const ids = (permissions: string[]) =>
  qultrixSections('/t/acme/qultrix', (permission) => permissions.includes(permission)).map(
    (section) => section.id,
  );

describe('Qultrix sections', () => {
  it('shows HR everything', () => {
    expect(
      ids([
        'qultrix:employee:read',
        'qultrix:org:read',
        'qultrix:org:write',
        'qultrix:time-off:request',
        'qultrix:time-off:approve',
        'qultrix:time-off:admin',
      ]),
    ).toEqual(['people', 'org-chart', 'time-off', 'approvals', 'calendar', 'settings']);
  });

  it('shows a viewer the directory and the org chart only', () => {
    expect(ids(['qultrix:employee:read', 'qultrix:org:read'])).toEqual(['people', 'org-chart']);
  });

  it('links every section under the base path', () => {
    const sections = qultrixSections('/t/acme/qultrix', () => true);
    expect(sections.map((section) => section.href)).toEqual([
      '/t/acme/qultrix',
      '/t/acme/qultrix/org-chart',
      '/t/acme/qultrix/time-off',
      '/t/acme/qultrix/approvals',
      '/t/acme/qultrix/calendar',
      '/t/acme/qultrix/settings',
    ]);
  });
});
