import { describe, expect, it } from 'vitest';
import { currentSection, customerconnectSections } from './sections';

const base = '/t/acme/customerconnect';
const ids = (permissions: string[]) =>
  customerconnectSections(base, (permission) => permissions.includes(permission)).map(
    (section) => section.id,
  );

describe('CustomerConnect sections', () => {
  it('shows a sales rep every record section and the settings they may read', () => {
    expect(
      ids([
        'customerconnect:company:read',
        'customerconnect:contact:read',
        'customerconnect:lead:read',
        'customerconnect:opportunity:read',
        'customerconnect:settings:read',
      ]),
    ).toEqual(['companies', 'contacts', 'leads', 'deals', 'forecast', 'settings']);
  });

  it('shows a support agent companies and contacts only', () => {
    expect(ids(['customerconnect:company:read', 'customerconnect:contact:read'])).toEqual([
      'companies',
      'contacts',
    ]);
  });

  it('puts the deals table under the Deals tab', () => {
    const sections = customerconnectSections(base, () => true);
    expect(currentSection(sections, `${base}/opportunities`)).toBe('deals');
    expect(currentSection(sections, `${base}/opportunities/abc`)).toBe('deals');
    expect(currentSection(sections, `${base}/board`)).toBe('deals');
    expect(currentSection(sections, `${base}/companies/abc`)).toBe('companies');
    expect(currentSection(sections, `${base}/contactsx`)).toBeUndefined();
    expect(currentSection(sections, base)).toBeUndefined();
  });
});
