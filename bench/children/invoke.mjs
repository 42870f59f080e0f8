// A fresh Node process that imports one Lambda bundle and serves its first
// invocation(s), as a Lambda instance does after a cold start. Plain ESM run
// by `node` itself (no tsx, no loaders), so nothing else is in the figure.
//
//   node invoke.mjs <bundle.mjs>    env: BENCH_EVENT (JSON), BENCH_INVOCATIONS,
//                                   BENCH_CHECKPOINT (invocation count to report RSS at)
// Prints one JSON line: times in ms since the process started, RSS in bytes.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const scriptStart = performance.now();
const bundle = process.argv[2];
const event = JSON.parse(process.env.BENCH_EVENT ?? '{}');
const invocations = Number(process.env.BENCH_INVOCATIONS ?? 1);
const checkpoint = Number(process.env.BENCH_CHECKPOINT ?? 0);
const trendAt = new Set((process.env.BENCH_TREND ?? '').split(',').filter(Boolean).map(Number));

const context = () => {
  const deadline = Date.now() + 29_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'bench',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:bench',
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/bench',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done() {},
    fail() {},
    succeed() {},
  };
};

/** RSS after a full collection (needs --expose-gc) and the process's peak RSS so far. */
const memory = () => {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed, maxRss: process.resourceUsage().maxRSS * 1024 };
};

const { handler } = await import(pathToFileURL(bundle).href);
const imported = performance.now();
const statusOf = (response) =>
  response?.statusCode ??
  (response?.policyDocument ? response.policyDocument.Statement?.[0]?.Effect : 'none');
let status;
try {
  status = statusOf(await handler(structuredClone(event), context()));
} catch (error) {
  status = `threw: ${error?.message ?? error}`;
}
const served = performance.now();
let atCheckpoint;
const trend = [];
for (let i = 2; i <= invocations; i++) {
  const response = await handler(structuredClone(event), context());
  if (statusOf(response) !== status) throw new Error(`invocation ${i} answered ${statusOf(response)}`);
  if (i === checkpoint) atCheckpoint = memory();
  if (trendAt.has(i)) trend.push({ at: i, ...memory() });
}
const end = invocations > 1 ? memory() : undefined;
process.stdout.write(
  `${JSON.stringify({ scriptStart, imported, served, status, atCheckpoint, trend, end, done: performance.now() })}\n`,
);
process.exit(0);
