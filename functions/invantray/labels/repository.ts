import type { Tx } from '@halooid/shared/db/transaction';

/** What an item label prints: its name, SKU and first barcode (the oldest), if any. */
export async function selectItemLabelFacts(
  tx: Tx,
  tenantId: string,
  itemId: string,
): Promise<{ sku: string; name: string; barcode: string | null } | undefined> {
  const { rows } = await tx.query<{ sku: string; name: string; barcode: string | null }>(
    `select i.sku, i.name,
            (select b.code from invantray.barcodes b
              where b.tenant_id = i.tenant_id and b.item_id = i.id
              order by b.created_at, b.code limit 1) as barcode
       from invantray.items i
      where i.tenant_id = $1 and i.id = $2`,
    [tenantId, itemId],
  );
  return rows[0];
}
