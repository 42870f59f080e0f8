import { dataKeyring } from '@halooid/shared/crypto/data-keys';
import { open, seal } from '@halooid/shared/crypto/secret-box';

/**
 * The sealed fields of Qultrix rows and the AAD of each: purpose, tenant,
 * employee and row, so a value copied to another row, employee or tenant (or
 * from salary to national id) fails to open instead of showing wrong data.
 */
export type SealedField = 'compensation.salary' | 'identifiers.national-id' | 'identifiers.bank-account';

export interface SealedRowKey {
  tenantId: string;
  employeeId: string;
  rowId: string;
}

const contextOf = (field: SealedField, row: SealedRowKey) => [
  `qultrix.${field}`,
  row.tenantId,
  row.employeeId,
  row.rowId,
];

export async function sealField(field: SealedField, row: SealedRowKey, plaintext: string): Promise<string> {
  return seal(await dataKeyring(), plaintext, contextOf(field, row));
}

export async function openField(field: SealedField, row: SealedRowKey, sealed: string): Promise<string> {
  return open(await dataKeyring(), sealed, contextOf(field, row));
}
