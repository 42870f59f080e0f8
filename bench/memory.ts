import { tasksService } from '@halooid/functions/taskodex/tasks/service';
import { proxyEvent } from '@halooid/local/api-gateway-events';
import { serviceName } from '@halooid/shared/manifest';
import type { Bundle } from './bundles';
import { runBundle } from './children/run-child';
import { incoming } from './events';
import type { BenchPlatform } from './platform';
import { type Section, table } from './report';
import { result } from './stats';

const mb = (bytes: number) => bytes / 1024 / 1024;

/**
 * Memory: one capability function's bundle in its own process (as a Lambda
 * instance lives), invoked again and again on a list of 20 tasks; the peak
 * RSS after N invocations against the peak after 100. A leak grows with N.
 */
export async function benchMemory(options: {
  quick: boolean;
  bench: BenchPlatform;
  bundles: readonly Bundle[];
}): Promise<Section> {
  const started = performance.now();
  const invocations = options.quick ? 2_000 : 10_000;
  const checkpoint = 100;
  const name = serviceName(tasksService);
  const bundle = options.bundles.find((candidate) => candidate.name === name);
  if (!bundle) throw new Error(`no bundle for ${name}`);
  const event = proxyEvent(
    incoming('GET', '/v1/taskodex/tasks?limit=20', { resource: '/v1/taskodex/tasks' }),
    options.bench.authorizer,
  );
  const trend = [
    1_000,
    Math.round(invocations / 4),
    Math.round(invocations / 2),
    Math.round((invocations * 3) / 4),
  ];
  const report = await runBundle(bundle.file, event, { invocations, checkpoint, trend, exposeGc: true });
  if (!report.atCheckpoint || !report.end) throw new Error('the memory child reported no figures');
  if (report.status !== 200) throw new Error(`${name} answered ${report.status}`);
  const { atCheckpoint, end } = report;
  return {
    key: 'memory',
    title: 'Memory',
    conditions: [
      `${name} bundle in a fresh \`node --expose-gc\` process, ${invocations.toLocaleString('en')} sequential invocations of GET /v1/taskodex/tasks?limit=20 as the demo owner (${(report.done - report.served).toFixed(0)} ms)`,
      `peak RSS is process.resourceUsage().maxRSS; RSS and heap used are process.memoryUsage() after a full collection; all read after invocation ${checkpoint} and after the last`,
    ],
    body: [
      table(
        ['measure', `after ${checkpoint}`, `after ${invocations.toLocaleString('en')}`, 'growth'],
        [
          [
            'peak RSS',
            `${mb(atCheckpoint.maxRss).toFixed(1)} MB`,
            `${mb(end.maxRss).toFixed(1)} MB`,
            `${((end.maxRss / atCheckpoint.maxRss - 1) * 100).toFixed(1)} %`,
          ],
          [
            'RSS after gc',
            `${mb(atCheckpoint.rss).toFixed(1)} MB`,
            `${mb(end.rss).toFixed(1)} MB`,
            `${((end.rss / atCheckpoint.rss - 1) * 100).toFixed(1)} %`,
          ],
          [
            'V8 heap used after gc',
            `${mb(atCheckpoint.heapUsed).toFixed(1)} MB`,
            `${mb(end.heapUsed).toFixed(1)} MB`,
            `${((end.heapUsed / atCheckpoint.heapUsed - 1) * 100).toFixed(1)} %`,
          ],
        ],
      ),
      table(
        ['after invocation', 'RSS after gc', 'V8 heap used after gc', 'peak RSS'],
        [{ at: checkpoint, ...atCheckpoint }, ...(report.trend ?? []), { at: invocations, ...end }].map(
          (point) => [
            point.at.toLocaleString('en'),
            `${mb(point.rss).toFixed(1)} MB`,
            `${mb(point.heapUsed).toFixed(1)} MB`,
            `${mb(point.maxRss).toFixed(1)} MB`,
          ],
        ),
      ),
    ],
    results: [
      result(`memory.${name}.peak-rss-after-${checkpoint}`, 'MB', mb(atCheckpoint.maxRss)),
      result(`memory.${name}.peak-rss-after-${invocations}`, 'MB', mb(end.maxRss), {
        baseline: mb(atCheckpoint.maxRss),
        baselineName: `memory.${name}.peak-rss-after-${checkpoint}`,
        goal: 'within 10 % of the peak after 100 (no leak)',
        check: (ratio) => ratio !== null && ratio <= 1.1,
      }),
      result(`memory.${name}.rss-after-gc-${invocations}`, 'MB', mb(end.rss), {
        baseline: mb(atCheckpoint.rss),
        baselineName: `memory.${name}.rss-after-gc-${checkpoint}`,
      }),
      result(`memory.${name}.heap-used-after-gc-${invocations}`, 'MB', mb(end.heapUsed), {
        baseline: mb(atCheckpoint.heapUsed),
        baselineName: `memory.${name}.heap-used-after-gc-${checkpoint}`,
      }),
    ],
    seconds: (performance.now() - started) / 1000,
  };
}
