import type { EventCatalog } from '@halooid/shared/events/catalog';
import type { ServiceManifest } from '@halooid/shared/manifest';
import { apiKeysService } from './platform/api-keys/service';
import { authService } from './platform/auth/service';
import { metaService } from './platform/meta/service';
import { notificationsService } from './platform/notifications/service';
import { rbacService } from './platform/rbac/service';
import { tenantsService } from './platform/tenants/service';
import { webhooksService } from './platform/webhooks/service';
import { commentsService } from './taskodex/comments/service';
import { taskodexEvents } from './taskodex/events';
import { projectsService } from './taskodex/projects/service';
import { relationsService } from './taskodex/relations/service';
import { taskBulkService } from './taskodex/task-bulk/service';
import { taskTransferService } from './taskodex/task-transfer/service';
import { tasksService } from './taskodex/tasks/service';
import { timeEntriesService } from './taskodex/time-entries/service';
import { timeReportsService } from './taskodex/time-reports/service';
import { timesheetsService } from './taskodex/timesheets/service';
import { viewsService } from './taskodex/views/service';

/**
 * Every HTTP capability of the platform. CDK, the local runtime, the
 * authorizer and the OpenAPI generator all start from this list; a
 * capability that is not here does not exist.
 */
export const SERVICES: readonly ServiceManifest[] = [
  authService,
  metaService,
  tenantsService,
  rbacService,
  apiKeysService,
  notificationsService,
  webhooksService,
  projectsService,
  tasksService,
  timeEntriesService,
  timesheetsService,
  timeReportsService,
  commentsService,
  relationsService,
  taskBulkService,
  taskTransferService,
  viewsService,
];

/**
 * Every product's event catalog (`functions/<product>/events.ts`): what the
 * outbox validates at publish, consumers at consume, and webhooks and
 * notification preferences accept as names.
 */
export const EVENT_CATALOGS: readonly EventCatalog[] = [taskodexEvents];
