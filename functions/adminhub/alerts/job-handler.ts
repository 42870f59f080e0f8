import { runDetectors } from './detector-job';

/**
 * Lambda entry of the alert detectors, run every minute by an EventBridge
 * Scheduler schedule as halooid_worker. Safe to repeat or overlap: an
 * incident's open alert absorbs every repeat (detector-job.ts).
 */
export async function handler() {
  return runDetectors();
}
