import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  catalogExportName,
  notificationRulesOf,
  renderEventIndex,
  renderNotificationRules,
} from './build-event-index';
import { buildRegistryIndex, renderRegistryIndex } from './build-registry-index';
import { discoverProductKeys, renderProductList, renderWebProductList } from './product-list';

/**
 * `npm run generate`: writes functions/products.generated.ts from the product
 * folders, then functions/registry-index.generated.ts from their manifests and
 * catalogs (the registry is imported only after the product list is fresh),
 * and web/src/lib/products.generated.ts for the web shell.
 */
const functionsDir = fileURLToPath(new URL('..', import.meta.url));
const productList = fileURLToPath(new URL('../products.generated.ts', import.meta.url));
writeFileSync(productList, renderProductList(discoverProductKeys(functionsDir)));
console.log(`Wrote ${productList}`);

const { EVENT_CATALOGS, PRODUCTS, SERVICES } = await import('../registry');
const target = fileURLToPath(new URL('../registry-index.generated.ts', import.meta.url));
writeFileSync(target, renderRegistryIndex(buildRegistryIndex(SERVICES, EVENT_CATALOGS, PRODUCTS)));
execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'inherit' });
console.log(`Wrote ${target}`);

const web = fileURLToPath(new URL('../../web/src/lib/products.generated.ts', import.meta.url));
writeFileSync(
  web,
  renderWebProductList(
    PRODUCTS.map((product) => ({
      ...product,
      alwaysEnabled: product.alwaysEnabled === true,
      web: product.web ?? null,
    })),
  ),
);
execFileSync('npx', ['biome', 'format', '--write', web], { stdio: 'inherit' });
console.log(`Wrote ${web}`);

// The subscribers' schema-free path: catalogs and notification rules (build-event-index.ts).
const rules = notificationRulesOf(PRODUCTS, functionsDir);
const catalogs = [];
for (const product of PRODUCTS)
  if (product.events)
    catalogs.push({
      product: product.key,
      exportName: await catalogExportName({ ...product, events: product.events }, functionsDir),
    });
const ruleData = fileURLToPath(new URL('../notification-rules.generated.ts', import.meta.url));
const eventIndex = fileURLToPath(new URL('../event-index.generated.ts', import.meta.url));
writeFileSync(ruleData, renderNotificationRules(rules));
writeFileSync(eventIndex, renderEventIndex(catalogs, rules));
execFileSync('npx', ['biome', 'check', '--write', ruleData, eventIndex], { stdio: 'inherit' });
console.log(`Wrote ${ruleData} and ${eventIndex}`);
