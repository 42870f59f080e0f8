import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ValidationError } from '../errors';
import {
  afterCursor,
  DEFAULT_LIMIT,
  decodeCursor,
  encodeCursor,
  orderBy,
  pageOf,
  paginationQuery,
  parseSort,
  type SortColumn,
  sortValuesSelect,
  toPage,
} from './pagination';

const ALLOWED: Record<string, SortColumn> = {
  createdAt: { sql: 'created_at', type: 'timestamptz' },
  title: { sql: 'lower(title)', type: 'text' },
  dueOn: { sql: "coalesce(due_on, 'infinity'::date)", type: 'date' },
  priority: { sql: 'priority', type: 'int' },
};

function validationErrorOf(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('Expected a ValidationError');
}

describe('parseSort', () => {
  it('uses the fallback when no sort is given, ending with id', () => {
    const terms = parseSort(undefined, ALLOWED, '-createdAt');

    expect(terms).toEqual([
      { field: 'createdAt', column: ALLOWED.createdAt, descending: true },
      { field: 'id', column: { sql: 'id', type: 'uuid' }, descending: true },
    ]);
  });

  it('uses the fallback for an empty sort string', () => {
    expect(parseSort('', ALLOWED, 'title').map((term) => term.field)).toEqual(['title', 'id']);
  });

  it('parses several fields, trimming spaces, with id following the last direction', () => {
    const terms = parseSort(' -priority , title ', ALLOWED, '-createdAt');

    expect(terms.map((term) => [term.field, term.descending])).toEqual([
      ['priority', true],
      ['title', false],
      ['id', false],
    ]);
  });

  it('ignores a repeated field', () => {
    const terms = parseSort('title,-title,createdAt', ALLOWED, 'title');

    expect(terms.map((term) => [term.field, term.descending])).toEqual([
      ['title', false],
      ['createdAt', false],
      ['id', false],
    ]);
  });

  it('uses a custom id column', () => {
    const idColumn: SortColumn = { sql: 't.id', type: 'uuid' };

    expect(parseSort('title', ALLOWED, 'title', idColumn).at(-1)?.column).toBe(idColumn);
  });

  it('rejects a field outside the allowlist with a 400 naming it', () => {
    const error = validationErrorOf(() => parseSort('title,-password', ALLOWED, 'title'));

    expect(error.status).toBe(400);
    expect(error.message).toContain('"password"');
    expect(error.errors).toEqual([
      {
        field: 'query.sort',
        message: 'Sort by one of: createdAt, title, dueOn, priority.',
        code: 'invalid_sort',
      },
    ]);
  });
});

describe('orderBy and sortValuesSelect', () => {
  it('renders the order and the text select list', () => {
    const terms = parseSort('-createdAt,title', ALLOWED, 'title');

    expect(orderBy(terms)).toBe('created_at desc, lower(title) asc, id asc');
    expect(sortValuesSelect(terms)).toBe(
      '(created_at)::text as "__sort0", (lower(title))::text as "__sort1", (id)::text as "__sort2"',
    );
  });
});

