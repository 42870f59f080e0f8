import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './repo-root';

const WEB = path.join(REPO_ROOT, 'web');
/** What the web build reads: a change to any of these means a rebuild. */
const INPUTS = [
  'src',
  'static',
  'scripts',
  'svelte.config.js',
  'vite.config.ts',
  'package.json',
  'tsconfig.json',
];
/** The generated API types change no JavaScript; they must not force a rebuild. */
const IGNORED = new Set([path.join('src', 'lib', 'api', 'schema.d.ts')]);
const STAMP = path.join(WEB, '.svelte-kit', 'halooid-build-stamp');

export interface WebBuildResult {
  status: 'fresh' | 'built' | 'failed' | 'skipped';
  seconds?: number;
  output?: string;
}

/**
 * `npm run dev` serves web/build. Rebuild it only when its sources changed
 * since the last build (a fingerprint of paths, sizes and mtimes), so a
 * restart without web changes costs nothing. A failed build is reported and
 * the previous build (or the landing page) keeps being served.
 */
export async function ensureWebBuild(options: { force?: boolean } = {}): Promise<WebBuildResult> {
  const exists = await stat(WEB).catch(() => undefined);
  if (!exists?.isDirectory()) return { status: 'skipped' };
  const fingerprint = await fingerprintOf(WEB);
  const previous = await readFile(STAMP, 'utf8').catch(() => '');
  const built = await stat(path.join(WEB, 'build', 'index.html')).catch(() => undefined);
  if (!options.force && built && previous === fingerprint) return { status: 'fresh' };

  const started = performance.now();
  const { code, output } = await run('npm', ['run', 'build', '--workspace', 'web'], REPO_ROOT);
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  if (code !== 0) return { status: 'failed', seconds, output };
  await writeFile(STAMP, fingerprint);
  return { status: 'built', seconds, output };
}

/** A hash of the web app's inputs: paths, sizes and modification times. */
export async function fingerprintOf(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const input of INPUTS) await addTree(hash, root, path.join(root, input));
  return hash.digest('hex');
}

async function addTree(hash: ReturnType<typeof createHash>, root: string, target: string): Promise<void> {
  const info = await stat(target).catch(() => undefined);
  const relative = path.relative(root, target);
  if (!info || IGNORED.has(relative)) return;
  if (info.isDirectory()) {
    const entries = (await readdir(target)).sort();
    for (const entry of entries) await addTree(hash, root, path.join(target, entry));
    return;
  }
  hash.update(`${relative}\0${info.size}\0${info.mtimeMs}\n`);
}

function run(command: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}
