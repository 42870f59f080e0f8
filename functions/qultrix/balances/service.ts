import { pageOf } from '@halooid/shared/db/pagination';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import {
  Adjustment,
  AdjustmentBody,
  BalanceParams,
  EmployeeBalances,
  LedgerEntry,
  LedgerParams,
  LedgerQuery,
} from './schemas';

const path = '/v1/qultrix/employees/{employeeId}/balances';

/**
 * Leave balances: sums of an append-only ledger, never a stored number. The
 * employee, their managers (direct and indirect) and time-off admins read
 * them; anyone else gets 404, as for an employee that does not exist.
 */
export const balancesService = defineService({
  product: 'qultrix',
  capability: 'balances',
  description: 'Leave balances per employee and leave type, the ledger behind them, and HR adjustments.',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [],
  routes: [
    defineRoute({
      operationId: 'listEmployeeBalances',
      method: 'GET',
      path,
      permission: 'qultrix:time-off:request',
      summary: 'An employee’s leave balances',
      description:
        'Per balance-tracking leave type: `balance` (sum of the ledger), `pending` (requests awaiting approval) and `available` (balance − pending), exact decimal strings.',
      params: BalanceParams,
      response: EmployeeBalances,
    }),
    defineRoute({
      operationId: 'listLedgerEntries',
      method: 'GET',
      path: `${path}/{leaveTypeId}/ledger`,
      permission: 'qultrix:time-off:request',
      summary: 'The ledger behind a balance',
      description:
        'Accruals, taken leave, adjustments, carry-over, expiry and reversals, newest first, a page at a time.',
      params: LedgerParams,
      query: LedgerQuery,
      response: pageOf(LedgerEntry),
    }),
    defineRoute({
      operationId: 'adjustBalance',
      method: 'POST',
      path: `${path}/{leaveTypeId}/adjustments`,
      permission: 'qultrix:time-off:admin',
      summary: 'Adjust a balance',
      description:
        'Adds a signed `adjustment` row effective today (audited). Leaving less than nothing available is a 422 `balance_would_go_negative` unless `allowNegative` is true.',
      params: LedgerParams,
      body: AdjustmentBody,
      status: 201,
      response: Adjustment,
    }),
  ],
});
