import { createHttpHandler } from '@halooid/shared/http/adapter';
import { adjustBalance } from './adjust-balance';
import { getBalances } from './get-balances';
import { getLedger } from './get-ledger';
import { balancesService } from './service';

/** Thin: the adapter has validated the input; each route runs one use case in the caller's tenant. */
export const handler = createHttpHandler(balancesService, {
  listEmployeeBalances: async ({ params, inTenant }) => ({
    body: await inTenant((deps) => getBalances(params.employeeId, deps)),
  }),
  listLedgerEntries: async ({ params, query, inTenant }) => ({
    body: await inTenant((deps) => getLedger(params.employeeId, params.leaveTypeId, query, deps)),
  }),
  adjustBalance: async ({ params, body, inTenant }) => ({
    body: await inTenant((deps) => adjustBalance(params.employeeId, params.leaveTypeId, body, deps)),
  }),
});
