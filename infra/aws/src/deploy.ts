import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';
import { stageConfig } from './stage';

/**
 * `npm run deploy -- --context stage=prod [--context alarmEmail=ops@example.com]`
 *
 * One command: bootstraps the account/region if needed (idempotent), deploys
 * every stack in dependency order with a fresh deployId (so the migration
 * trigger runs), then prints the web URL, the API URL and how to create the
 * first tenant owner. Credentials and region come from the usual AWS
 * environment (AWS_PROFILE / AWS_REGION, or the CI role).
 */
const args = process.argv.slice(2);
const contextValue = (key: string): string | undefined => {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const inline = arg.startsWith('--context=') ? arg.slice('--context='.length) : undefined;
    const pair = inline ?? (arg === '--context' || arg === '-c' ? args[i + 1] : undefined);
    if (pair?.startsWith(`${key}=`)) return pair.slice(key.length + 1);
  }
  return undefined;
};
const stage = stageConfig(contextValue('stage') ?? 'dev');
const outputsFile = path.join(REPO_ROOT, 'cdk.out', `outputs-${stage.name}.json`);
const cdk = (cdkArgs: string[]) => {
  console.log(`\n$ cdk ${cdkArgs.join(' ')}`);
  const result = spawnSync('npx', ['--no-install', 'cdk', ...cdkArgs], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const common = ['--no-notices', '--context', `stage=${stage.name}`, ...args];
cdk(['bootstrap', ...common]);
cdk([
  'deploy',
  '--all',
  '--require-approval',
  process.env.CI ? 'never' : 'broadening',
  '--outputs-file',
  outputsFile,
  '--context',
  `deployId=${new Date().toISOString()}`,
  ...common,
]);

if (existsSync(outputsFile)) {
  const outputs = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>;
  const prefix = `Halooid-${stage.name === 'prod' ? 'Prod' : 'Dev'}`;
  const find = (stack: string, key: string) =>
    Object.entries(outputs[`${prefix}-${stack}`] ?? {}).find(([name]) => name.startsWith(key))?.[1] ??
    '(see stack outputs)';
  const web = find('Web', 'WebUrl');
  console.log(`
Halooid ${stage.name} is deployed.

  Web app:   ${web}
  API:       ${web}/v1   (same origin; direct: ${find('Api', 'ApiUrl')}v1)
  Health:    ${web}/v1/health
  API docs:  ${web}/v1/openapi.json

Create the first tenant owner (sign-up creates the account and its tenant):
  curl -sS -X POST ${web}/v1/auth/signup -H 'content-type: application/json' \\
    -d '{"email":"owner@example.com","password":"<12+ chars: upper, lower, digit, symbol>","name":"Ada Owner","tenantName":"Acme"}'
  then confirm with the emailed code at POST /v1/auth/confirm and sign in at POST /v1/auth/login.
  (Request bodies are described in /v1/openapi.json.)

Outputs were written to ${path.relative(REPO_ROOT, outputsFile)}.`);
}
