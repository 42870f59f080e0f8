import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { parseCsv } from '@halooid/shared/http/csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_HEADER } from './export-tasks';

let platform: TestPlatform;
let member: Session;
let acme: Record<string, string>;

beforeAll(async () => {
  platform = await startTestPlatform();
  member = await platform.login('member@acme.example');
  acme = member.headers('acme');
});

afterAll(async () => {
  await platform?.stop();
});

describe('CSV export', () => {
  it('exports the filtered list with headers, RFC 4180 escaping and formula protection', async () => {
    const titles = [
      'Comma, inside',
      'Say "hello"',
      'Line breaks in the description',
      '=HYPERLINK("http://evil")',
      '@SUM(A1)',
      "Notes;=cmd|' /C calc'!A0",
      '\uFF1D1+1',
      '  +1',
    ];
    for (const title of titles) {
      const description = title.startsWith('Line breaks') ? 'Line one\nline two' : '';
      const created = await platform.request('POST', '/v1/taskodex/tasks', {
        headers: acme,
        body: {
          title,
          description,
          labels: ['export', 'csv'],
          assigneeId: member.userId,
          dueDate: '2026-12-24',
        },
      });
      expect(created.status, created.text).toBe(201);
    }

    const response = await platform.request('GET', '/v1/taskodex/tasks/export?label=export&sort=createdAt', {
      headers: { ...acme, accept: 'text/csv' },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="tasks-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    // A byte-order mark leads the bytes, so Excel reads UTF-8 (fetch's text() strips it, so read the bytes).
    const raw = await fetch(`${platform.url}/v1/taskodex/tasks/export?label=export`, { headers: acme });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.text).toContain('"Comma, inside"');
    expect(response.text).toContain('"Say ""hello"""');
    expect(response.text).toContain('"Line one\nline two"');
    expect(response.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    // Every cell is quoted (OWASP), the header too.
    expect(response.text.startsWith(`${EXPORT_HEADER.map((name) => `"${name}"`).join(',')}\r\n`)).toBe(true);
    const [header, ...rows] = parseCsv(response.text);
    expect(header).toEqual([...EXPORT_HEADER]);
    expect(rows.map((row) => row[1])).toEqual([
      'Comma, inside',
      'Say "hello"',
      'Line breaks in the description',
      `'=HYPERLINK("http://evil")`,
      `'@SUM(A1)`,
      `'Notes;=cmd|' /C calc'!A0`,
      `'\uFF1D1+1`,
      // The title was trimmed on the way in; its `+` now leads.
      `'+1`,
    ]);
    expect(rows[2]?.[2]).toBe('Line one\nline two');
    for (const row of rows) {
      expect(row[0]).toMatch(/^TASK-\d+$/);
      expect(row[5]).toBe('member@acme.example');
      expect(row[6]).toBe('export;csv');
      expect(row[8]).toBe('2026-12-24');
    }
  });

  it('rejects a filter the list would reject', async () => {
    const response = await platform.request('GET', '/v1/taskodex/tasks/export?priority=critical', {
      headers: { ...acme, accept: 'text/csv' },
    });
    expect(response.status).toBe(400);
  });
});

describe('CSV import', () => {
  it('refuses a row of 450,000 columns with a short 400, importing nothing', async () => {
    const csv = `title,description\r\nWide one,${','.repeat(450_000)}\r\n`;

    const response = await platform.request('POST', '/v1/taskodex/tasks/import', {
      headers: { ...acme, 'content-type': 'text/csv' },
      rawBody: csv,
    });

    expect(response.status).toBe(400);
    expect(response.text.length).toBeLessThan(2000);
    expect(response.body.detail).toBe('Row 2 has more than 100 columns; import at most 100.');
    expect(response.body.errors).toEqual([
      { field: 'body', message: expect.any(String), code: 'too_many_columns' },
    ]);
    const { rows } = await platform.db.query(
      `select count(*)::int as n from taskodex.tasks where title = 'Wide one'`,
    );
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('refuses a header of 101 columns; with 100 it counts the ignored ones and lists only the first 20', async () => {
    const extras = (count: number) =>
      Array.from({ length: count }, (_, index) => `extra ${index} ${'x'.repeat(200)}`);
    const tooWide = await platform.request('POST', '/v1/taskodex/tasks/import', {
      headers: { ...acme, 'content-type': 'text/csv' },
      rawBody: `${['title', ...extras(100)].join(',')}\r\nToo wide\r\n`,
    });

    const response = await platform.request('POST', '/v1/taskodex/tasks/import', {
      headers: { ...acme, 'content-type': 'text/csv' },
      rawBody: `${['title', ...extras(99)].join(',')}\r\nJust wide enough\r\n`,
    });

    expect(tooWide.status).toBe(400);
    expect(tooWide.body.detail).toBe('Row 1 has more than 100 columns; import at most 100.');
    expect(response.status, response.text).toBe(200);
    expect(response.body.imported).toBe(1);
    expect(response.body.ignoredColumnCount).toBe(99);
    expect(response.body.ignoredColumns).toHaveLength(20);
    expect(response.body.ignoredColumns[0]).toBe(`extra 0 ${'x'.repeat(91)}…`);
  });

  it('imports an export back with the same titles: the quote put before a formula is dropped', async () => {
    const titles = ['=1+1 round trip', 'Notes;=cmd round trip', "'quoted by hand round trip"];
    for (const title of titles) {
      const created = await platform.request('POST', '/v1/taskodex/tasks', {
        headers: acme,
        body: { title, labels: ['round-trip'] },
      });
      expect(created.status, created.text).toBe(201);
    }
    const exported = await platform.request('GET', '/v1/taskodex/tasks/export?label=round-trip', {
      headers: { ...acme, accept: 'text/csv' },
    });
    const [header, ...rows] = parseCsv(exported.text);
    const titleOnly = [['title'], ...rows.map((row) => [row[header?.indexOf('title') ?? -1] ?? ''])];
    const csv = titleOnly
      .map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(','))
      .join('\r\n');

    const response = await platform.request('POST', '/v1/taskodex/tasks/import', {
      headers: { ...acme, 'content-type': 'text/csv' },
      rawBody: csv,
    });

    expect(response.status, response.text).toBe(200);
    expect(response.body.imported).toBe(3);
    const { rows: stored } = await platform.db.query(
      `select title from taskodex.tasks where title like '%round trip' order by title`,
    );
    expect(stored.map((row) => row.title).sort()).toEqual([...titles, ...titles].sort());
  });

  it('imports 1,000 rows with 3 bad ones: 997 created, the 3 reported with row numbers and reasons', async () => {
    const lines = ['Title,Description,Status,Priority,Assignee,Labels,Due date,Estimate,Identifier'];
    for (let index = 0; index < 1000; index++) {
      const row = [
        `Imported ${index}`,
        `"Line, with comma ${index}"`,
        'todo',
        'medium',
        'member@acme.example',
        'import;batch',
        '2026-12-31',
        '1.5',
        'X-1',
      ];
      if (index === 9) row[0] = ''; // row 11: no title
      if (index === 499) row[3] = 'critical'; // row 501: unknown priority
      if (index === 997) row[6] = '2026-02-30'; // row 999: no such date
      lines.push(row.join(','));
    }
    const started = performance.now();

    const response = await platform.request('POST', '/v1/taskodex/tasks/import', {
      headers: { ...acme, 'content-type': 'text/csv' },
      rawBody: `${lines.join('\r\n')}\r\n`,
    });

    const seconds = (performance.now() - started) / 1000;
    console.info(`CSV import of 1,000 rows took ${seconds.toFixed(2)} s`);
    expect(response.status).toBe(200);
    expect(response.body.imported).toBe(997);
    expect(response.body.ignoredColumns).toEqual(['Identifier']);
    expect(response.body.ignoredColumnCount).toBe(1);
    expect(response.body.failed).toEqual([
      { row: 11, errors: [{ column: 'Title', message: expect.any(String) }] },
      { row: 501, errors: [{ column: 'Priority', message: expect.any(String) }] },
      { row: 999, errors: [{ column: 'Due date', message: expect.any(String) }] },
    ]);
    const { rows } = await platform.db.query(
      `select count(*)::int as n, count(distinct sequence)::int as numbers,
              bool_and(assignee_id = $1 and estimate_hours = 1.5 and labels = '{import,batch}' and description like 'Line, with comma %') as complete
         from taskodex.tasks where title like 'Imported %'`,
      [member.userId],
    );
    expect(rows[0]).toEqual({ n: 997, numbers: 997, complete: true });
    // ~8 s on embedded PGlite alone; CI runs it beside other suites on 2 cores, so not the default 30 s.
  }, 120_000);

  it('reports what the create use case refuses (a status outside the workflow, an unknown assignee) per row', async () => {
    const csv = [
      'title,status,assignee email',
      'Fine,backlog,',
      'Bad status,shipped,',
      'Bad person,todo,nobody@nowhere.example',
    ].join('\n');

    const response = await platform.request('POST', '/v1/taskodex/tasks/import', {
      headers: acme,
      body: { csv },
    });

    expect(response.status).toBe(200);
    expect(response.body.imported).toBe(1);
    expect(response.body.failed).toEqual([
      { row: 3, errors: [{ column: 'status', message: expect.any(String) }] },
      {
        row: 4,
        errors: [{ column: 'assignee email', message: expect.stringContaining('nobody@nowhere.example') }],
      },
    ]);
  });

  it('reads state names and Jira priorities as other trackers export them, and names the allowed priorities', async () => {
    const csv = [
      'Summary,Title,Status,Priority',
      'x,Named state,In Progress,Highest',
      'x,Lower case,to do,Lowest',
      'x,Odd priority,Done,Blocker',
    ].join('\n');

    const response = await platform.request('POST', '/v1/taskodex/tasks/import', {
      headers: acme,
      body: { csv },
    });

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ imported: 2, ignoredColumns: ['Summary'] });
    expect(response.body.failed).toEqual([
      {
        row: 4,
        errors: [
          {
            column: 'Priority',
            message: '"Blocker" is not a priority; use urgent, high, medium, low, none.',
          },
        ],
      },
    ]);
    const { rows } = await platform.db.query(
      `select title, status, priority from taskodex.tasks where title in ('Named state', 'Lower case') order by title`,
    );
    expect(rows).toEqual([
      { title: 'Lower case', status: 'todo', priority: 'low' },
      { title: 'Named state', status: 'in_progress', priority: 'urgent' },
    ]);
  });

  it('imports into a project, numbered in it and checked against its workflow; an unknown project is a 422', async () => {
    const project = await platform.request('POST', '/v1/taskodex/projects', {
      headers: acme,
      body: {
        key: 'IMP',
        name: 'Imported work',
        states: [
          { key: 'open', name: 'Open', colour: '#888888', group: 'unstarted' },
          { key: 'shipped', name: 'Shipped', colour: '#22aa22', group: 'completed' },
        ],
      },
    });
    expect(project.status).toBe(201);
    const csv = 'title,status\nFirst,open\nSecond,shipped\nThird,todo\n';

    const response = await platform.request(
      'POST',
      `/v1/taskodex/tasks/import?projectId=${project.body.id}`,
      {
        headers: { ...acme, 'content-type': 'text/csv' },
        rawBody: csv,
      },
    );
    const unknown = await platform.request(
      'POST',
      '/v1/taskodex/tasks/import?projectId=0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      { headers: { ...acme, 'content-type': 'text/csv' }, rawBody: csv },
    );

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      imported: 2,
      failed: [{ row: 4, errors: [{ column: 'status' }] }],
    });
    const { rows } = await platform.db.query(
      'select title, sequence, status_group, completed_at is not null as completed from taskodex.tasks where project_id = $1 order by sequence',
      [project.body.id],
    );
    expect(rows).toEqual([
      { title: 'First', sequence: 1, status_group: 'unstarted', completed: false },
      { title: 'Second', sequence: 2, status_group: 'completed', completed: true },
    ]);
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('query.projectId');
  });

  it('refuses a file without a title column or an unterminated quote as a whole (400), importing nothing', async () => {
    const noTitle = await platform.request('POST', '/v1/taskodex/tasks/import', {
      headers: { ...acme, 'content-type': 'text/csv' },
      rawBody: 'name,status\nNope,todo\n',
    });
    const broken = await platform.request('POST', '/v1/taskodex/tasks/import', {
      headers: { ...acme, 'content-type': 'text/csv' },
      rawBody: 'title\n"never closed\n',
    });
    const otherText = await platform.request('POST', '/v1/taskodex/tasks', {
      headers: { ...acme, 'content-type': 'text/csv' },
      rawBody: 'title\nNot here\n',
    });

    expect([noTitle.status, broken.status, otherText.status]).toEqual([400, 400, 415]);
    const { rows } = await platform.db.query(
      `select 1 from taskodex.tasks where title in ('Nope', 'never closed')`,
    );
    expect(rows).toHaveLength(0);
  });
});
