import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOGS, NOTIFY_HANDLERS } from './event-index.generated';
import { NOTIFICATION_RULES } from './notification-rules.generated';
import { PRODUCTS } from './registry';
import { notificationRulesOf } from './scripts/build-event-index';

const functionsDir = fileURLToPath(new URL('.', import.meta.url));
const sharedDir = fileURLToPath(new URL('../shared/src/', import.meta.url));

/**
 * Every repository file `entry` loads, following relative and `@halooid/*`
 * imports (packages are not followed): what a bundle of it would hold.
 */
function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)'([^']+)'/g)) {
      if (!specifier) continue;
      const base = specifier.startsWith('.')
        ? path.resolve(path.dirname(file), specifier)
        : specifier.startsWith('@halooid/functions/')
          ? path.join(functionsDir, specifier.slice('@halooid/functions/'.length))
          : specifier.startsWith('@halooid/shared/')
            ? path.join(sharedDir, specifier.slice('@halooid/shared/'.length))
            : undefined;
      if (!base) continue;
      const resolved = [`${base}.ts`, base, path.join(base, 'index.ts')].find(
        (candidate) => candidate.endsWith('.ts') && existsSync(candidate),
      );
      if (resolved) visit(resolved);
    }
  };
  visit(entry);
  return [...seen];
}
const STALE = 'The event index is stale: run npm run generate';

describe('notification-rules.generated.ts and event-index.generated.ts', () => {
  it("hold every product's notification rules, as its product.ts declares them", () => {
    const fresh = notificationRulesOf(PRODUCTS, functionsDir);

    expect(NOTIFICATION_RULES, STALE).toEqual(fresh);
  });

  it("hold every product's catalog, the very object its product.ts declares", () => {
    const declared = PRODUCTS.flatMap((product) => (product.events ? [product.events] : []));

    expect(EVENT_CATALOGS.length, STALE).toBe(declared.length);
    for (const [index, catalog] of declared.entries()) expect(EVENT_CATALOGS[index], STALE).toBe(catalog);
  });

  it('map each rule to the notify its handler file exports, and nothing else', async () => {
    expect(Object.keys(NOTIFY_HANDLERS), STALE).toEqual(NOTIFICATION_RULES.map((rule) => rule.name));
    for (const rule of NOTIFICATION_RULES) {
      const module = (await import(pathToFileURL(path.join(functionsDir, rule.handler)).href)) as {
        notify?: unknown;
      };
      expect(module.notify, `${rule.handler} exports notify`).toBeTypeOf('function');
      expect(NOTIFY_HANDLERS[rule.name], STALE).toBe(module.notify);
    }
  });

  it('import only events.ts and notification rule files: the subscribers load no route schema', () => {
    const source = readFileSync(new URL('./event-index.generated.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from '(\.[^']+)'/g)].map((match) => match[1]);

    const allowed = [
      ...PRODUCTS.filter((product) => product.events).map((product) => `./${product.key}/events`),
      ...NOTIFICATION_RULES.map((rule) => `./${rule.handler.replace(/\.ts$/, '')}`),
    ];
    expect(imports.sort()).toEqual(allowed.sort());
  });

  it('refuse two products declaring the same rule name, and a rule without its file', () => {
    const rule = { name: 'notify-x', description: 'x', pattern: { source: ['halooid.a'] }, handler: 'x.ts' };
    const product = (key: string) => ({ key, displayName: key, description: key, capabilities: [] });

    expect(() =>
      notificationRulesOf(
        [
          { ...product('a'), notifications: [rule] },
          { ...product('b'), notifications: [rule] },
        ],
        functionsDir,
      ),
    ).toThrow(/declared by a and b/);
    expect(() => notificationRulesOf([{ ...product('a'), notifications: [rule] }], functionsDir)).toThrow(
      /no file functions\/a\/x.ts/,
    );
  });

  it("load, beyond shared/, only each product's events.ts, domain/ and rule files: no capability, manifest or registry", () => {
    const ruleFiles = NOTIFICATION_RULES.map((rule) => rule.handler);
    const allowed = (file: string) =>
      file === 'event-index.generated.ts' ||
      /^[a-z0-9-]+\/events\.ts$/.test(file) ||
      /^[a-z0-9-]+\/domain\//.test(file) ||
      ruleFiles.includes(file);

    const loaded = importClosure(path.join(functionsDir, 'event-index.generated.ts'))
      .filter((file) => file.startsWith(functionsDir))
      .map((file) => path.relative(functionsDir, file).split(path.sep).join('/'));

    expect(loaded).toContain('taskodex/events.ts');
    expect(loaded.filter((file) => !allowed(file))).toEqual([]);
  });

  it('load each catalog without route schemas: no schemas file, no request kernel (pagination, versioning, adapter)', () => {
    const routeSchemaFiles = importClosure(path.join(functionsDir, 'event-index.generated.ts'))
      .map((file) => path.relative(path.join(functionsDir, '..'), file).split(path.sep).join('/'))
      .filter((file) => /(^|[/-])schemas\.ts$/.test(file) || /^shared\/src\/(db|http)\//.test(file));

    expect(routeSchemaFiles).toEqual([]);
  });
});
