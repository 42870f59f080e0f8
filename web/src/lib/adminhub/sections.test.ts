import { describe, expect, it } from 'vitest';
import { adminhubSections, currentSection } from './sections';

describe('adminhubSections', () => {
  const all = new Set(['users', 'policies', 'audit', 'alerts', 'organization', 'usage']);

  it('shows an Admin every section whose screen exists', () => {
    const sections = adminhubSections('/t/acme/adminhub', () => true, all);
    expect(sections.map((section) => section.id)).toEqual([...all]);
    expect(sections[0]?.href).toBe('/t/acme/adminhub/users');
  });

  it('hides a section without its read permission or without its screen', () => {
    const sections = adminhubSections(
      '/t/acme/adminhub',
      (permission) => permission !== 'adminhub:alert:read',
      new Set(['users', 'alerts']),
    );
    expect(sections.map((section) => section.id)).toEqual(['users']);
  });

  it('finds the section of a nested path', () => {
    const sections = adminhubSections('/t/acme/adminhub', () => true, all);
    expect(currentSection(sections, '/t/acme/adminhub/users/123')).toBe('users');
    expect(currentSection(sections, '/t/acme/adminhub')).toBeUndefined();
  });
});
