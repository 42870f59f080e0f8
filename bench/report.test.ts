import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderMarkdown, type Section, table, writeReport } from './report';
import { result } from './stats';

const section: Section = {
  key: 'kernel',
  title: 'Kernel overhead',
  conditions: ['in process'],
  body: ['| a |'],
  results: [
    result('kernel.floor.p50', 'µs', 100),
    result('kernel.ours.p50', 'µs', 120, {
      baseline: 100,
      baselineName: 'kernel.floor.p50',
      goal: '≤ 1.5×',
      check: (ratio) => ratio !== null && ratio <= 1.5,
    }),
    result('kernel.slow.p50', 'µs', 300, {
      baseline: 100,
      baselineName: 'kernel.floor.p50',
      goal: '≤ 1.5×',
      check: (ratio) => ratio !== null && ratio <= 1.5,
    }),
  ],
  seconds: 1.25,
};

describe('table', () => {
  it('pads cells to the widest and right-aligns every column but the first', () => {
    expect(
      table(
        ['name', 'n'],
        [
          ['a', '10'],
          ['bbb', '2'],
        ],
      ),
    ).toBe(['| name |  n |', '|------|---:|', '| a    | 10 |', '| bbb  |  2 |'].join('\n'));
  });
});

describe('report', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('counts goals met and lists only the lines that have a goal', () => {
    const markdown = renderMarkdown(['database: embedded PGlite'], [section]);

    expect(markdown).toContain('- database: embedded PGlite');
    expect(markdown).toContain('## Goals: 1 of 2 met');
    expect(markdown).toMatch(/\| kernel\.slow\.p50 .*\| NOT met \|/);
    expect(markdown).not.toMatch(/\| kernel\.floor\.p50 .*met/);
    expect(markdown).toContain('## Kernel overhead (`kernel.*`, 1.3 s)');
  });

  it('writes every result line to latest.json and the report to latest.md', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bench-report-'));

    await writeReport(dir, ['header'], [section]);

    const json = JSON.parse(await readFile(path.join(dir, 'latest.json'), 'utf8'));
    expect(json).toHaveLength(3);
    expect(json[2]).toEqual({
      name: 'kernel.slow.p50',
      unit: 'µs',
      value: 300,
      baseline: 100,
      baselineName: 'kernel.floor.p50',
      ratio: 3,
      goal: '≤ 1.5×',
      pass: false,
    });
    expect(await readFile(path.join(dir, 'latest.md'), 'utf8')).toMatch(/^# Benchmark results\n/);
  });
});
