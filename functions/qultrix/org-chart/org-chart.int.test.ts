import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The suites start without Qultrix demo data, so Acme's chart and headcount
 * are exactly what these tests insert (Acme, not Globex: its pro tier's rate
 * limit leaves room for a suite's bursts). Employees go straight into
 * Postgres: the subject is the chart, not the employees API.
 */
let platform: TestPlatform;
let owner: Session;
let globexOwner: Session;
let acmeId: string;
let globexId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [owner, globexOwner] = await Promise.all([
    platform.login('owner@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  acmeId = owner.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
  globexId = globexOwner.tenants.find((tenant) => tenant.slug === 'globex')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

const get = (path: string, as: Session = owner, slug = 'acme') =>
  platform.request('GET', `/v1/qultrix${path}`, { headers: as.headers(slug) });
const post = async (path: string, body: unknown) => {
  const response = await platform.request('POST', `/v1/qultrix${path}`, {
    headers: owner.headers('acme'),
    body,
  });
  expect(response.status).toBe(201);
  return response.body.id as string;
};

interface Person {
  given?: string;
  preferred?: string;
  managerId?: string | null;
  departmentId?: string | null;
  positionId?: string | null;
  locationId?: string | null;
  type?: string;
  hireDate?: string;
  terminationDate?: string;
}

async function employee(person: Person = {}, tenantId = acmeId): Promise<string> {
  const id = randomUUID();
  await platform.db.query(
    `insert into qultrix.employees (tenant_id, id, given_name, family_name, preferred_name, status, employment_type,
                                    hire_date, termination_date, termination_reason, manager_id, department_id,
                                    position_id, location_id)
     values ($1, $2, $3, 'Acme', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      tenantId,
      id,
      person.given ?? `Person ${id.slice(0, 6)}`,
      person.preferred ?? null,
      person.terminationDate ? 'terminated' : 'active',
      person.type ?? 'full_time',
      person.hireDate ?? '2026-01-05',
      person.terminationDate ?? null,
      person.terminationDate ? 'Left' : null,
      person.managerId ?? null,
      person.departmentId ?? null,
      person.positionId ?? null,
      person.locationId ?? null,
    ],
  );
  return id;
}

interface Node {
  id: string;
  name: string;
  managerId: string | null;
  depth: number;
  directReportCount: number;
  positionTitle: string | null;
  departmentName: string | null;
}

describe('org chart', () => {
  const tree = { ceo: '', firstIc: '', level4: '', level5: '', terminated: '', orphan: '' };

  beforeAll(async () => {
    // 40 current employees: CEO, 4 VPs, 12 managers, 21 ICs, and a chain of two below the first IC.
    const departmentId = await post('/departments', { name: 'Executive' });
    const positionId = await post('/positions', { title: 'Chief Executive' });
    tree.ceo = await employee({ given: 'Cecilia', preferred: 'Cece', departmentId, positionId });
    const vps = await Promise.all([1, 2, 3, 4].map(() => employee({ managerId: tree.ceo })));
    const managers = (
      await Promise.all(vps.map((vp) => Promise.all([1, 2, 3].map(() => employee({ managerId: vp })))))
    ).flat();
    const ics = (
      await Promise.all(
        managers.map((manager, index) =>
          Promise.all(Array.from({ length: index < 9 ? 2 : 1 }, () => employee({ managerId: manager }))),
        ),
      )
    ).flat();
    tree.firstIc = ics[0] ?? '';
    tree.level4 = await employee({ managerId: tree.firstIc });
    tree.level5 = await employee({ managerId: tree.level4 });
    // Left out: a terminated report of the CEO; their own report becomes a top-level employee.
    tree.terminated = await employee({ managerId: tree.ceo, terminationDate: '2026-03-01' });
    tree.orphan = await employee({ managerId: tree.terminated });
  });

  it('returns 40 employees with correct depths in one request, each after its manager', async () => {
    const response = await get(`/org-chart?rootId=${tree.ceo}&depth=10`);

    expect(response.status).toBe(200);
    const items = response.body.items as Node[];
    expect(items).toHaveLength(40);
    const seen = new Map<string, Node>();
    for (const node of items) {
      if (node.id !== tree.ceo) expect(seen.get(node.managerId ?? '')?.depth).toBe(node.depth - 1);
      seen.set(node.id, node);
    }
    expect(seen.get(tree.ceo)).toMatchObject({
      depth: 0,
      name: 'Cece Acme',
      positionTitle: 'Chief Executive',
      departmentName: 'Executive',
      directReportCount: 4,
    });
    expect(seen.get(tree.level5)?.depth).toBe(5);
    expect(seen.has(tree.terminated)).toBe(false);
  });

  it('stops at the depth (default 3) and still counts direct reports beyond it', async () => {
    const byDefault = await get(`/org-chart?rootId=${tree.ceo}`);
    const rootOnly = await get(`/org-chart?rootId=${tree.ceo}&depth=0`);
    const subtree = await get(`/org-chart?rootId=${tree.firstIc}&depth=1`);

    const items = byDefault.body.items as Node[];
    expect(items).toHaveLength(38);
    expect(Math.max(...items.map((node) => node.depth))).toBe(3);
    expect(items.find((node) => node.id === tree.firstIc)?.directReportCount).toBe(1);
    expect(rootOnly.body.items).toHaveLength(1);
    expect(subtree.body.items.map((node: Node) => [node.id, node.depth])).toEqual([
      [tree.firstIc, 0],
      [tree.level4, 1],
    ]);
  });

  it('without rootId starts at every top-level employee, including one whose manager was terminated', async () => {
    const response = await get('/org-chart?depth=10');

    const roots = (response.body.items as Node[]).filter((node) => node.depth === 0).map((node) => node.id);
    expect(roots.sort()).toEqual([tree.ceo, tree.orphan].sort());
    expect(response.body.items).toHaveLength(41);
  });

  it('answers 404 for a terminated, unknown or other tenant root and 400 for a bad depth', async () => {
    const globexRoot = await employee({ given: 'Gus' }, globexId);
    const globexChart = await get('/org-chart', globexOwner, 'globex');
    const responses = await Promise.all([
      get(`/org-chart?rootId=${tree.terminated}`),
      get(`/org-chart?rootId=${randomUUID()}`),
      get(`/org-chart?rootId=${globexRoot}`),
      get('/org-chart?depth=11'),
      get('/org-chart?depth=-1'),
      get('/org-chart?rootId=nope'),
    ]);

    expect(globexChart.body.items.map((node: Node) => node.id)).toEqual([globexRoot]);
    expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 400, 400, 400]);
  });
});

describe('headcount', () => {
  const asOf = '2005-06-01';
  const ids = { a: '', b: '', x: '' };

  beforeAll(async () => {
    ids.a = await post('/departments', { name: 'Headcount A' });
    ids.b = await post('/departments', { name: 'Headcount B' });
    ids.x = await post('/locations', { name: 'Headcount X' });
    await Promise.all([
      employee({ hireDate: '2001-01-01', departmentId: ids.a, locationId: ids.x }),
      employee({ hireDate: '2002-01-01', departmentId: ids.a, locationId: ids.x, type: 'part_time' }),
      employee({ hireDate: '2005-06-01', departmentId: ids.a, type: 'part_time' }),
      employee({ hireDate: '2003-01-01', departmentId: ids.b, locationId: ids.x, type: 'contractor' }),
      // Their last day is asOf: still counted.
      employee({ hireDate: '2003-01-01', terminationDate: asOf }),
      // Terminated later: on the books on asOf.
      employee({
        hireDate: '2003-01-01',
        departmentId: ids.b,
        type: 'intern',
        terminationDate: '2007-01-01',
      }),
      // Not counted: hired after asOf, gone before it.
      employee({ hireDate: '2006-01-01', departmentId: ids.a }),
      employee({ hireDate: '2001-01-01', departmentId: ids.a, terminationDate: '2004-12-31' }),
    ]);
  });

  it('counts employees on the books on a day per department, location and type, with the total', async () => {
    const [department, location, type] = await Promise.all(
      ['department', 'location', 'type'].map((groupBy) => get(`/headcount?groupBy=${groupBy}&asOf=${asOf}`)),
    );

    expect(department?.status).toBe(200);
    expect(department?.body).toEqual({
      asOf,
      groupBy: 'department',
      total: 6,
      groups: [
        { key: ids.a, label: 'Headcount A', count: 3 },
        { key: ids.b, label: 'Headcount B', count: 2 },
        { key: null, label: null, count: 1 },
      ],
    });
    expect(location?.body.groups).toEqual([
      { key: ids.x, label: 'Headcount X', count: 3 },
      { key: null, label: null, count: 3 },
    ]);
    expect(type?.body.total).toBe(6);
    expect(type?.body.groups).toEqual(
      expect.arrayContaining([
        { key: 'full_time', label: 'full_time', count: 2 },
        { key: 'part_time', label: 'part_time', count: 2 },
        { key: 'contractor', label: 'contractor', count: 1 },
        { key: 'intern', label: 'intern', count: 1 },
      ]),
    );
  });

  it('defaults asOf to today and refuses a bad groupBy or date (400)', async () => {
    const today = await get('/headcount?groupBy=type');
    const bad = await Promise.all([
      get('/headcount'),
      get('/headcount?groupBy=salary'),
      get('/headcount?groupBy=type&asOf=2026-13-01'),
    ]);

    expect(today.status).toBe(200);
    expect(today.body.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(bad.map((response) => response.status)).toEqual([400, 400, 400]);
  });
});
