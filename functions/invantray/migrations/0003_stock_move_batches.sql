-- A posted batch is read back by its id (the answer to POST /stock/moves, the
-- ledger's `batchId` filter, the audit trail's target). Without this index that
-- read scanned the tenant's whole ledger: seconds per move at 10M moves.
create index stock_moves_batch_idx on invantray.stock_moves (tenant_id, batch_id);
