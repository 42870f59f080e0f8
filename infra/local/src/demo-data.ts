import type { SystemRoleKey } from '@halooid/shared/auth/system-roles';

export interface DemoUser {
  email: string;
  name: string;
  role: SystemRoleKey;
}

/** A demo tenant and its people; each product's demo seeder (its product.ts `demoSeed`) fills it. */
export interface DemoTenant {
  slug: string;
  name: string;
  tier: 'free' | 'pro' | 'enterprise';
  users: DemoUser[];
}

export const DEFAULT_DEMO_PASSWORD = 'Halooid-demo-1';

/**
 * The demo tenants `npm run dev` creates: every system role in Acme, a second
 * tenant to show isolation. Maya Member belongs to both, so the tenant switcher
 * can be tried straight away (her Globex project and tasks differ from Acme's).
 */
export const DEMO_TENANTS: readonly DemoTenant[] = [
  {
    slug: 'acme',
    name: 'Acme',
    tier: 'pro',
    users: [
      { email: 'owner@acme.example', name: 'Olivia Owner', role: 'owner' },
      { email: 'admin@acme.example', name: 'Adam Admin', role: 'admin' },
      { email: 'member@acme.example', name: 'Maya Member', role: 'member' },
      { email: 'viewer@acme.example', name: 'Victor Viewer', role: 'viewer' },
      // Qultrix: HR runs it; an Employee sees their own record and requests time off.
      { email: 'hr@acme.example', name: 'Hana Hughes', role: 'hr_manager' },
      { email: 'employee@acme.example', name: 'Ethan Employee', role: 'employee' },
      // CustomerConnect: two Sales Reps; Sofia manages the team both are in (demo data makes the team).
      { email: 'sales@acme.example', name: 'Sofia Sales', role: 'sales_rep' },
      { email: 'rep@acme.example', name: 'Ravi Rep', role: 'sales_rep' },
      // Invantray: the warehouse receives, moves and counts; the buyer orders and approves.
      { email: 'warehouse@acme.example', name: 'Wanda Ware', role: 'warehouse_manager' },
      { email: 'buyer@acme.example', name: 'Pablo Purchase', role: 'procurement_officer' },
    ],
  },
  {
    slug: 'globex',
    name: 'Globex',
    tier: 'free',
    users: [
      { email: 'owner@globex.example', name: 'Grace Owner', role: 'owner' },
      // The same person as in Acme (one account, two tenants).
      { email: 'member@acme.example', name: 'Maya Member', role: 'member' },
    ],
  },
];

/**
 * The local platform operator (the /v1/operator/* console), in the pool's
 * operators group with TOTP enrolled; its secret is printed at start
 * (demo-operator.ts). Belongs to no tenant.
 */
export const DEMO_OPERATOR = { email: 'operator@halooid.example', name: 'Otto Operator' } as const;
