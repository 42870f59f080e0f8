import type { Tx } from '@halooid/shared/db/transaction';

/** Does `available` cover `amount`? Compared as numeric in Postgres: decimal strings never become JS floats. */
export async function covers(tx: Tx, available: string, amount: string): Promise<boolean> {
  const { rows } = await tx.query<{ covers: boolean }>('select $1::numeric >= $2::numeric as covers', [
    available,
    amount,
  ]);
  return rows[0]?.covers === true;
}
