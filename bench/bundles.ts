import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { eagerChunks, functionEntries, LAMBDA_BUNDLE_OPTIONS } from '../infra/local/src/lambda-bundle';
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
  /** What a cold start reads: the entry plus the chunks it imports statically. */
  bytes: number;
  gzip: number;
  /** Chunks reached only through a dynamic import() (e.g. the Redis client): loaded on first use, if ever. */
  lazyBytes: number;
  /** The three packages that weigh most in what a cold start reads (minified KB). */
  heaviest: string;
  /** The packages of the lazy chunks. */
  lazyPackages: string;
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
    const outdir = path.join(BUNDLE_DIR, name);
    const file = path.join(outdir, 'index.mjs');
    await mkdir(outdir, { recursive: true });
    const output = await build({
      ...LAMBDA_BUNDLE_OPTIONS,
      entryPoints: [entry],
      outdir,
      write: false,
      logLevel: 'error',
      metafile: true,
    });
    for (const out of output.outputFiles) {
      await mkdir(path.dirname(out.path), { recursive: true });
      await writeFile(out.path, out.contents);
    }
    const outputs = output.metafile.outputs;
    const eager = eagerChunks(output.metafile);
    const code = (keys: (key: string) => boolean) =>
      Buffer.concat(
        output.outputFiles
          .filter((out) => out.path.endsWith('.mjs') && keys(path.relative(process.cwd(), out.path)))
          .map((out) => out.contents),
      );
    const eagerCode = code((key) => eager.has(key));
    const lazyCode = code((key) => !eager.has(key));
    const packages = (keys: (key: string) => boolean) => {
      const byPackage = new Map<string, number>();
      for (const [key, meta] of Object.entries(outputs)) {
        if (!key.endsWith('.mjs') || !keys(key)) continue;
        for (const [input, { bytesInOutput }] of Object.entries(meta.inputs)) {
          byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytesInOutput);
        }
      }
      return [...byPackage]
        .sort((a, b) => b[1] - a[1])
        .filter(([, bytes]) => bytes >= 512)
        .slice(0, 3)
        .map(([pkg, bytes]) => `${pkg} ${(bytes / 1024).toFixed(0)}`)
        .join(', ');
    };
    bundles.push({
      name,
      file,
      bytes: eagerCode.byteLength,
      gzip: gzipSync(eagerCode).byteLength,
      lazyBytes: lazyCode.byteLength,
      heaviest: packages((key) => eager.has(key)),
      lazyPackages: packages((key) => !eager.has(key)),
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
      'esbuild with the settings of npm run build and the CDK construct (infra/local/src/lambda-bundle.ts): ESM, node22, minified, tree-shaken, code splitting, @aws-sdk/* external (the runtime ships it)',
      'minified and gzip: the entry plus the chunks it imports statically (what a cold start reads); lazy chunks are loaded by a dynamic import() on first use only (the Redis client, only with REDIS_URL)',
      `goal: every bundle ≤ ${LIMIT_KB} KB minified (1 KB = 1,024 bytes)`,
    ],
    body: [
      table(
        [
          'function bundle',
          'minified',
          'gzip',
          `≤ ${LIMIT_KB} KB`,
          'heaviest packages (KB)',
          'lazy chunks',
          'in lazy chunks (KB)',
        ],
        bundles.map(({ name, bytes, gzip, heaviest, lazyBytes, lazyPackages }) => [
          name,
          `${(bytes / 1024).toFixed(1)} KB`,
          `${(gzip / 1024).toFixed(1)} KB`,
          REFERENCES.includes(name) ? '' : bytes / 1024 <= LIMIT_KB ? 'yes' : 'NO',
          heaviest,
          lazyBytes ? `${(lazyBytes / 1024).toFixed(1)} KB` : '',
          lazyPackages,
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
