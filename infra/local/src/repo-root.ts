import { fileURLToPath } from 'node:url';

/** The repository root, for finding functions/, web/build and the default data dir. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
