/**
 * The names a scaffolded product or capability is known by, derived once from
 * the kebab-case name typed on the command line so that every template spells
 * them the same way.
 */

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Folder names under functions/ that are not products, and capability names
 * that would collide with a product's own files or the platform's routes.
 */
export const RESERVED_PRODUCTS: ReadonlySet<string> = new Set([
  'platform',
  'scripts',
  'shared',
  'common',
  'domain',
  'migrations',
  'node_modules',
  'v1',
  'api',
  'auth',
  'dev',
  'health',
  'openapi',
  'test',
  'tests',
]);
export const RESERVED_CAPABILITIES: ReadonlySet<string> = new Set([
  'common',
  'domain',
  'migrations',
  'demo',
  'events',
  'product',
  'scripts',
  'node_modules',
]);

/** Lambda names are `halooid-<stage>-<product>-<capability>`: both parts stay short. */
const MAX_PRODUCT = 20;
const MAX_CAPABILITY = 30;

export class NameError extends Error {}

export function checkProductName(name: string): void {
  checkKebab('product', name, MAX_PRODUCT);
  if (RESERVED_PRODUCTS.has(name)) throw new NameError(`"${name}" is reserved; choose another product name.`);
}

export function checkCapabilityName(name: string): void {
  checkKebab('capability', name, MAX_CAPABILITY);
  if (RESERVED_CAPABILITIES.has(name))
    throw new NameError(`"${name}" is reserved inside a product; choose another capability name.`);
}

function checkKebab(kind: string, name: string, max: number): void {
  if (!KEBAB.test(name))
    throw new NameError(
      `The ${kind} name "${name}" must be kebab-case: lower-case letters and digits, words joined by single hyphens, starting with a letter.`,
    );
  if (name.length > max) throw new NameError(`The ${kind} name "${name}" is longer than ${max} characters.`);
}

/** `time-entries` → `TimeEntries`. */
export function pascalCase(kebab: string): string {
  return kebab
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** `time-entries` → `timeEntries`. */
export function camelCase(kebab: string): string {
  const pascal = pascalCase(kebab);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** `time-entries` → `time_entries`: SQL identifiers. */
export function snakeCase(kebab: string): string {
  return kebab.replaceAll('-', '_');
}

/**
 * English singular of the last word, good enough for resource names
 * (`notes` → `note`, `entries` → `entry`, `boxes` → `box`, `status` stays).
 * The scaffold prints what it chose, and the files are the author's to rename.
 */
export function singular(kebab: string): string {
  const words = kebab.split('-');
  const last = words.pop() ?? kebab;
  let one = last;
  if (/[^aeiou]ies$/.test(last)) one = `${last.slice(0, -3)}y`;
  else if (/(s|x|z|ch|sh)es$/.test(last)) one = last.slice(0, -2);
  else if (/[^su]s$/.test(last)) one = last.slice(0, -1);
  return [...words, one].join('-');
}

/** Every spelling the templates need for one capability of one product. */
export interface CapabilityNames {
  product: string;
  /** The product's Postgres schema: `zz-demo` → `zz_demo`. */
  schema: string;
  capability: string;
  /** `notes` → `Notes`, for the service export: `notesService`. */
  camel: string;
  /** The resource in permissions and paths' parameter: `note`. */
  resource: string;
  /** With its article, for prose: `a note`, `an item`. */
  aResource: string;
  /** `Note`: the entity schema and type. */
  Entity: string;
  /** `note`: variables. */
  entity: string;
  /** `Notes`: list operation ids (`listNotes`). */
  Plural: string;
  /** `notes`: the table, in snake case. */
  table: string;
}

export function capabilityNames(product: string, capability: string): CapabilityNames {
  const resource = singular(capability);
  const Entity = pascalCase(resource);
  return {
    product,
    schema: snakeCase(product),
    capability,
    camel: camelCase(capability),
    resource,
    aResource: `${/^[aeiou]/.test(resource) ? 'an' : 'a'} ${resource.replaceAll('-', ' ')}`,
    Entity,
    entity: camelCase(resource),
    Plural: resource === capability ? `${Entity}List` : pascalCase(capability),
    table: snakeCase(capability),
  };
}
