import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throw-away copy of the repository's source (shared, functions, infra and
 * the web app's generator inputs) in which a test may scaffold, generate and
 * run without touching the real tree that other tests read. node_modules is
 * linked entry by entry to the real one, except the workspace packages
 * (`@halooid/*`), which point into the copy so that `@halooid/functions/registry`
 * there is the copy's registry.
 */
export interface RepoCopy {
  root: string;
  remove(): void;
}

const ROOT_FILES = [
  'package.json',
  'tsconfig.json',
  'biome.json',
  'cdk.json',
  'vitest.config.ts',
  '.spectral.yaml',
  '.gitignore',
];
const TREES = ['shared', 'functions', 'infra/local', 'infra/aws', 'web'];
/** Workspace package name → folder, as in the root package.json's workspaces. */
const WORKSPACES: Record<string, string> = {
  shared: 'shared',
  functions: 'functions',
  local: 'infra/local',
  aws: 'infra/aws',
  web: 'web',
};
/** Build output and data, never sources. (web/.svelte-kit stays: web/tsconfig.json extends its tsconfig.) */
const SKIPPED = new Set(['node_modules', 'cdk.out', 'dist', '.halooid', 'build', 'output']);

export function copyRepo(repoRoot: string): RepoCopy {
  const root = mkdtempSync(path.join(tmpdir(), 'halooid-scaffold-'));
  for (const file of ROOT_FILES) cpSync(path.join(repoRoot, file), path.join(root, file));
  for (const tree of TREES) {
    cpSync(path.join(repoRoot, tree), path.join(root, tree), {
      recursive: true,
      filter: (source) => !SKIPPED.has(path.basename(source)),
    });
    linkNodeModules(path.join(repoRoot, tree), path.join(root, tree));
  }
  const modules = path.join(root, 'node_modules');
  mkdirSync(path.join(modules, '@halooid'), { recursive: true });
  for (const entry of readdirSync(path.join(repoRoot, 'node_modules'))) {
    if (entry === '@halooid') continue;
    symlinkSync(path.join(repoRoot, 'node_modules', entry), path.join(modules, entry));
  }
  for (const [name, folder] of Object.entries(WORKSPACES)) {
    symlinkSync(path.join(root, folder), path.join(modules, '@halooid', name));
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A workspace's own node_modules (versions that differ from the root's) is linked, not copied. */
function linkNodeModules(from: string, to: string): void {
  const own = path.join(from, 'node_modules');
  if (existsSync(own)) symlinkSync(own, path.join(to, 'node_modules'));
}