describe('encodeCursor and decodeCursor', () => {
  const terms = parseSort('-createdAt', ALLOWED, 'title');
  const row = {
    __sort0: '2025-01-02 03:04:05.678+00',
    __sort1: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    title: 'ignored',
  };

  it('round-trips the sort values', () => {
    const cursor = encodeCursor(terms, row);

    expect(decodeCursor(terms, cursor)).toEqual([
      '2025-01-02 03:04:05.678+00',
      '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    ]);
  });

  it('produces a URL-safe cursor', () => {
    expect(encodeCursor(terms, { __sort0: '???>>>~~~', __sort1: 'ÿÿÿ' })).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('rejects a cursor made for another sort', () => {
    const cursor = encodeCursor(parseSort('createdAt', ALLOWED, 'title'), row);

    const error = validationErrorOf(() => decodeCursor(terms, cursor));

    expect(error.errors).toEqual([
      { field: 'query.cursor', message: 'Invalid or expired cursor.', code: 'invalid_cursor' },
    ]);
  });

  it.each([
    ['garbage', 'not-a-cursor!!'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['wrong shape', Buffer.from(JSON.stringify({ s: '-createdAt,-id', v: [1, 2] })).toString('base64url')],
    [
      'wrong value count',
      Buffer.from(JSON.stringify({ s: '-createdAt,-id', v: ['a'] })).toString('base64url'),
    ],
    ['JSON null', Buffer.from('null').toString('base64url')],
  ])('rejects %s', (_, cursor) => {
    expect(validationErrorOf(() => decodeCursor(terms, cursor)).errors[0]?.code).toBe('invalid_cursor');
  });
});

describe('afterCursor', () => {
  it('expands a single ascending term', () => {
    const terms = parseSort(undefined, { priority: ALLOWED.priority as SortColumn }, 'priority');

    expect(afterCursor(terms, ['3', 'abc'], 1)).toEqual({
      sql: '((priority > $1::int) or (priority = $1::int and id > $2::uuid))',
      params: ['3', 'abc'],
    });
  });

  it('uses < for descending terms and numbers placeholders from firstIndex', () => {
    const terms = parseSort('-createdAt,title', ALLOWED, 'title');

    const { sql, params } = afterCursor(terms, ['2025-01-01', 'b', 'id-1'], 4);

    expect(sql).toBe(
      '((created_at < $4::timestamptz)' +
        ' or (created_at = $4::timestamptz and lower(title) > $5::text)' +
        ' or (created_at = $4::timestamptz and lower(title) = $5::text and id > $6::uuid))',
    );
    expect(params).toEqual(['2025-01-01', 'b', 'id-1']);
  });

  it('casts each placeholder to its column type', () => {
    const terms = parseSort('-dueOn', ALLOWED, 'title');

    expect(afterCursor(terms, ['2025-02-03', 'x'], 2).sql).toBe(
      "((coalesce(due_on, 'infinity'::date) < $2::date)" +
        " or (coalesce(due_on, 'infinity'::date) = $2::date and id < $3::uuid))",
    );
  });

  it('returns a copy of the values', () => {
    const values = ['1', 'a'];

    const { params } = afterCursor(parseSort('priority', ALLOWED, 'title'), values, 1);
    params.push('extra');

    expect(values).toEqual(['1', 'a']);
  });
});

describe('toPage', () => {
  const terms = parseSort('title', ALLOWED, 'title');
  const uuid = (n: number) => `00000000-0000-7000-8000-00000000000${n}`;
  const rows = [
    { id: '1', __sort0: 'a', __sort1: uuid(1) },
    { id: '2', __sort0: 'b', __sort1: uuid(2) },
    { id: '3', __sort0: 'c', __sort1: uuid(3) },
  ];

  it('returns the page and a cursor after its last row when there are more rows', () => {
    const page = toPage(rows, 2, terms, (row) => row.id);

    expect(page.items).toEqual(['1', '2']);
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(terms, page.nextCursor ?? '')).toEqual(['b', uuid(2)]);
  });

  it('refuses an edited cursor whose values do not fit their columns, before any SQL', () => {
    const edited = (values: string[]) =>
      Buffer.from(JSON.stringify({ s: 'title,id', v: values })).toString('base64url');
    const typed = parseSort('priority', ALLOWED, 'title');
    const typedCursor = (values: string[]) =>
      Buffer.from(JSON.stringify({ s: 'priority,id', v: values })).toString('base64url');

    expect(() => decodeCursor(terms, edited(['b', 'not-a-uuid']))).toThrow(/cursor is not valid/);
    expect(() => decodeCursor(terms, edited(['nul\u0000byte', uuid(2)]))).toThrow(/cursor is not valid/);
    expect(() => decodeCursor(typed, typedCursor(['99999999999', uuid(2)]))).toThrow(/cursor is not valid/);
    expect(decodeCursor(typed, typedCursor(['3', uuid(2)]))).toEqual(['3', uuid(2)]);
  });

  it('has no next cursor on the last page', () => {
    expect(toPage(rows, 3, terms, (row) => row.id)).toEqual({ items: ['1', '2', '3'], nextCursor: null });
    expect(toPage(rows, 5, terms, (row) => row.id).nextCursor).toBeNull();
  });

  it('handles an empty result', () => {
    expect(toPage([], 20, terms, (row) => row)).toEqual({ items: [], nextCursor: null });
  });
});

describe('paginationQuery and pageOf', () => {
  const query = z.object(paginationQuery);

  it('defaults and coerces the limit', () => {
    expect(query.parse({})).toEqual({ limit: DEFAULT_LIMIT });
    expect(query.parse({ limit: '50', cursor: 'abc' })).toEqual({ limit: 50, cursor: 'abc' });
  });

  it.each([['0'], ['101'], ['2.5'], ['ten']])('rejects limit %s', (limit) => {
    expect(query.safeParse({ limit }).success).toBe(false);
  });

  it('describes a page with a nullable next cursor', () => {
    const schema = pageOf(z.string());

    expect(schema.safeParse({ items: ['a'], nextCursor: null }).success).toBe(true);
    expect(schema.safeParse({ items: [1], nextCursor: null }).success).toBe(false);
    expect(schema.safeParse({ items: [] }).success).toBe(false);
  });
});

describe('parseSort against inherited object keys', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('rejects %s with a 400', (field) => {
    expect(() => parseSort(field, ALLOWED, '-createdAt')).toThrow(ValidationError);
  });
});
