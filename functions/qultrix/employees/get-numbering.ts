import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { EmployeeNumbering } from '../domain/employee-schemas';
import { selectNumbering } from './numbering-repository';

export type GetNumberingDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** The tenant's employee-number format and the next sequence (the defaults before any employee). */
export function getNumbering(deps: GetNumberingDeps): Promise<EmployeeNumbering> {
  return selectNumbering(deps.tx, deps.principal.tenantId);
}
