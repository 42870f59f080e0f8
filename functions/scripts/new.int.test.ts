import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepo, type RepoCopy } from './scaffold/repo-copy';

/**
 * The throw-away product of issue 13: `npm run new` makes a product (and a
 * second capability in it) inside a scratch copy of the repository, and the
 * product then shows up everywhere (OpenAPI, the local route table, CDK, the
 * RBAC catalog, the security sweep, the web navigation) with no hand-edited
 * file outside its folder. The copy is deleted afterwards; the real tree,
 * which other tests read at the same time, is never written.
 */

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PRODUCT = 'zz-demo';
const run = promisify(execFile);
const MINUTE = 60_000;

let copy: RepoCopy;
let before: Map<string, string>;
let productOutput: string;
let capabilityOutput: string;

/** A child process in the copy, without this vitest's own worker variables. */
function inCopy(command: string, args: string[], timeout = 2 * MINUTE) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  return run(command, args, { cwd: copy.root, env, timeout, maxBuffer: 64 * 1024 * 1024 });
}

/** Every source file of the copy by content hash, to tell what the scaffold wrote or changed. */
function snapshot(root: string, dir = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.name === 'node_modules') continue;
    if (entry.isDirectory()) for (const [file, hash] of snapshot(root, relative)) files.set(file, hash);
    else if (entry.isFile())
      files.set(
        relative,
        createHash('sha256')
          .update(readFileSync(path.join(root, relative)))
          .digest('hex'),
      );
  }
  return files;
}

beforeAll(async () => {
  copy = copyRepo(REPO_ROOT);
  before = snapshot(copy.root);
  productOutput = (await inCopy('npx', ['tsx', 'functions/scripts/new.ts', 'product', PRODUCT])).stdout;
  capabilityOutput = (
    await inCopy('npx', ['tsx', 'functions/scripts/new.ts', 'capability', PRODUCT, 'boxes'])
  ).stdout;
}, 2 * MINUTE);

afterAll(() => {
  copy?.remove();
});

