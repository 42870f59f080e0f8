import { runExportJob } from './export-job';

/**
 * Lambda entry of the export job, run every minute by an EventBridge
 * Scheduler schedule. A run that dies leaves its export `running`; the
 * export is taken again once stale (export-job.ts), so runs may overlap safely.
 */
export async function handler() {
  return runExportJob();
}
