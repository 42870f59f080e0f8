import { pageOf } from '@halooid/shared/db/pagination';
import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { ORDER } from './caller';
import {
  ApproveRequisitionBody,
  CreateRequisitionBody,
  ListRequisitionsQuery,
  OrderRequisitionBody,
  OrderRequisitionResult,
  RejectRequisitionBody,
  Requisition,
  RequisitionParams,
  RequisitionSummary,
  UpdateRequisitionBody,
} from './schemas';

const REQUEST = 'invantray:procurement:request';
const SEEN =
  'Without `invantray:procurement:read` you see only the requisitions you asked for; any other is a 404.';
const ANSWER = 'Answers the requisition as GET does, with the actions you may take next.';
const FROM = (statuses: string) =>
  `Only from ${statuses}; any other status is a 409 \`invalid_transition\` (with \`currentStatus\` and \`action\`). ${ANSWER}`;

/**
 * Purchase requisitions: anyone with `procurement:request` asks for items
 * (draft → submitted); a buyer (`procurement:order`, declared by the
 * purchase-orders capability) approves or rejects — never their own — and
 * turns approved ones into draft purchase orders grouped by supplier. Seeing
 * everyone's is `procurement:read` (also declared there); without it a
 * requester sees their own, enforced in SQL.
 */
export const requisitionsService = defineService({
  product: 'invantray',
  capability: 'requisitions',
  description: 'Purchase requisitions: ask, submit, approve or reject, and order as draft purchase orders.',
  resources: { database: true, tables: ['idempotency'] },
  emits: [
    { type: 'requisition.submitted' },
    { type: 'requisition.decided' },
    { type: 'purchase-order.created' },
  ],
  permissions: [
    {
      name: REQUEST,
      description: 'Ask for items through purchase requisitions, and change, submit and cancel your own.',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'listRequisitions',
      method: 'GET',
      path: '/v1/invantray/requisitions',
      permission: REQUEST,
      summary: 'List requisitions',
      description: `Newest first unless \`sort\` says otherwise, a page at a time. ${SEEN}`,
      query: ListRequisitionsQuery,
      response: pageOf(RequisitionSummary),
    }),
    defineRoute({
      operationId: 'createRequisition',
      method: 'POST',
      path: '/v1/invantray/requisitions',
      permission: REQUEST,
      summary: 'Ask for items',
      description:
        'A draft requisition numbered REQ-00001…, yours. Each line’s quantity is converted to the item’s base unit (`unit` names another of its units, such as box); unknown items, units or suppliers are one 422 `invalid_lines` naming each field, an unknown warehouse a 422 `warehouse_not_found`. Honours `Idempotency-Key`.',
      body: CreateRequisitionBody,
      status: 201,
      response: Requisition,
    }),
    defineRoute({
      operationId: 'getRequisition',
      method: 'GET',
      path: '/v1/invantray/requisitions/{requisitionId}',
      permission: REQUEST,
      summary: 'Get a requisition',
      description: `With its lines (item SKU, name, base unit), the purchase orders they became and the actions you may take. ${SEEN}`,
      params: RequisitionParams,
      response: Requisition,
    }),
    defineRoute({
      operationId: 'updateRequisition',
      method: 'PATCH',
      path: '/v1/invantray/requisitions/{requisitionId}',
      permission: REQUEST,
      summary: 'Change a draft requisition',
      description: `Only your own (403 otherwise), with the \`version\` you read (or \`If-Match\`; a stale one is a 409 \`version_conflict\`). \`lines\` replaces every line. ${FROM('draft')}`,
      params: RequisitionParams,
      body: UpdateRequisitionBody,
      headers: IF_MATCH_HEADER,
      response: Requisition,
    }),
    defineRoute({
      operationId: 'submitRequisition',
      method: 'POST',
      path: '/v1/invantray/requisitions/{requisitionId}/submit',
      permission: REQUEST,
      summary: 'Submit a requisition to the buyers',
      description: `Only your own (403 otherwise). Records \`requisition.submitted\`. ${FROM('draft')}`,
      params: RequisitionParams,
      response: Requisition,
    }),
    defineRoute({
      operationId: 'cancelRequisition',
      method: 'POST',
      path: '/v1/invantray/requisitions/{requisitionId}/cancel',
      permission: REQUEST,
      summary: 'Cancel a requisition',
      description: `Only your own (403 otherwise), before it is ordered. ${FROM('draft, submitted or approved')}`,
      params: RequisitionParams,
      response: Requisition,
    }),
    defineRoute({
      operationId: 'approveRequisition',
      method: 'POST',
      path: '/v1/invantray/requisitions/{requisitionId}/approve',
      permission: ORDER,
      summary: 'Approve a requisition',
      description: `A buyer’s decision, never on a requisition they asked for (403). Records \`requisition.decided\`; the requester is notified. ${FROM('submitted')}`,
      params: RequisitionParams,
      body: ApproveRequisitionBody,
      response: Requisition,
    }),
    defineRoute({
      operationId: 'rejectRequisition',
      method: 'POST',
      path: '/v1/invantray/requisitions/{requisitionId}/reject',
      permission: ORDER,
      summary: 'Reject a requisition',
      description: `A buyer’s decision with the reason the requester reads, never on a requisition they asked for (403). Records \`requisition.decided\`; the requester is notified. ${FROM('submitted')}`,
      params: RequisitionParams,
      body: RejectRequisitionBody,
      response: Requisition,
    }),
    defineRoute({
      operationId: 'orderRequisition',
      method: 'POST',
      path: '/v1/invantray/requisitions/{requisitionId}/order',
      permission: ORDER,
      summary: 'Order an approved requisition',
      description:
        'Turns the lines into draft purchase orders, one per supplier (the line’s, else the item’s default) and currency, delivering to the requisition’s warehouse (or `warehouseId`; one is needed: 422 `warehouse_required`). Each line costs the supplier’s price for its quantity today (GET …/quote), else the item’s average cost. Lines without a supplier are a 422 `supplier_required`, with an inactive one `supplier_inactive`, naming each; an order in a currency other than the base currency needs its rate in `exchangeRates` (422 `exchange_rate_required`). Records `purchase-order.created` per order; the requisition becomes `ordered`. ' +
        FROM('approved').replace(ANSWER, 'Answers the new order ids and the requisition.'),
      params: RequisitionParams,
      body: OrderRequisitionBody,
      response: OrderRequisitionResult,
    }),
  ],
});
