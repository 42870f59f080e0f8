import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/*
 * Slices with one-way imports. Inside a product folder every subfolder except
 * domain/ and migrations/ is a slice (a capability such as tasks/, a job such
 * as due-soon/, a set of notification rules). A slice may import:
 * - its own files;
 * - its product's domain/ (entities, rules and repositories the slices share);
 * - its product's root files (events.ts), except product.ts, which imports
 *   every slice's service.ts and so would close a cycle;
 * - the files at the root of functions/ (the product list and its indexes);
 * - @halooid/shared and packages.
 * It never imports another slice, nor any file of another product: products
 * talk through events and APIs. domain/ and the root files obey the same rule
 * (they may not import a slice), so the arrows only point into domain/.
 * Tests (`*.test.ts`) are exempt, as in product-boundaries.test.ts: they ship
 * in no bundle, and an end-to-end test may drive another slice as its fixture
 * (the events test checks webhook signatures on Taskodex events).
 */

export interface SliceViolation {
  /** The importing file, relative to the functions folder. */
  file: string;
  specifier: string;
  /** The imported file, relative to the functions folder. */
  target: string;
}

/** Folders of a product that are not slices. */
const NOT_SLICES = new Set(['domain', 'migrations', 'node_modules']);

/** Every module specifier a TypeScript file imports or re-exports, dynamic `import()` included. */
export function importsOf(source: string): string[] {
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles.map((file) => file.fileName);
}

/** The products: folders of functions/ that hold a product.ts. */
function productsIn(functionsDir: string): string[] {
  return readdirSync(functionsDir).filter((name) => existsSync(path.join(functionsDir, name, 'product.ts')));
}

function typeScriptFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      return name === 'node_modules' || name.startsWith('.') ? [] : typeScriptFilesUnder(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** Where a specifier points, relative to functions/, or undefined when it leaves functions/ (shared, packages). */
function targetOf(functionsDir: string, importer: string, specifier: string): string | undefined {
  const absolute = specifier.startsWith('.')
    ? path.resolve(path.dirname(importer), specifier)
    : specifier.startsWith('@halooid/functions/')
      ? path.join(functionsDir, specifier.slice('@halooid/functions/'.length))
      : undefined;
  if (!absolute) return undefined;
  const relative = path.relative(functionsDir, absolute);
  return relative.startsWith('..') ? undefined : relative.split(path.sep).join('/');
}

/**
 * Whether a file of `product` in `slice` (undefined for its domain/ and root
 * files) may import `target`.
 */
function allowed(product: string, slice: string | undefined, target: string): boolean {
  const [first, second, ...rest] = target.split('/');
  if (second === undefined) return true; // a root file of functions/
  if (first !== product) return false; // another product
  if (rest.length === 0) return !/^product(\.ts)?$/.test(second); // a root file of the product
  if (second === 'domain') return true;
  return second === slice;
}

/** Every import in a product folder that breaks the one-way rule. */
export function sliceViolations(functionsDir: string): SliceViolation[] {
  const violations: SliceViolation[] = [];
  for (const product of productsIn(functionsDir)) {
    const productDir = path.join(functionsDir, product);
    for (const file of typeScriptFilesUnder(productDir)) {
      const inProduct = path.relative(productDir, file).split(path.sep);
      if (inProduct.length === 1 && inProduct[0] === 'product.ts') continue; // the one file that names every slice
      if (file.endsWith('.test.ts')) continue;
      const slice =
        inProduct.length > 1 && !NOT_SLICES.has(inProduct[0] as string) ? inProduct[0] : undefined;
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        const target = targetOf(functionsDir, file, specifier);
        if (target !== undefined && !allowed(product, slice, target))
          violations.push({
            file: path.relative(functionsDir, file).split(path.sep).join('/'),
            specifier,
            target,
          });
      }
    }
  }
  return violations;
}
