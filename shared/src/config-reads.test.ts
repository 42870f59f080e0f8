import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every environment variable a function reads goes through the config schema
 * (config.ts): validated once at cold start, with a message naming the
 * variable. Code in functions/ and shared/ reads getConfig(), never
 * `process.env`. The local runtime is a program of its own and may touch the
 * environment only where listed here, each for the reason given. Tests may
 * set variables (they are not scanned).
 */
const LOCAL_RUNTIME_ENV: Readonly<Record<string, string>> = {
  'infra/local/src/main.ts':
    "parses the environment once: its own settings schema (localSettings) and the functions' parseConfig",
  'infra/local/src/platform.ts':
    'sets the environment of the functions it hosts (database, endpoints, keys), then resetConfig()',
  'infra/local/src/quiet-sdk-warnings.ts': "sets the AWS SDK's own warning switches before the SDK loads",
  'infra/local/src/web-build.ts': 'hands its environment to the web build it spawns',
  'infra/local/src/testing/test-platform.ts':
    "the tests' harness: saves and restores the environment around a platform, reads the test servers' URLs",
};

const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter(
      (entry) =>
        entry.isFile() &&
        entry.name.endsWith('.ts') &&
        !entry.name.endsWith('.test.ts') &&
        !entry.parentPath.split(path.sep).includes('node_modules'),
    )
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Whether source code (comments aside) mentions `process.env`. */
function usesProcessEnv(source: string): boolean {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  return /\bprocess\.env\b/.test(code);
}

const readersOf = (files: readonly string[]) =>
  files.filter((file) => usesProcessEnv(readFileSync(path.join(root, file), 'utf8')));

describe('environment variables', () => {
  it('are read in functions/ and shared/ only by the config module', () => {
    const files = [...sourceFiles('functions'), ...sourceFiles('shared/src')];

    expect(files).toContain('shared/src/config.ts');
    expect(readersOf(files)).toEqual(['shared/src/config.ts']);
  });

  it('are touched by the local runtime only where listed, each for its reason', () => {
    const readers = readersOf(sourceFiles('infra/local/src'));

    expect(readers.filter((file) => !(file in LOCAL_RUNTIME_ENV))).toEqual([]);
  });

  it('the scan sees a read in code and ignores one in a comment', () => {
    expect(usesProcessEnv("const bus = process.env.EVENT_BUS_NAME ?? '';")).toBe(true);
    expect(usesProcessEnv('const { STAGE } = process.env;')).toBe(true);
    expect(usesProcessEnv('// Do not read process.env here: use getConfig().')).toBe(false);
    expect(usesProcessEnv('/** Parsed from `process.env` on first use. */')).toBe(false);
  });
});
