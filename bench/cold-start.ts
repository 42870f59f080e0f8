import { SERVICES } from '@halooid/functions/registry';
import { serviceName } from '@halooid/shared/manifest';
import { type Bundle, EMPTY_HANDLER, SDK_HANDLER } from './bundles';
import { runBundle } from './children/run-child';
import { authorizerRequest, firstRequestOf } from './events';
import type { BenchPlatform } from './platform';
import { type Section, table } from './report';
import { type Result, result, summarize } from './stats';

/**
 * Cold start: a fresh `node` process imports a function's bundle and serves
 * its first invocation against the warm database; the figure is the time from
 * process start to that first response (performance.now() in the child). The
 * baseline is the same for an empty handler bundled with the same settings,
 * so Node's own start-up is in both and the ratio is what our code adds.
 */
export async function benchColdStart(options: {
  quick: boolean;
  bench: BenchPlatform;
  bundles: readonly Bundle[];
}): Promise<Section> {
  const started = performance.now();
  const runs = options.quick ? 1 : 5;
  const events = new Map<string, { label: string; event: unknown }>();
  for (const service of SERVICES) {
    const { route, event } = firstRequestOf(service, options.bench);
    events.set(serviceName(service), { label: `${route.method} ${route.path}`, event });
  }
  events.set('platform-authorizer', {
    label: 'Bearer token, GET /v1/taskodex/tasks (JWKS fetched from cognito-local)',
    event: authorizerRequest(options.bench),
  });
  events.set(EMPTY_HANDLER, { label: '(any event)', event: {} });
  events.set(SDK_HANDLER, { label: '(any event): only imports @aws-sdk DynamoDB + RDS signer', event: {} });

  const measured: {
    name: string;
    label: string;
    served: number[];
    boot: number[];
    imported: number[];
    invoked: number[];
    status: string;
  }[] = [];
  for (let run = 0; run < runs; run++) {
    // Round-robin over the functions so neighbours' load spreads over all of them.
    for (const bundle of options.bundles) {
      const request = events.get(bundle.name);
      if (!request) continue;
      const report = await runBundle(bundle.file, request.event);
      let entry = measured.find((candidate) => candidate.name === bundle.name);
      if (!entry) {
        entry = {
          name: bundle.name,
          label: request.label,
          served: [],
          boot: [],
          imported: [],
          invoked: [],
          status: String(report.status),
        };
        measured.push(entry);
      }
      entry.served.push(report.served);
      entry.boot.push(report.scriptStart);
      entry.imported.push(report.imported - report.scriptStart);
      entry.invoked.push(report.served - report.imported);
    }
  }
  const empty = measured.find((entry) => entry.name === EMPTY_HANDLER);
  if (!empty) throw new Error('the empty handler did not run');
  const baseline = summarize(empty.served).p50;
  const results: Result[] = [result('cold-start.empty-handler', 'ms', baseline)];
  const rows: string[][] = [];
  for (const entry of measured) {
    const served = summarize(entry.served).p50;
    const median = (samples: number[]) => `${summarize(samples).p50.toFixed(1)} ms`;
    if (entry.name === SDK_HANDLER) {
      results.push(
        result('cold-start.sdk-only-handler', 'ms', served, {
          baseline,
          baselineName: 'cold-start.empty-handler',
        }),
      );
    } else if (entry.name !== EMPTY_HANDLER) {
      const failed = !/^[1-4]\d\d$|^Allow$/.test(entry.status);
      results.push(
        result(`cold-start.${entry.name}`, 'ms', served, {
          baseline,
          baselineName: 'cold-start.empty-handler',
          goal: `≤ 2× the empty handler${failed ? ` (first invocation answered ${entry.status})` : ''}`,
          check: (ratio) => !failed && ratio !== null && ratio <= 2,
        }),
      );
    }
    rows.push([
      entry.name,
      `${served.toFixed(1)} ms`,
      median(entry.boot),
      median(entry.imported),
      median(entry.invoked),
      `${(served / baseline).toFixed(2)}×`,
      entry.status,
      entry.label,
    ]);
  }
  return {
    key: 'cold-start',
    title: 'Cold start',
    conditions: [
      `each bundle in a fresh \`node ${process.version}\` process (no loaders), ${runs} runs each round-robin, median shown`,
      'figure: ms from process start to the first response (performance.now() in the child), so Node start-up is in every figure and in the baseline',
      'environment as a Lambda gets it: pool of 2 connections, logs silent, metrics off; the database is already warm (the platform has been serving)',
      "first invocation: the function's first GET without path parameters, as the demo owner with the authorizer context present; the authorizer verifies the owner's real Cognito token",
    ],
    body: [
      table(
        [
          'bundle',
          'first response',
          'node start',
          'import',
          'first invocation',
          'vs empty',
          'status',
          'request',
        ],
        rows,
      ),
    ],
    results,
    seconds: (performance.now() - started) / 1000,
  };
}
