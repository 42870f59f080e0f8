import type { Tx } from '@halooid/shared/db/transaction';
import type { EmployeeNumbering } from '../domain/employee-schemas';

/** SQL for qultrix.settings, the tenant's numbering row (made by the first employee or the first change). */
interface SettingsRow {
  number_prefix: string;
  number_digits: number;
  next_number: number;
}

const toNumbering = (row: SettingsRow): EmployeeNumbering => ({
  prefix: row.number_prefix,
  digits: row.number_digits,
  nextNumber: row.next_number,
});

/** The column defaults, for a tenant that has no row yet. */
const DEFAULT: EmployeeNumbering = { prefix: 'EMP-', digits: 4, nextNumber: 1 };

export async function selectNumbering(tx: Tx, tenantId: string): Promise<EmployeeNumbering> {
  const { rows } = await tx.query<SettingsRow>(
    'select number_prefix, number_digits, next_number from qultrix.settings where tenant_id = $1',
    [tenantId],
  );
  return rows[0] ? toNumbering(rows[0]) : DEFAULT;
}

/** Sets the format; the counter is untouched, so numbers already issued stay and are never reissued. */
export async function upsertNumbering(
  tx: Tx,
  tenantId: string,
  format: { prefix: string; digits: number },
): Promise<EmployeeNumbering> {
  const { rows } = await tx.query<SettingsRow>(
    `insert into qultrix.settings as s (tenant_id, number_prefix, number_digits) values ($1, $2, $3)
       on conflict (tenant_id) do update set number_prefix = excluded.number_prefix, number_digits = excluded.number_digits
     returning number_prefix, number_digits, next_number`,
    [tenantId, format.prefix, format.digits],
  );
  return toNumbering(rows[0] as SettingsRow);
}
