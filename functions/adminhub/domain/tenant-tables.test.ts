import { describe, expect, it } from 'vitest';
import { deletionOrder } from './tenant-tables';

describe('the order a tenant is deleted in', () => {
  it('puts children before their parents, users after everything and the tenant row last', () => {
    const order = deletionOrder(
      [
        'platform.tenants',
        'platform.users',
        'platform.memberships',
        'taskodex.projects',
        'taskodex.tasks',
        'taskodex.comments',
      ],
      [
        { child: 'taskodex.tasks', parent: 'taskodex.projects' },
        { child: 'taskodex.comments', parent: 'taskodex.tasks' },
        { child: 'platform.memberships', parent: 'platform.tenants' },
      ],
    );

    expect(order.indexOf('taskodex.comments')).toBeLessThan(order.indexOf('taskodex.tasks'));
    expect(order.indexOf('taskodex.tasks')).toBeLessThan(order.indexOf('taskodex.projects'));
    expect(order.slice(-2)).toEqual(['platform.users', 'platform.tenants']);
    expect([...order].sort()).toEqual(
      [
        'platform.tenants',
        'platform.users',
        'platform.memberships',
        'taskodex.projects',
        'taskodex.tasks',
        'taskodex.comments',
      ].sort(),
    );
  });

  it('keeps tables in a cycle of keys, after the ones it could order, for the cycle pass', () => {
    const order = deletionOrder(
      ['qultrix.departments', 'qultrix.employees', 'qultrix.leave'],
      [
        { child: 'qultrix.employees', parent: 'qultrix.departments' },
        { child: 'qultrix.departments', parent: 'qultrix.employees' },
        { child: 'qultrix.leave', parent: 'qultrix.employees' },
      ],
    );

    expect(order[0]).toBe('qultrix.leave');
    expect(order.slice(1).sort()).toEqual(['qultrix.departments', 'qultrix.employees']);
  });
});