describe('npm run new', () => {
  it('writes the product in its own folder, prints what it wrote and the next steps', () => {
    const after = snapshot(copy.root);
    const changed = [...after].filter(([file, hash]) => before.get(file) !== hash).map(([file]) => file);

    expect(productOutput).toContain(`functions/${PRODUCT}/product.ts`);
    expect(productOutput).toContain(`functions/${PRODUCT}/migrations/0001_widgets.sql`);
    expect(productOutput).toContain('Next steps:');
    expect(capabilityOutput).toContain(`functions/${PRODUCT}/migrations/0002_boxes.sql`);
    expect(capabilityOutput).toContain(`Changed:\n  functions/${PRODUCT}/product.ts`);
    // Nothing outside the product's folder changes but what `npm run generate` regenerates.
    const outside = changed.filter((file) => !file.startsWith(`functions/${PRODUCT}/`));
    expect(outside.length).toBeGreaterThan(0);
    for (const file of outside) expect(file).toMatch(/\.generated\.ts$/);
    expect([...before.keys()].filter((file) => !after.has(file))).toEqual([]);
  });

  it(
    'refuses a name that is not kebab-case, reserved or taken, and writes nothing',
    async () => {
      const refused = async (...args: string[]) => {
        const failure = await inCopy('npx', ['tsx', 'functions/scripts/new.ts', ...args]).catch(
          (error: { code: number; stderr: string }) => error,
        );
        return 'code' in failure ? { code: failure.code, stderr: failure.stderr } : { code: 0, stderr: '' };
      };

      expect(await refused('product', 'Bad_Name')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('kebab-case'),
      });
      expect(await refused('product', 'platform')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('reserved'),
      });
      expect(await refused('product', PRODUCT)).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('already exists'),
      });
      expect(await refused('capability', 'nope', 'things')).toMatchObject({
        code: 1,
        stderr: expect.stringContaining('create the product first'),
      });
      expect(existsSync(path.join(copy.root, 'functions', 'bad_name'))).toBe(false);
      expect(existsSync(path.join(copy.root, 'functions', 'nope'))).toBe(false);
    },
    MINUTE,
  );

  it(
    'makes the product appear in the registry, the route table, CDK, the web navigation, OpenAPI and RBAC',
    async () => {
      const out = path.join(copy.root, 'probe.json');
      await inCopy('npx', ['tsx', 'functions/scripts/scaffold/product-probe.ts', PRODUCT, out], 3 * MINUTE);
      const probe = JSON.parse(readFileSync(out, 'utf8'));
      const routes = [
        'GET /v1/zz-demo/widgets',
        'POST /v1/zz-demo/widgets',
        'GET /v1/zz-demo/widgets/{widgetId}',
        'GET /v1/zz-demo/boxes',
        'POST /v1/zz-demo/boxes',
        'GET /v1/zz-demo/boxes/{boxId}',
      ];

      expect(probe.registered).toEqual({ key: PRODUCT, capabilities: ['widgets', 'boxes'] });
      expect(probe.routes).toEqual(routes);
      expect(probe.routeTable).toEqual(routes);
      expect(probe.sweep).toEqual([
        'listWidgets GET /v1/zz-demo/widgets',
        'createWidget POST /v1/zz-demo/widgets',
        'getWidget GET /v1/zz-demo/widgets/{widgetId}',
        'listBoxes GET /v1/zz-demo/boxes',
        'createBox POST /v1/zz-demo/boxes',
        'getBox GET /v1/zz-demo/boxes/{boxId}',
      ]);
      expect(probe.cdk.functions.sort()).toEqual([
        'halooid-dev-zz-demo-boxes',
        'halooid-dev-zz-demo-widgets',
      ]);
      expect(probe.cdk.methods.sort()).toEqual([...routes].sort());
      expect(probe.cdk.alarms).toEqual(
        expect.arrayContaining([
          'zz-demo-widgets: 5+ errors in 5 minutes',
          'zz-demo-widgets is throttled',
          'zz-demo-boxes: 5+ errors in 5 minutes',
        ]),
      );
      expect(probe.web).toContainEqual({ key: PRODUCT, displayName: 'Zz Demo', path: '/zz-demo' });
      expect(probe.openApiStatus).toBe(200);
      expect(probe.openApiPaths).toEqual([
        '/v1/zz-demo/widgets',
        '/v1/zz-demo/widgets/{widgetId}',
        '/v1/zz-demo/boxes',
        '/v1/zz-demo/boxes/{boxId}',
      ]);
      expect(probe.permissionsStatus).toBe(200);
      for (const name of [
        'zz-demo:widget:read',
        'zz-demo:widget:write',
        'zz-demo:box:read',
        'zz-demo:box:write',
      ])
        expect(probe.permissions).toContain(`"name":"${name}"`);
      // Its migration ran and the owner's `*:*:*` reaches it: the list answers 200.
      expect(probe.firstRouteAsOwner).toBe(200);
    },
    3 * MINUTE,
  );

  it(
    'puts its routes through the security sweep: 401, 403 and cross-tenant 404 for each',
    async () => {
      const report = path.join(copy.root, 'sweep.json');
      await inCopy(
        'npx',
        [
          'vitest',
          'run',
          '--project',
          'integration',
          'functions/security.int.test.ts',
          '-t',
          PRODUCT,
          '--reporter=json',
          `--outputFile=${report}`,
        ],
        3 * MINUTE,
      ).catch(() => undefined); // A failing test exits non-zero; the report says which.
      const results: { fullName: string; status: string }[] = JSON.parse(
        readFileSync(report, 'utf8'),
      ).testResults.flatMap((file: { assertionResults: unknown[] }) => file.assertionResults);
      const passed = (section: string, route: string) =>
        results.some(
          (test) =>
            test.status === 'passed' && test.fullName.startsWith(section) && test.fullName.includes(route),
        );

      for (const route of ['listWidgets', 'createWidget', 'getWidget', 'listBoxes', 'createBox', 'getBox']) {
        expect(passed('1. without credentials', route), `401 for ${route}`).toBe(true);
        expect(passed('2. lacking the permission', route), `403 for ${route}`).toBe(true);
      }
      for (const route of ['getWidget', 'getBox'])
        expect(passed("3. another tenant's resource ids", route), `404 for ${route}`).toBe(true);
      expect(results.filter((test) => test.status === 'failed').map((test) => test.fullName)).toEqual([]);
    },
    3 * MINUTE,
  );

  it(
    'passes its own tests and every repository-wide guard, and typechecks',
    async () => {
      // The guards a new product must satisfy untouched: manifest checks, discovery, slice imports,
      // generated files, system roles, Spectral over /v1/openapi.json, bundler = CDK.
      const guards = [
        ...readdirSync(path.join(copy.root, 'functions'))
          .filter((file) => file.endsWith('.test.ts') && !file.endsWith('.int.test.ts'))
          .map((file) => `functions/${file}`),
        'functions/platform/meta/spectral.test.ts',
        'infra/aws/src/build-parity.test.ts',
      ];
      // Its tests as written; the second capability's integration test is the first's template renamed.
      const own = ['widgets/widgets.test.ts', 'widgets/widgets.int.test.ts', 'boxes/boxes.test.ts'].map(
        (file) => `functions/${PRODUCT}/${file}`,
      );
      const report = path.join(copy.root, 'own-tests.json');
      writeFileSync(
        path.join(copy.root, 'tsconfig.scaffold.json'),
        JSON.stringify({
          extends: './tsconfig.json',
          include: [`functions/${PRODUCT}`, 'infra/local/src/types'],
        }),
      );
      const [, typecheck] = await Promise.all([
        inCopy(
          'npx',
          [
            'vitest',
            'run',
            '--project',
            'unit',
            '--project',
            'integration',
            ...own,
            ...guards,
            '--reporter=json',
            `--outputFile=${report}`,
          ],
          3 * MINUTE,
        ).catch(() => undefined), // A failing test exits non-zero; the report says which.
        inCopy('npx', ['tsc', '-p', 'tsconfig.scaffold.json', '--noEmit'], 3 * MINUTE).then(
          () => 'ok',
          (error: { stdout: string }) => error.stdout,
        ),
      ]);
      const files: {
        name: string;
        status: string;
        message: string;
        assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
      }[] = JSON.parse(readFileSync(report, 'utf8')).testResults;
      const ran = files.map((file) => path.relative(copy.root, file.name));

      expect(ran).toEqual(expect.arrayContaining([...own, ...guards]));
      const failed = files.filter((file) => file.status !== 'passed');
      const why = (file: (typeof files)[number]) => [
        file.message,
        ...file.assertionResults
          .filter((test) => test.status === 'failed')
          .map((test) => `${test.fullName}: ${test.failureMessages[0]?.slice(0, 400)}`),
      ];
      expect(failed.map((file) => [path.relative(copy.root, file.name), why(file)])).toEqual([]);
      expect(typecheck).toBe('ok');
    },
    4 * MINUTE,
  );
});
