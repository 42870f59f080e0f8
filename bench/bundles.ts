import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { functionEntries, LAMBDA_BUNDLE_OPTIONS } from '../infra/local/src/lambda-bundle';
import { REPO_ROOT } from '../infra/local/src/repo-root';
import { type Section, table } from './report';
import { result } from './stats';

/**
 * Every function in the registry plus the authorizer, bundled with the
 * settings of `npm run build` (infra/local/src/lambda-bundle.ts, which the
 * CDK construct mirrors). Written under node_modules/.cache so the cold-start
 * benchmark can run them: Node resolves the external @aws-sdk/* packages from
 * the repo's node_modules there, as the Lambda runtime provides them in AWS.
 */
export const BUNDLE_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'halooid-bench');
export const EMPTY_HANDLER = 'empty-handler';
export const SDK_HANDLER = 'sdk-only-handler';
const REFERENCES = [EMPTY_HANDLER, SDK_HANDLER];
const LIMIT_KB = 400;

export interface Bundle {
  name: string;
  file: string;
  bytes: number;
  gzip: number;
  /** The three packages that weigh most in the bundle (minified KB). */
  heaviest: string;
}

/** `node_modules/@scope/name/…` → `@scope/name`; our own sources → `(halooid)`. */
export function packageOf(input: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match?.[1] ?? '(halooid)';
}

export async function buildBundles(): Promise<Bundle[]> {
  await rm(BUNDLE_DIR, { recursive: true, force: true });
  const entries = [
    ...functionEntries(),
    { name: EMPTY_HANDLER, entry: path.join(REPO_ROOT, 'bench', 'fixtures', 'empty-handler.ts') },
    { name: SDK_HANDLER, entry: path.join(REPO_ROOT, 'bench', 'fixtures', 'sdk-handler.ts') },
  ];
  const bundles: Bundle[] = [];
  for (const { name, entry } of entries) {
    const file = path.join(BUNDLE_DIR, name, 'index.mjs');
    await mkdir(path.dirname(file), { recursive: true });
    const output = await build({
      ...LAMBDA_BUNDLE_OPTIONS,
      entryPoints: [entry],
      outfile: file,
      write: false,
      logLevel: 'error',
      metafile: true,
    });
    const code = output.outputFiles.find((out) => out.path.endsWith('.mjs'));
    if (!code) throw new Error(`esbuild produced no bundle for ${name}`);
    for (const out of output.outputFiles) await writeFile(out.path, out.contents);
    const byPackage = new Map<string, number>();
    for (const meta of Object.values(output.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(meta.inputs)) {
        byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
      }
    }
    const heaviest = [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([pkg, bytes]) => `${pkg} ${(bytes / 1024).toFixed(0)}`)
      .join(', ');
    bundles.push({
      name,
      file,
      bytes: code.contents.byteLength,
      gzip: gzipSync(code.contents).byteLength,
      heaviest,
    });
  }
  return bundles;
}

export function bundleSection(bundles: readonly Bundle[], seconds: number): Section {
  const functions = bundles.filter((bundle) => !REFERENCES.includes(bundle.name));
  return {
    key: 'bundle',
    title: 'Bundle sizes',
    conditions: [
      'esbuild with the settings of npm run build and the CDK construct: ESM, node22, minified, tree-shaken, @aws-sdk/* external (the runtime ships it)',
      `goal: every bundle ≤ ${LIMIT_KB} KB minified (1 KB = 1,024 bytes)`,
    ],
    body: [
      table(
        ['function bundle', 'minified', 'gzip', `≤ ${LIMIT_KB} KB`, 'heaviest packages (KB)'],
        bundles.map(({ name, bytes, gzip, heaviest }) => [
          name,
          `${(bytes / 1024).toFixed(1)} KB`,
          `${(gzip / 1024).toFixed(1)} KB`,
          REFERENCES.includes(name) ? '' : bytes / 1024 <= LIMIT_KB ? 'yes' : 'NO',
          heaviest,
        ]),
      ),
    ],
    results: functions.map(({ name, bytes }) =>
      result(`bundle.${name}`, 'KB', bytes / 1024, {
        goal: `≤ ${LIMIT_KB} KB minified`,
        check: (_ratio, value) => value <= LIMIT_KB,
      }),
    ),
    seconds,
  };
}
