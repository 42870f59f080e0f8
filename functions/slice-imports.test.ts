import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { importsOf, sliceViolations } from './slice-imports';

const FUNCTIONS_DIR = path.dirname(fileURLToPath(import.meta.url));

describe('slices with one-way imports', () => {
  it('no capability, job or domain file imports another slice or another product', () => {
    expect(sliceViolations(FUNCTIONS_DIR)).toEqual([]);
  });
});

describe('the slice checker', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });

  /** A throw-away functions/ tree: file path → source. */
  function tree(files: Record<string, string>): string {
    root = mkdtempSync(path.join(tmpdir(), 'slices-'));
    for (const [file, source] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), source);
    }
    return root;
  }

  const PRODUCTS = {
    'alpha/product.ts':
      "import { aService } from './things/service';\nimport { bService } from './widgets/service';",
    'beta/product.ts': '',
    'registry-names.ts': '',
  };

  it('flags a capability importing another capability, statically, by re-export or dynamically', () => {
    const dir = tree({
      ...PRODUCTS,
      'alpha/things/use-case.ts': "import { rule } from '../widgets/rules';",
      'alpha/things/index.ts': "export * from '../widgets/service';",
      'alpha/things/lazy.ts': "const m = await import('../widgets/heavy');",
      'alpha/things/aliased.ts': "import { x } from '@halooid/functions/alpha/widgets/x';",
    });

    expect(sliceViolations(dir).map((v) => `${v.file} -> ${v.target}`)).toEqual([
      'alpha/things/aliased.ts -> alpha/widgets/x',
      'alpha/things/index.ts -> alpha/widgets/service',
      'alpha/things/lazy.ts -> alpha/widgets/heavy',
      'alpha/things/use-case.ts -> alpha/widgets/rules',
    ]);
  });

  it("flags another product's files (its domain included), product.ts, and domain/ importing a slice", () => {
    const dir = tree({
      ...PRODUCTS,
      'alpha/things/cross.ts': "import { y } from '../../beta/domain/y';",
      'alpha/things/cycle.ts': "import { alphaProduct } from '../product';",
      'alpha/domain/rules.ts': "import { z } from '../things/z';",
      'alpha/events.ts': "import { Thing } from './things/schemas';",
    });

    expect(sliceViolations(dir).map((v) => `${v.file} -> ${v.target}`)).toEqual([
      'alpha/domain/rules.ts -> alpha/things/z',
      'alpha/events.ts -> alpha/things/schemas',
      'alpha/things/cross.ts -> beta/domain/y',
      'alpha/things/cycle.ts -> alpha/product',
    ]);
  });

  it('allows its own files, its domain, its product root files, the functions root, shared, packages; tests are exempt', () => {
    const dir = tree({
      ...PRODUCTS,
      'alpha/things/handler.ts': [
        "import { useCase } from './use-case';",
        "import { sub } from './deep/sub';",
        "import { Thing } from '../domain/thing';",
        "import { alphaEvents } from '../events';",
        "import { NAMES } from '../../registry-names';",
        "import { createHttpHandler } from '@halooid/shared/http/adapter';",
        "import * as z from 'zod';",
        "import path from 'node:path';",
      ].join('\n'),
      'alpha/things/deep/sub.ts': "import { useCase } from '../use-case';",
      'alpha/domain/thing.ts': "import { alphaEvents } from '../events';",
      'alpha/things/flow.int.test.ts': "import { sign } from '../widgets/sign';",
    });

    expect(sliceViolations(dir)).toEqual([]);
  });

  it('reads import specifiers, not text that looks like one', () => {
    expect(
      importsOf(
        "// import { x } from '../widgets/x';\nconst s = \"from '../widgets/y'\";\nimport type { T } from './t';",
      ),
    ).toEqual(['./t']);
  });
});
