import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../test-results');
export const DEMO_PASSWORD = process.env.HALOOID_DEMO_PASSWORD || 'Halooid-demo-1';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** DESIGN.md's flags for Debian's Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

export interface FlowContext {
  baseUrl: string;
  page: Page;
  context: BrowserContext;
  browser: Browser;
  /** A unique suffix for this run (emails, names). */
  runId: string;
  /** axe (no serious/critical violations) + a screenshot under web/test-results/. */
  screen(name: string): Promise<void>;
  signIn(email: string, password?: string, page?: Page): Promise<void>;
  /** A new isolated browser context (another user), checked for console errors like the first. */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  mailbox(to: string): Promise<{ subject: string; body: string; code?: string }[]>;
  /** Times reported in the summary (bench-style measurements, not assertions). */
  measure(label: string, ms: number): void;
  /**
   * A console error this flow causes on purpose (a 409 it provokes to check the
   * explanation): matching messages do not fail it. Keep the pattern narrow.
   */
  expectConsoleError(pattern: RegExp): void;
}

export interface Flow {
  name: string;
  viewport?: { width: number; height: number };
  run(t: FlowContext): Promise<void>;
}

export interface FlowResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
  screens: string[];
  measurements: Record<string, number>;
}

/** A free TCP port on localhost. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface DevServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * `npm run dev` (main.ts) on a free port with a fresh temporary data
 * directory: the demo seed, nothing left from earlier runs.
 */
export async function startDevServer(env: Record<string, string> = {}): Promise<DevServer> {
  const port = Number(process.env.PORT) || (await freePort());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'halooid-browser-'));
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  const child: ChildProcess = spawn(tsx, ['infra/local/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      // Embedded services, even in a shell that exports the CI database (it keeps earlier runs' rows)
      // and Redis (earlier runs' rate-limit counters); main.ts ignores empty values.
      DATABASE_URL: '',
      REDIS_URL: '',
      PORT: String(port),
      HALOOID_DATA_DIR: dataDir,
      LOG_LEVEL: 'ERROR',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends everything it started
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm run dev did not start in 180 s:\n${output}`)),
      180_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Halooid is running at (\S+)/);
      if (match?.[1]) {
        // The demo operator's TOTP secret, printed with the demo logins: operator flows compute codes from it.
        const secret = output.match(/TOTP secret ([A-Z2-7]+)/)?.[1];
        if (secret) process.env.HALOOID_OPERATOR_TOTP_SECRET = secret;
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm run dev exited with ${code}:\n${output}`));
    });
  });
  if (/failed to build/.test(output)) throw new Error(`The web app failed to build:\n${output}`);
  return {
    url,
    async stop() {
      const exited = new Promise<void>((resolve) => {
        if (child.exitCode !== null) resolve();
        else child.once('exit', () => resolve());
      });
      if (child.pid) {
        try {
          process.kill(-child.pid, 'SIGINT');
        } catch {
          // already gone
        }
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Runs one flow in fresh browser contexts; never throws. */
export async function runFlow(
  browser: Browser,
  baseUrl: string,
  flow: Flow,
  runId: string,
): Promise<FlowResult> {
  const started = performance.now();
  const consoleErrors: string[] = [];
  const expectedErrors: RegExp[] = [];
  const violations: string[] = [];
  const screens: string[] = [];
  const measurements: Record<string, number> = {};
  const contexts: BrowserContext[] = [];
  await mkdir(RESULTS_DIR, { recursive: true });

  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  };
  const newPage = async (options: { width?: number; height?: number } = {}) => {
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: {
        width: options.width ?? flow.viewport?.width ?? 1280,
        height: options.height ?? flow.viewport?.height ?? 800,
      },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    watch(page);
    return page;
  };

  const page = await newPage();
  const context = page.context();
  const t: FlowContext = {
    baseUrl,
    page,
    context,
    browser,
    runId,
    async screen(name) {
      const target = t.page;
      await target.waitForLoadState('networkidle').catch(() => undefined);
      await target.addScriptTag({ content: AXE_SOURCE });
      const found = (await target.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: Document, options: unknown) => Promise<{ violations: unknown[] }> };
          }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations;
      })) as AxeViolation[];
      for (const violation of found) {
        if (violation.impact === 'serious' || violation.impact === 'critical') {
          const where = violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(' '))
            .join('; ');
          violations.push(`[${name}] ${violation.impact} ${violation.id}: ${violation.help} (${where})`);
        }
      }
      const file = `${slug(flow.name)}--${slug(name)}.png`;
      await target.screenshot({ path: path.join(RESULTS_DIR, file), fullPage: true });
      screens.push(name);
    },
    async signIn(email, password = DEMO_PASSWORD, target = t.page) {
      await target.goto('/sign-in');
      await target.getByLabel('Email').fill(email);
      await target.getByLabel('Password').fill(password);
      await target.getByRole('button', { name: 'Sign in' }).click();
      await target.waitForURL(/\/t\/[^/]+/);
    },
    newPage,
    async mailbox(to) {
      const response = await fetch(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(to)}`);
      return ((await response.json()) as { items: { subject: string; body: string; code?: string }[] }).items;
    },
    measure(label, ms) {
      measurements[label] = Math.round(ms);
    },
    expectConsoleError(pattern) {
      expectedErrors.push(pattern);
    },
  };

  let error: string | undefined;
  try {
    await flow.run(t);
  } catch (failure) {
    error = failure instanceof Error ? (failure.stack ?? failure.message) : String(failure);
    await t.page
      .screenshot({ path: path.join(RESULTS_DIR, `${slug(flow.name)}--failure.png`), fullPage: true })
      .catch(() => undefined);
  }
  for (const item of contexts) await item.close().catch(() => undefined);
  const problems = [
    ...(error ? [error] : []),
    ...violations.map((violation) => `axe: ${violation}`),
    ...consoleErrors
      .filter((message) => !expectedErrors.some((pattern) => pattern.test(message)))
      .map((message) => `console error: ${message}`),
  ];
  return {
    name: flow.name,
    ok: problems.length === 0,
    ms: Math.round(performance.now() - started),
    ...(problems.length ? { error: problems.join('\n') } : {}),
    screens,
    measurements,
  };
}
