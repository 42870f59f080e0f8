import type { Tx } from '@halooid/shared/db/transaction';
import * as z from 'zod';

/**
 * The route the kernel benchmark implements three ways: a 10-field JSON body
 * validated with zod, one row written, the row returned; and a GET by id.
 * Schema and SQL are shared, so only the framework around them differs.
 */
export const ItemBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  sku: z.string().regex(/^[A-Z0-9-]{3,32}$/),
  description: z.string().max(5_000),
  quantity: z.number().int().min(0),
  price: z.number().min(0).max(1_000_000),
  active: z.boolean(),
  category: z.enum(['hardware', 'software', 'service']),
  tags: z.array(z.string().min(1).max(30)).max(10),
  dueDate: z.iso.date().nullable(),
  rating: z.number().int().min(1).max(5),
});
export type ItemBody = z.output<typeof ItemBody>;

export const Item = ItemBody.extend({ id: z.uuid(), createdAt: z.iso.datetime() });
export type Item = z.output<typeof Item>;
export const ItemParams = z.strictObject({ itemId: z.uuid() });

export const SAMPLE_ITEM: ItemBody = {
  name: 'Cordless drill',
  sku: 'DRL-2040-X',
  description: 'An 18 V drill with two batteries and a case.',
  quantity: 12,
  price: 129.5,
  active: true,
  category: 'hardware',
  tags: ['tools', 'power'],
  dueDate: '2026-12-31',
  rating: 4,
};

/** Owner-run DDL: the table follows the platform's tenant-table pattern (tenant-leading key, forced RLS). */
export const ITEMS_DDL = `
  create schema if not exists bench;
  grant usage on schema bench to halooid_app;
  create table if not exists bench.items (
    tenant_id uuid not null,
    id uuid not null,
    name text not null,
    sku text not null,
    description text not null,
    quantity integer not null,
    price numeric(12, 2) not null,
    active boolean not null,
    category text not null,
    tags text[] not null,
    due_date date,
    rating smallint not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id)
  );
  alter table bench.items enable row level security;
  alter table bench.items force row level security;
  drop policy if exists tenant_isolation on bench.items;
  create policy tenant_isolation on bench.items
    using (tenant_id = platform.current_tenant_id())
    with check (tenant_id = platform.current_tenant_id());
  grant select, insert on bench.items to halooid_app;
`;

const COLUMNS =
  'id, name, sku, description, quantity, price::float8 as price, active, category, tags, due_date, rating, created_at';

interface ItemRow {
  id: string;
  name: string;
  sku: string;
  description: string;
  quantity: number;
  price: number;
  active: boolean;
  category: ItemBody['category'];
  tags: string[];
  due_date: string | null;
  rating: number;
  created_at: Date;
}

function toItem(row: ItemRow): Item {
  return {
    id: row.id,
    name: row.name,
    sku: row.sku,
    description: row.description,
    quantity: row.quantity,
    price: row.price,
    active: row.active,
    category: row.category,
    tags: row.tags,
    dueDate: row.due_date,
    rating: row.rating,
    createdAt: row.created_at.toISOString(),
  };
}

export const SELECT_ITEM = `select ${COLUMNS} from bench.items where tenant_id = $1 and id = $2`;

export async function insertItem(tx: Tx, tenantId: string, id: string, item: ItemBody): Promise<Item> {
  const { rows } = await tx.query<ItemRow>(
    `insert into bench.items
       (tenant_id, id, name, sku, description, quantity, price, active, category, tags, due_date, rating)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     returning ${COLUMNS}`,
    [
      tenantId,
      id,
      item.name,
      item.sku,
      item.description,
      item.quantity,
      item.price,
      item.active,
      item.category,
      item.tags,
      item.dueDate,
      item.rating,
    ],
  );
  return toItem(rows[0] as ItemRow);
}

export async function findItem(tx: Tx, tenantId: string, id: string): Promise<Item | undefined> {
  const { rows } = await tx.query<ItemRow>(SELECT_ITEM, [tenantId, id]);
  return rows[0] ? toItem(rows[0]) : undefined;
}
