import type { TemplateFile } from './capability-templates';
import { type CapabilityNames, camelCase } from './names';

/**
 * The files that make a folder a product: its manifest (product.ts, found by
 * `npm run generate`), its event catalog and its domain/ folder. The first
 * capability and its migration come from capability-templates.ts.
 */
export function productFiles(first: CapabilityNames, displayName: string): TemplateFile[] {
  const dir = `functions/${first.product}`;
  return [
    { path: `${dir}/product.ts`, text: productManifest(first, displayName) },
    { path: `${dir}/events.ts`, text: events(first.product, displayName) },
    { path: `${dir}/domain/README.md`, text: domainReadme(first.product, displayName) },
  ];
}

/** `zz-demo` → `Zz Demo`: a placeholder the author replaces with the product's real name. */
export function defaultDisplayName(product: string): string {
  return product
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export function eventsExportName(product: string): string {
  return `${camelCase(product)}Events`;
}

function productManifest(first: CapabilityNames, displayName: string): string {
  const key = first.product;
  return `import { defineProduct } from '@halooid/shared/product';
import { ${first.camel}Service } from './${first.capability}/service';
import { ${eventsExportName(key)} } from './events';

/**
 * ${displayName}. Scaffolded by \`npm run new\`: this file is the product's one
 * declaration. \`npm run generate\` finds it (functions/<key>/product.ts), and the
 * registry, CDK, the local runtime, OpenAPI, RBAC and the web shell read it.
 */
export const ${camelCase(key)}Product = defineProduct({
  key: '${key}',
  displayName: ${JSON.stringify(displayName)},
  description: 'Say in one line what ${displayName} is for.',
  capabilities: [${first.camel}Service],
  events: ${eventsExportName(key)},
  // Owner (\`*:*:*\`) and auditor (\`*:*:read\`) cover every product already. A grant
  // must match a permission some capability declares (functions/system-roles.test.ts).
  roleGrants: {
    admin: ['${key}:*:*'],
    member: ['${key}:*:read', '${key}:*:write'],
    viewer: ['${key}:*:read'],
  },
  web: { path: '/${key}', icon: '${key.charAt(0).toUpperCase()}', description: 'Say in one line what ${displayName} is for.' },
});
`;
}

function events(product: string, displayName: string): string {
  return `import { defineCatalog } from '@halooid/shared/events/catalog';

/**
 * ${displayName}'s event catalog: what other products, notifications and
 * webhooks may rely on, each \`<resource>.<verb>\` with a versioned zod schema
 * of its \`data\` (see functions/taskodex/events.ts). Empty until the product
 * publishes its first event; a breaking change to a schema is a new version,
 * never an edit.
 */
export const ${eventsExportName(product)} = defineCatalog('${product}', {});
`;
}

function domainReadme(product: string, displayName: string): string {
  return `# ${displayName} domain

Entities, rules and repositories that more than one ${product} capability
needs live here. Capabilities import \`../domain/…\`; a capability never imports
another capability (functions/slice-imports.test.ts fails when one does). Code that one
capability alone uses stays in that capability's folder.
`;
}
