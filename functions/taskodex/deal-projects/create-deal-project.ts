import type { Tx } from '@halooid/shared/db/transaction';
import type { EventEnvelope } from '@halooid/shared/events/envelope';
import type { EventRecorder } from '@halooid/shared/events/outbox';
import { uuidv7 } from '@halooid/shared/ids';
import type { Logger } from '@halooid/shared/observability';
import { activeOwnerIds, isActiveMember } from '@halooid/shared/tenancy';
import { insertTask } from '../domain/task-repository';
import { DEFAULT_WORKFLOW, loadWorkflow, saveWorkflow } from '../domain/workflow';
import { taskodexEvents } from '../events';
import {
  insertDealProject,
  keysLike,
  lockOrigin,
  openTemplateTasks,
  projectOfDeal,
  projectSnapshot,
  templateExists,
} from './repository';
import { WonDeal } from './schemas';

export interface DealProjectContext {
  tx: Tx;
  events: EventRecorder;
  logger: Logger;
  newId?: () => string;
}

/**
 * A project key from the deal's name: its first letters and digits, upper
 * case, starting with a letter (`Globex renewal` → GLOBEX), with a number
 * appended when taken (GLOBEX2 …); `D` and the deal id's first hex digits
 * when the name has no usable letters or every variant is taken.
 */
export function keyBase(name: string): string {
  return name
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^[0-9]+/, '')
    .slice(0, 6);
}

export function keyFor(name: string, opportunityId: string, taken: ReadonlySet<string>): string {
  const base = keyBase(name);
  if (base.length >= 2) {
    if (!taken.has(base)) return base;
    for (let n = 2; n < 1000; n += 1) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
  }
  return `D${opportunityId.replaceAll('-', '').slice(0, 9).toUpperCase()}`;
}

function describe(deal: WonDeal): string {
  const { opportunity } = deal;
  const value =
    opportunity.amount && opportunity.currency ? ` (${opportunity.amount} ${opportunity.currency})` : '';
  return `Delivery of the deal “${opportunity.name}”${value}, won in the ${deal.pipelineName} pipeline of CustomerConnect.`;
}

/**
 * A won deal → its delivery project, exactly once per deal:
 * - named after the deal, keyed from its name (keyFor);
 * - run by the deal's owner when they are an active member of the tenant
 *   (creator, lead and admin); otherwise by the tenant's first active Owner
 *   (creator and admin, no lead), so the project always has someone in charge;
 * - from the pipeline's template project when it names one that exists: its
 *   workflow and its open tasks (title, description, status, priority,
 *   labels, estimate; no assignee or dates, those belong to the template's
 *   own schedule); otherwise the default workflow and no tasks;
 * - linked back through `origin` (customerconnect / opportunity / id).
 * The kernel's inbox drops a redelivered event; a second, distinct `won` of
 * the same deal (reopened and won again) finds the project through the
 * origin (under an advisory lock, the unique index as the backstop) and
 * changes nothing.
 */
export async function createDealProject(
  event: Pick<EventEnvelope, 'tenantId' | 'data'>,
  context: DealProjectContext,
): Promise<string | undefined> {
  const { tx, logger } = context;
  const newId = context.newId ?? uuidv7;
  const deal = WonDeal.parse(event.data);
  const { tenantId } = event;
  const opportunityId = deal.opportunity.id;

  await lockOrigin(tx, tenantId, opportunityId);
  const existing = await projectOfDeal(tx, tenantId, opportunityId);
  if (existing) {
    logger.info('The deal has its project already', { opportunityId, projectId: existing });
    return existing;
  }

  const ownerIsMember = deal.opportunity.ownerId ? await isActiveMember(tx, deal.opportunity.ownerId) : false;
  const runner = ownerIsMember ? deal.opportunity.ownerId : [...(await activeOwnerIds(tx))].sort()[0];
  if (!runner) {
    logger.warn('No active member to run the deal project; none created', { opportunityId });
    return undefined;
  }

  const templateId =
    deal.projectTemplateId && (await templateExists(tx, tenantId, deal.projectTemplateId))
      ? deal.projectTemplateId
      : null;
  if (deal.projectTemplateId && !templateId)
    logger.info('The pipeline’s template project does not exist; a plain project is made', {
      templateId: deal.projectTemplateId,
    });
  const templateStates = templateId ? await loadWorkflow(tx, tenantId, templateId) : [];
  const states = templateStates.length > 0 ? templateStates : DEFAULT_WORKFLOW;

  const id = newId();
  const base = keyBase(deal.opportunity.name);
  const taken = base.length >= 2 ? await keysLike(tx, tenantId, base) : new Set<string>();
  const key = keyFor(deal.opportunity.name, opportunityId, taken);
  await insertDealProject(tx, {
    tenantId,
    id,
    key,
    name: deal.opportunity.name.slice(0, 200),
    description: describe(deal),
    leadId: ownerIsMember ? runner : null,
    createdBy: runner,
    opportunityId,
  });
  await saveWorkflow(tx, tenantId, id, states);

  const tasks = templateId ? await openTemplateTasks(tx, tenantId, templateId) : [];
  // The trigger numbers each copy in the new project and derives its status group.
  for (const [index, task] of tasks.entries())
    await insertTask(tx, {
      tenantId,
      id: newId(),
      projectId: id,
      parentId: null,
      createdBy: runner,
      title: task.title,
      description: task.description,
      status: task.status,
      priority: task.priority,
      labels: task.labels,
      estimateHours: task.estimate_hours === null ? null : Number(task.estimate_hours),
      assigneeId: null,
      startDate: null,
      dueDate: null,
      position: (index + 1) * 1024,
    });

  await context.events.record(taskodexEvents, 'project.created', {
    project: await projectSnapshot(tx, tenantId, id),
  });
  logger.info('Deal project created', { opportunityId, projectId: id, key, copiedTasks: tasks.length });
  return id;
}
