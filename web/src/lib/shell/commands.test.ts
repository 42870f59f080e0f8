import { describe, expect, it } from 'vitest';
import { commands, filterCommands, registerCommands } from './commands.svelte';
import { visibleProducts, visibleSettings } from './products';

const list = [
  { id: 'a', label: 'Settings: Members', group: 'Go to', keywords: 'admin' },
  { id: 'b', label: 'Taskodex', group: 'Go to', keywords: 'tasks projects' },
  { id: 'c', label: 'Sign out', group: 'Account', keywords: 'logout' },
];

describe('the command palette', () => {
  it('ranks label prefixes first, then substrings, keywords and subsequences', () => {
    expect(filterCommands(list, 'task').map((command) => command.id)).toEqual(['b']);
    expect(filterCommands(list, 'members')[0]?.id).toBe('a');
    expect(filterCommands(list, 'logout').map((command) => command.id)).toEqual(['c']);
    expect(filterCommands(list, 'stmb').map((command) => command.id)).toEqual(['a']);
    expect(filterCommands(list, '')).toHaveLength(3);
    expect(filterCommands(list, 'zzz')).toEqual([]);
  });

  it('holds what screens register until they unregister', () => {
    const before = commands.all.length;
    const unregister = registerCommands([{ id: 'x', label: 'Create task', group: 'Taskodex' }]);
    expect(commands.all.map((command) => command.id)).toContain('x');

    unregister();
    expect(commands.all).toHaveLength(before);
  });
});

describe('navigation by permission', () => {
  it('shows a product only with one of its permissions, and settings sections by their read permission', () => {
    const permissions = ['taskodex:task:read', 'platform:member:read', 'platform:api-key:read'];

    expect(visibleProducts(permissions).map((product) => product.id)).toEqual(['taskodex']);
    expect(visibleProducts([]).map((product) => product.id)).toEqual([]);
    expect(visibleSettings(permissions).map((section) => section.id)).toEqual(['members', 'api-keys']);
  });
});
