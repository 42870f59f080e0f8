import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Result } from './stats';

/** What one benchmark contributes: result lines for latest.json and a section of latest.md. */
export interface Section {
  key: string;
  title: string;
  /** The conditions the figures were measured under, one bullet each. */
  conditions: string[];
  /** Markdown tables (already rendered) and notes. */
  body: string[];
  results: Result[];
  seconds: number;
}

/** A Markdown table; the first column is left-aligned, the rest right-aligned (numbers). */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [
    line(headers),
    `|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

const verdict = (pass: boolean | null) => (pass === null ? '' : pass ? 'met' : 'NOT met');

/** Every line that has a goal, in one table: the summary a reader looks at first. */
export function goalsTable(results: readonly Result[]): string {
  return table(
    ['figure', 'value', 'baseline', 'ratio', 'goal', 'verdict'],
    results
      .filter((result) => result.pass !== null)
      .map((result) => [
        result.name,
        `${result.value} ${result.unit}`,
        result.baseline === null ? '' : `${result.baseline} (${result.baselineName ?? ''})`,
        result.ratio === null ? '' : `${result.ratio}×`,
        result.goal ?? '',
        verdict(result.pass),
      ]),
  );
}

export function renderMarkdown(header: string[], sections: readonly Section[]): string {
  const results = sections.flatMap((section) => section.results);
  const met = results.filter((result) => result.pass === true).length;
  const goals = results.filter((result) => result.pass !== null).length;
  return [
    '# Benchmark results',
    '',
    ...header.map((line) => `- ${line}`),
    '',
    `## Goals: ${met} of ${goals} met`,
    '',
    goalsTable(results),
    '',
    ...sections.flatMap((section) => [
      `## ${section.title} (\`${section.key}.*\`, ${section.seconds.toFixed(1)} s)`,
      '',
      ...section.conditions.map((line) => `- ${line}`),
      '',
      ...section.body.flatMap((part) => [part, '']),
    ]),
  ].join('\n');
}

/** Writes latest.json (every result line) and latest.md (the human report) into `dir`. */
export async function writeReport(
  dir: string,
  header: string[],
  sections: readonly Section[],
): Promise<{ json: string; markdown: string }> {
  const results = sections.flatMap((section) => section.results);
  const markdown = renderMarkdown(header, sections);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path.join(dir, 'latest.md'), `${markdown}\n`);
  return { json: path.join(dir, 'latest.json'), markdown: path.join(dir, 'latest.md') };
}
