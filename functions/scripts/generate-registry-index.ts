import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EVENT_CATALOGS, SERVICES } from '../registry';
import { buildRegistryIndex, renderRegistryIndex } from './build-registry-index';

/** `npm run generate`: writes functions/registry-index.generated.ts from the manifests and catalogs. */
const target = fileURLToPath(new URL('../registry-index.generated.ts', import.meta.url));
writeFileSync(target, renderRegistryIndex(buildRegistryIndex(SERVICES, EVENT_CATALOGS)));
execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'inherit' });
console.log(`Wrote ${target}`);
