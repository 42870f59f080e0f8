import type { PermissionDefinition } from '@halooid/shared/manifest';

export interface CatalogEntry {
  name: string;
  description: string;
  product: string;
}

/** Every permission declared by every capability, sorted by product then name. */
export function permissionCatalog(
  // A manifest or its entry in registry-index.generated.ts (no schemas needed).
  services: readonly { product: string; permissions: readonly PermissionDefinition[] }[],
): CatalogEntry[] {
  return services
    .flatMap((service) =>
      service.permissions.map((permission) => ({ ...permission, product: service.product })),
    )
    .sort((a, b) => a.product.localeCompare(b.product) || a.name.localeCompare(b.name));
}
