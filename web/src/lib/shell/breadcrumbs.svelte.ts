/**
 * The top bar's breadcrumbs. A screen sets its trail while mounted:
 *
 *   $effect(() => setBreadcrumbs([{ label: 'Taskodex', href: `/t/${slug}/taskodex` }, { label: project.name }]));
 *
 * Without one the shell shows the tenant name only.
 */
export interface Crumb {
  label: string;
  href?: string;
}

class Breadcrumbs {
  trail: Crumb[] = $state([]);
  owner = 0;
}

export const breadcrumbs = new Breadcrumbs();
let nextOwner = 1;

export function setBreadcrumbs(trail: Crumb[]): () => void {
  const owner = nextOwner++;
  breadcrumbs.trail = trail;
  breadcrumbs.owner = owner;
  return () => {
    if (breadcrumbs.owner === owner) breadcrumbs.trail = [];
  };
}
