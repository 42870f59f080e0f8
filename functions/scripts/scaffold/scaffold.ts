import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { capabilityFiles, type TemplateFile } from './capability-templates';
import {
  type CapabilityNames,
  capabilityNames,
  checkCapabilityName,
  checkProductName,
  NameError,
} from './names';
import { defaultDisplayName, productFiles } from './product-templates';

/**
 * `npm run new`: plans the files of a new product or capability under a
 * repository root and writes them, refusing to overwrite anything. The root
 * is a parameter so tests scaffold into a temporary copy of the repository.
 */
export interface ScaffoldResult {
  /** Files created, relative to the root. */
  written: string[];
  /** Existing files changed (a capability's line in its product.ts), relative to the root. */
  changed: string[];
  names: CapabilityNames;
}

const MIGRATION = /^(\d{4})_[a-z0-9_]+\.sql$/;
export const DEFAULT_FIRST_CAPABILITY = 'widgets';

export function scaffoldProduct(
  root: string,
  product: string,
  options: { capability?: string; displayName?: string } = {},
): ScaffoldResult {
  checkProductName(product);
  const capability = options.capability ?? DEFAULT_FIRST_CAPABILITY;
  checkCapabilityName(capability);
  const functionsDir = path.join(root, 'functions');
  if (existsSync(path.join(functionsDir, product)))
    throw new NameError(`functions/${product} already exists; choose another product name.`);
  const names = capabilityNames(product, capability);
  checkUniqueOperationIds(functionsDir, names);
  const files = [
    ...productFiles(names, options.displayName ?? defaultDisplayName(product)),
    ...capabilityFiles(names, migrationName(functionsDir, names)),
  ];
  return { written: writeAll(root, files), changed: [], names };
}

export function scaffoldCapability(root: string, product: string, capability: string): ScaffoldResult {
  checkCapabilityName(capability);
  const functionsDir = path.join(root, 'functions');
  const manifest = path.join(functionsDir, product, 'product.ts');
  if (!existsSync(manifest))
    throw new NameError(
      `functions/${product}/product.ts does not exist: create the product first (npm run new -- product ${product}).`,
    );
  if (existsSync(path.join(functionsDir, product, capability)))
    throw new NameError(`functions/${product}/${capability} already exists; choose another capability name.`);
  const names = capabilityNames(product, capability);
  checkUniqueOperationIds(functionsDir, names);
  const files = capabilityFiles(names, migrationName(functionsDir, names));
  // Plan the edit before writing anything, so a product.ts we cannot edit leaves no half-made capability.
  const registered = registerCapability(readFileSync(manifest, 'utf8'), names);
  const written = writeAll(root, files);
  writeFileSync(manifest, registered);
  return { written, changed: [path.relative(root, manifest)], names };
}

/** The next `NNNN_<capability>.sql` in the product's migrations/ (the runner applies them in name order). */
function migrationName(functionsDir: string, names: CapabilityNames): string {
  const dir = path.join(functionsDir, names.product, 'migrations');
  const numbers = (existsSync(dir) ? readdirSync(dir) : [])
    .map((file) => MIGRATION.exec(file)?.[1])
    .filter((value): value is string => value !== undefined)
    .map(Number);
  const next = Math.max(0, ...numbers) + 1;
  return `${String(next).padStart(4, '0')}_${names.table}.sql`;
}

/** Operation ids are unique across the platform (they name OpenAPI operations and handler keys). */
function checkUniqueOperationIds(functionsDir: string, names: CapabilityNames): void {
  const wanted = [`list${names.Plural}`, `create${names.Entity}`, `get${names.Entity}`];
  const taken = new Set<string>();
  for (const file of serviceFiles(functionsDir)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/operationId: '([A-Za-z0-9]+)'/g)) {
      if (match[1]) taken.add(match[1]);
    }
  }
  const clash = wanted.filter((id) => taken.has(id));
  if (clash.length > 0)
    throw new NameError(
      `Operation ids ${clash.join(', ')} already exist in another capability; choose another capability name.`,
    );
}

function serviceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return serviceFiles(full);
    return entry.name === 'service.ts' ? [full] : [];
  });
}

/**
 * Adds the capability to its product's manifest: one import and one entry at
 * the end of `capabilities: [...]`. The product.ts line is the capability's
 * only mention outside its own folder (and the product's migrations).
 */
export function registerCapability(source: string, names: CapabilityNames): string {
  const exportName = `${names.camel}Service`;
  const list = /capabilities: \[([^\]]*)\]/.exec(source);
  if (!list || list.index === undefined)
    throw new Error(
      `functions/${names.product}/product.ts has no \`capabilities: [...]\` list the scaffold can add ${exportName} to.`,
    );
  const entries = list[1]?.trimEnd() ?? '';
  const separator = entries.trim() === '' ? '' : entries.endsWith(',') ? ' ' : ', ';
  const withEntry = `${source.slice(0, list.index)}capabilities: [${entries}${separator}${exportName}]${source.slice(list.index + list[0].length)}`;
  const importLine = `import { ${exportName} } from './${names.capability}/service';\n`;
  const lastImport = [...withEntry.matchAll(/^import .*;\n/gm)].at(-1);
  const at = lastImport?.index === undefined ? 0 : lastImport.index + lastImport[0].length;
  return withEntry.slice(0, at) + importLine + withEntry.slice(at);
}

function writeAll(root: string, files: readonly TemplateFile[]): string[] {
  for (const file of files) {
    if (existsSync(path.join(root, file.path)))
      throw new NameError(`${file.path} already exists; nothing was written.`);
  }
  for (const file of files) {
    const target = path.join(root, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text, { flag: 'wx' });
  }
  return files.map((file) => file.path);
}
