import { BusinessRuleError } from '@halooid/shared/errors';
import { loadFields } from '../domain/custom-fields';
import { activeMembersByEmail } from '../domain/members';
import { CreateOpportunityBody, type CreateOpportunityInput } from '../domain/opportunity';
import { insertOpportunity, type OpportunityWriteDeps } from '../domain/opportunity-repository';
import { type Pipeline, selectStages } from '../domain/pipelines';
import {
  cellList,
  checkedRowInput,
  type ImportRequest,
  type RecordImportResult,
  runImport,
} from '../domain/record-import';
import { binderFor, visibilityOf, visibleCondition } from '../domain/visibility';

type Field =
  | 'name'
  | 'amount'
  | 'currency'
  | 'expectedCloseDate'
  | 'companyName'
  | 'pipeline'
  | 'stage'
  | 'ownerEmail'
  | 'tags';

const FIELDS: readonly Field[] = [
  'name',
  'amount',
  'currency',
  'expectedCloseDate',
  'companyName',
  'pipeline',
  'stage',
  'ownerEmail',
  'tags',
];

/** Header → field after lower-casing and dropping everything but letters, incl. HubSpot's deal export and ours. */
const ALIASES: Record<string, Field> = {
  name: 'name',
  dealname: 'name',
  deal: 'name',
  opportunity: 'name',
  opportunityname: 'name',
  amount: 'amount',
  value: 'amount',
  dealamount: 'amount',
  currency: 'currency',
  currencycode: 'currency',
  dealcurrencycode: 'currency',
  expectedclosedate: 'expectedCloseDate',
  expectedclose: 'expectedCloseDate',
  closedate: 'expectedCloseDate',
  company: 'companyName',
  companyname: 'companyName',
  associatedcompany: 'companyName',
  pipeline: 'pipeline',
  stage: 'stage',
  dealstage: 'stage',
  owner: 'ownerEmail',
  owneremail: 'ownerEmail',
  dealowner: 'ownerEmail',
  tags: 'tags',
};

function fieldOfPath(path: readonly (string | number | symbol)[]): Field | `custom.${string}` | undefined {
  const [first, second] = path.map(String);
  switch (first) {
    case 'ownerId':
      return 'ownerEmail';
    case 'companyId':
      return 'companyName';
    case 'pipelineId':
      return 'pipeline';
    case 'stageId':
      return 'stage';
    case 'custom':
      return second ? `custom.${second}` : undefined;
    case 'name':
    case 'amount':
    case 'currency':
    case 'expectedCloseDate':
    case 'tags':
      return first;
    default:
      return undefined;
  }
}

/**
 * Imports opportunities from CSV (domain/record-import.ts: mapping and a
 * per-row report). Company, pipeline and stage are named (case-insensitive;
 * a company only if you may see it), the owner by email; a row without a
 * pipeline goes to the default one, without a stage to its first open
 * stage. Deals have no natural duplicate key, so every row creates a deal
 * (dedupe finds no match). Rows are created through insertOpportunity, the
 * same rules and trace as POST /opportunities, each behind a savepoint.
 */
export async function importOpportunities(
  request: ImportRequest,
  deps: OpportunityWriteDeps,
): Promise<RecordImportResult> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const customFields = await loadFields(tx, tenantId, 'opportunity');
  let companies = new Map<string, string[]>();
  let owners = new Map<string, string>();
  const pipelines = new Map<
    string,
    Pick<Pipeline, 'id' | 'name' | 'isDefault'> & { stages: Map<string, string> }
  >();
  let defaultPipeline: string | undefined;

  return runImport<Field, CreateOpportunityInput>(tx, request, {
    aliases: ALIASES,
    fields: FIELDS,
    required: ['name'],
    customFields,
    async prepare(cells) {
      const names = [...new Set(cells('companyName').map((name) => name.toLowerCase()))];
      if (names.length > 0) {
        const values: unknown[] = [tenantId, names];
        const visible = visibleCondition(
          await visibilityOf(tx, principal, 'company'),
          tenantId,
          'c.owner_id',
          binderFor(values),
        );
        const { rows } = await tx.query<{ id: string; name: string }>(
          `select c.id, lower(c.name) as name from customerconnect.companies c
            where c.tenant_id = $1 and lower(c.name) = any($2::text[]) and c.merged_into is null and ${visible}`,
          values,
        );
        companies = new Map();
        for (const row of rows) companies.set(row.name, [...(companies.get(row.name) ?? []), row.id]);
      }
      owners = await activeMembersByEmail(tx, cells('ownerEmail'));
      const { rows } = await tx.query<{ id: string; name: string; is_default: boolean }>(
        'select id, name, is_default from customerconnect.pipelines where tenant_id = $1',
        [tenantId],
      );
      const stages = await selectStages(
        tx,
        tenantId,
        rows.map((row) => row.id),
      );
      for (const row of rows) {
        pipelines.set(row.name.toLowerCase(), {
          id: row.id,
          name: row.name,
          isDefault: row.is_default,
          stages: new Map((stages.get(row.id) ?? []).map((stage) => [stage.name.toLowerCase(), stage.id])),
        });
        if (row.is_default) defaultPipeline = row.name.toLowerCase();
      }
    },
    toInput(cell, custom, report) {
      const candidate: Record<string, unknown> = { name: cell('name') };
      if (cell('amount')) candidate.amount = cell('amount').replace(/[\s,]/g, '');
      if (cell('currency')) candidate.currency = cell('currency').toUpperCase();
      if (cell('expectedCloseDate')) candidate.expectedCloseDate = cell('expectedCloseDate');
      if (cell('tags')) candidate.tags = cellList(cell('tags'));
      if (cell('ownerEmail')) {
        const owner = owners.get(cell('ownerEmail').toLowerCase());
        if (owner) candidate.ownerId = owner;
        else report('ownerEmail', `No active member has the email "${cell('ownerEmail')}".`);
      }
      if (cell('companyName')) {
        const found = companies.get(cell('companyName').toLowerCase()) ?? [];
        if (found.length === 1) candidate.companyId = found[0];
        else
          report(
            'companyName',
            found.length === 0
              ? `No company named "${cell('companyName')}".`
              : `${found.length} companies are named "${cell('companyName')}"; set the company on the deal afterwards.`,
          );
      }
      const pipelineKey = cell('pipeline') ? cell('pipeline').toLowerCase() : defaultPipeline;
      const pipeline = pipelineKey ? pipelines.get(pipelineKey) : undefined;
      if (cell('pipeline') && !pipeline) report('pipeline', `No pipeline named "${cell('pipeline')}".`);
      if (pipeline && cell('pipeline')) candidate.pipelineId = pipeline.id;
      if (cell('stage')) {
        const stageId = pipeline?.stages.get(cell('stage').toLowerCase());
        if (stageId && pipeline) {
          candidate.pipelineId = pipeline.id;
          candidate.stageId = stageId;
        } else if (pipeline || !cell('pipeline'))
          report(
            'stage',
            `No stage named "${cell('stage')}" in ${pipeline ? `"${pipeline.name}"` : 'the default pipeline'}.`,
          );
      }
      return checkedRowInput(
        candidate,
        custom,
        { customFields, schema: CreateOpportunityBody, fieldOfPath },
        report,
      );
    },
    matchKeys: () => [],
    findMatches: async () => new Map(),
    newId: deps.newId,
    create: (input) => insertOpportunity(deps, input),
    update: () =>
      Promise.reject(new BusinessRuleError('no_match', 'Opportunities are not matched on import.')),
    fieldOfPath,
  });
}
