import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'cdk.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No cdk.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The repository root (where cdk.json and package-lock.json live): the bundling project root. */
export const REPO_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const FUNCTIONS_DIR = path.join(REPO_ROOT, 'functions');
export const LOCK_FILE = path.join(REPO_ROOT, 'package-lock.json');
