/**
 * Invantray's sections: the tabs of its frame and the entries in the command
 * palette, stock side first, then purchasing. A section shows only with the
 * permission its first API call needs (a 403 otherwise).
 */
export type SectionId =
  | 'items'
  | 'warehouses'
  | 'stock'
  | 'counts'
  | 'valuation'
  | 'suppliers'
  | 'requisitions'
  | 'purchase-orders'
  | 'reorder'
  | 'settings';

export interface Section {
  id: SectionId;
  label: string;
  href: string;
  command: string;
  keywords: string;
  group: 'stock' | 'procurement';
}

type Spec = Omit<Section, 'href'> & { anyOf: string[] };

const SPECS: Spec[] = [
  {
    id: 'items',
    label: 'Items',
    command: 'Items',
    keywords: 'inventory sku products barcode',
    group: 'stock',
    anyOf: ['invantray:item:read'],
  },
  {
    id: 'warehouses',
    label: 'Warehouses',
    command: 'Warehouses and locations',
    keywords: 'inventory bins locations labels',
    group: 'stock',
    anyOf: ['invantray:warehouse:read'],
  },
  {
    id: 'stock',
    label: 'Stock',
    command: 'Stock on hand',
    keywords: 'inventory balances on hand moves',
    group: 'stock',
    anyOf: ['invantray:stock:read'],
  },
  {
    id: 'counts',
    label: 'Counts',
    command: 'Cycle counts',
    keywords: 'inventory stocktake count variance',
    group: 'stock',
    anyOf: ['invantray:stock:count', 'invantray:stock:adjust'],
  },
  {
    id: 'valuation',
    label: 'Valuation',
    command: 'Stock value report',
    keywords: 'inventory value cost report csv',
    group: 'stock',
    anyOf: ['invantray:valuation:read'],
  },
  {
    id: 'suppliers',
    label: 'Suppliers',
    command: 'Suppliers',
    keywords: 'purchasing vendors prices',
    group: 'procurement',
    anyOf: ['invantray:supplier:read'],
  },
  {
    id: 'requisitions',
    label: 'Requisitions',
    command: 'Purchase requisitions',
    keywords: 'purchasing request',
    group: 'procurement',
    anyOf: ['invantray:procurement:request', 'invantray:procurement:read'],
  },
  {
    id: 'purchase-orders',
    label: 'Purchase orders',
    command: 'Purchase orders',
    keywords: 'purchasing po approve receive',
    group: 'procurement',
    anyOf: ['invantray:procurement:read'],
  },
  {
    id: 'reorder',
    label: 'Reorder',
    command: 'Reorder suggestions',
    keywords: 'purchasing below reorder point',
    group: 'procurement',
    anyOf: ['invantray:procurement:read'],
  },
  {
    id: 'settings',
    label: 'Settings',
    command: 'Inventory settings',
    keywords: 'invantray approval thresholds tolerances currency',
    group: 'procurement',
    anyOf: ['invantray:settings:read'],
  },
];

/**
 * The sections this user may open, among those the app has screens for
 * (`available`: the route folders under routes/t/[slug]/invantray).
 */
export function invantraySections(
  base: string,
  can: (permission: string) => boolean,
  available: ReadonlySet<string>,
): Section[] {
  return SPECS.filter(
    (spec) => available.has(spec.id) && spec.anyOf.some((permission) => can(permission)),
  ).map(({ anyOf: _, ...spec }) => ({ ...spec, href: `${base}/${spec.id}` }));
}

/** The section a path belongs to (undefined on the home page). */
export function currentSection(sections: readonly Section[], pathname: string): SectionId | undefined {
  return sections.find((section) => pathname === section.href || pathname.startsWith(`${section.href}/`))?.id;
}

/** The section folders that exist, from the route files Vite sees (a section lands with its screen). */
export function sectionsFromRoutes(paths: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const path of paths) {
    const match = /\/([a-z-]+)\/\+page\.svelte$/.exec(path);
    if (match?.[1]) found.add(match[1]);
  }
  return found;
}
