import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { addMember, provisionTenant, upsertUser } from '@halooid/functions/platform/domain/provision-tenant';
import { PRODUCTS } from '@halooid/functions/registry';
import type { Tx } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';
import type { DemoSeeder, ProductManifest } from '@halooid/shared/product';
import { DEMO_TENANTS, type DemoTenant } from './demo-data';

export interface SeedDeps {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  password: string;
  /** A transaction able to write every tenant: the seed is a platform job, not a request. */
  systemTransaction: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
}

/**
 * Seeds the demo tenants once. Cognito users are ensured on every start (their
 * password follows HALOOID_DEMO_PASSWORD); tenants and tasks are written only
 * when the tenant does not exist yet, so a developer's changes survive restarts.
 */
export async function seedDemoData(
  deps: SeedDeps,
  products: readonly ProductManifest[] = PRODUCTS,
): Promise<{ created: string[] }> {
  const created: string[] = [];
  const seeders = await demoSeeders(products);
  for (const tenant of DEMO_TENANTS) {
    const userIds = new Map<string, string>();
    for (const user of tenant.users)
      userIds.set(user.email, await ensureCognitoUser(deps, user.email, user.name));
    const exists = await deps.systemTransaction(async (tx) => {
      const { rowCount } = await tx.query('select 1 from platform.tenants where slug = $1', [tenant.slug]);
      return (rowCount ?? 0) > 0;
    });
    if (exists) continue;
    await deps.systemTransaction((tx) => writeTenant(tx, tenant, userIds, seeders));
    created.push(tenant.slug);
  }
  return { created };
}

/** Each product's demo seeder (its product.ts `demoSeed`), in product-list order. */
async function demoSeeders(
  products: readonly ProductManifest[],
): Promise<{ key: string; seed: DemoSeeder }[]> {
  const seeders: { key: string; seed: DemoSeeder }[] = [];
  for (const product of products) {
    if (!product.demoSeed) continue;
    const module = (await import(
      `@halooid/functions/${product.key}/${product.demoSeed.replace(/\.ts$/, '')}`
    )) as { seedDemo?: DemoSeeder };
    if (!module.seedDemo) throw new Error(`${product.key}: ${product.demoSeed} exports no seedDemo`);
    seeders.push({ key: product.key, seed: module.seedDemo });
  }
  return seeders;
}

/** The platform's part (the tenant, its tier, roles and members), then every product's demo data. */
async function writeTenant(
  tx: Tx,
  tenant: DemoTenant,
  userIds: Map<string, string>,
  seeders: readonly { seed: DemoSeeder }[],
): Promise<void> {
  const id = (email: string) => userIds.get(email) as string;
  const [owner, ...others] = tenant.users;
  if (!owner) throw new Error(`Demo tenant ${tenant.slug} has no users`);
  const tenantId = uuidv7();
  const roles = await provisionTenant(
    tx,
    {
      id: tenantId,
      name: tenant.name,
      slug: tenant.slug,
      owner: { id: id(owner.email), email: owner.email, name: owner.name },
    },
    uuidv7,
  );
  await tx.query('update platform.tenants set tier = $2 where id = $1', [tenantId, tenant.tier]);
  for (const user of others) {
    await upsertUser(tx, { id: id(user.email), email: user.email, name: user.name });
    await addMember(tx, tenantId, id(user.email), [roles.get(user.role) as string]);
  }
  const users = tenant.users.map((user) => ({ ...user, id: id(user.email) }));
  for (const { seed } of seeders) await seed(tx, { tenantId, slug: tenant.slug, users });
}

/** Creates (or finds) a confirmed Cognito user with the demo password; returns its `sub`. */
export async function ensureCognitoUser(
  deps: Pick<SeedDeps, 'cognito' | 'userPoolId' | 'password'>,
  email: string,
  name: string,
): Promise<string> {
  const { cognito, userPoolId } = deps;
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: name },
        ],
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'UsernameExistsException') throw error;
  }
  await cognito.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: userPoolId,
      Username: email,
      Password: deps.password,
      Permanent: true,
    }),
  );
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  const sub = user.UserAttributes?.find((attribute) => attribute.Name === 'sub')?.Value;
  if (!sub) throw new Error(`Cognito returned no sub for ${email}`);
  return sub;
}
