import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverProductKeys } from './scripts/product-list';

/**
 * Products are modules: a product's code imports its own folder, shared/ and
 * packages, never another product's folder (the platform included: it reaches
 * products only through the product list and the generated indexes at the
 * top of functions/). shared/ is the kernel every function loads, so it
 * imports no functions/ at all. Tests are exempt: a platform integration test
 * may drive a real product as its fixture.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const functionsDir = path.join(root, 'functions');
const sharedDir = path.join(root, 'shared', 'src');

interface SourceFile {
  /** Relative to the repository root, with `/`. */
  file: string;
  source: string;
}

function sourceFiles(dir: string): SourceFile[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
    .map((entry) => {
      const absolute = path.join(entry.parentPath, entry.name);
      return {
        file: path.relative(root, absolute).split(path.sep).join('/'),
        source: readFileSync(absolute, 'utf8'),
      };
    });
}

/** Every module specifier of static imports, re-exports and dynamic imports with a literal. */
function specifiers(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"]([^'"]+)['"]/g)].flatMap((m) =>
    m[1] ? [m[1]] : [],
  );
}

/** The repository path an import names, for relative and `@halooid/<workspace>/` imports; undefined for packages. */
function target(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('.'))
    return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  if (specifier.startsWith('@halooid/functions/'))
    return `functions/${specifier.slice('@halooid/functions/'.length)}`;
  if (specifier.startsWith('@halooid/shared/'))
    return `shared/src/${specifier.slice('@halooid/shared/'.length)}`;
  return undefined;
}

/** `file imports specifier` for each import that crosses a product boundary or leaves the kernel for functions/. */
export function boundaryViolations(files: readonly SourceFile[], productKeys: readonly string[]): string[] {
  const productOf = (repoPath: string) => {
    const [top, key] = repoPath.split('/');
    return top === 'functions' && key && productKeys.includes(key) ? key : undefined;
  };
  return files.flatMap(({ file, source }) =>
    specifiers(source).flatMap((specifier) => {
      const to = target(file, specifier);
      if (!to) return [];
      const from = productOf(file);
      const into = productOf(to);
      const crossesProducts = from !== undefined && into !== undefined && into !== from;
      const kernelIntoFunctions = file.startsWith('shared/') && to.startsWith('functions/');
      return crossesProducts || kernelIntoFunctions ? [`${file} imports ${specifier}`] : [];
    }),
  );
}

/** Platform files that name another product's event source: the platform must learn products from the list. */
export function foreignSources(files: readonly SourceFile[], productKeys: readonly string[]): string[] {
  const others = productKeys.filter((key) => key !== 'platform');
  return files.flatMap(({ file, source }) =>
    others.filter((key) => source.includes(`halooid.${key}`)).map((key) => `${file} names halooid.${key}`),
  );
}

const productKeys = discoverProductKeys(functionsDir);

describe('product boundaries', () => {
  it('no product imports another product, and shared/ imports nothing from functions/', () => {
    const files = [
      ...productKeys.flatMap((key) => sourceFiles(path.join(functionsDir, key))),
      ...sourceFiles(sharedDir),
    ];

    expect(files.length).toBeGreaterThan(100);
    expect(boundaryViolations(files, productKeys)).toEqual([]);
  });

  it("the platform names no other product's events", () => {
    const platform = sourceFiles(path.join(functionsDir, 'platform'));

    expect(productKeys).toContain('taskodex');
    expect(foreignSources(platform, productKeys)).toEqual([]);
  });

  it('the checks catch each kind of violation (fixtures)', () => {
    const keys = ['platform', 'taskodex', 'qultrix'];
    const files: SourceFile[] = [
      { file: 'functions/platform/notifications/x.ts', source: "import { a } from '../../taskodex/events';" },
      {
        file: 'functions/platform/webhooks/y.ts',
        source: "const m = await import('@halooid/functions/qultrix/x');",
      },
      {
        file: 'functions/taskodex/tasks/z.ts',
        source: "export { b } from '../../platform/notifications/notify';",
      },
      { file: 'shared/src/events/w.ts', source: "import '../../../functions/registry';" },
      // Allowed: own product, the product list at the top of functions/, shared, packages.
      { file: 'functions/platform/meta/ok.ts', source: "import { SERVICES } from '../../registry';" },
      {
        file: 'functions/taskodex/tasks/ok.ts',
        source: "import { x } from '../domain/x';\nimport * as z from 'zod';",
      },
      { file: 'functions/taskodex/ok.ts', source: "import { y } from '@halooid/shared/events/catalog';" },
    ];

    expect(boundaryViolations(files, keys)).toEqual([
      'functions/platform/notifications/x.ts imports ../../taskodex/events',
      'functions/platform/webhooks/y.ts imports @halooid/functions/qultrix/x',
      'functions/taskodex/tasks/z.ts imports ../../platform/notifications/notify',
      'shared/src/events/w.ts imports ../../../functions/registry',
    ]);
    expect(
      foreignSources([{ file: 'functions/platform/n/s.ts', source: "source: ['halooid.taskodex']" }], keys),
    ).toEqual(['functions/platform/n/s.ts names halooid.taskodex']);
  });
});
