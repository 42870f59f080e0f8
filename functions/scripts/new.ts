import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NameError } from './scaffold/names';
import { type ScaffoldResult, scaffoldCapability, scaffoldProduct } from './scaffold/scaffold';

/**
 * `npm run new -- product <name> [first-capability]` and
 * `npm run new -- capability <product> <name>`: writes a working skeleton in
 * the house shape, regenerates the product list and registry index, formats
 * what it wrote and prints the next steps. `--root <dir>` scaffolds into
 * another checkout (the scaffold's own test uses a temporary copy).
 */
const USAGE = `Usage:
  npm run new -- product <name> [first-capability]   a product folder with one capability
  npm run new -- capability <product> <name>         a capability in an existing product
Names are kebab-case (lower-case letters and digits, single hyphens).`;

function parse(argv: string[]): { root: string; args: string[] } {
  const args = [...argv];
  let root = fileURLToPath(new URL('../../', import.meta.url));
  const at = args.indexOf('--root');
  if (at >= 0) {
    const value = args[at + 1];
    if (!value) throw new NameError('--root needs a directory.');
    root = value;
    args.splice(at, 2);
  }
  return { root, args };
}

function run(root: string, args: string[]): ScaffoldResult {
  const [kind, first, second, ...rest] = args;
  if (kind === 'product' && first && rest.length === 0)
    return scaffoldProduct(root, first, second ? { capability: second } : {});
  if (kind === 'capability' && first && second && rest.length === 0)
    return scaffoldCapability(root, first, second);
  throw new NameError(USAGE);
}

function nextSteps(result: ScaffoldResult, kind: string): string {
  const { product, capability, resource } = result.names;
  const steps = [
    `Replace the placeholder descriptions in functions/${product}/${capability}/service.ts${kind === 'product' ? ` and functions/${product}/product.ts` : ''}.`,
    `Shape the ${resource}: schemas.ts, the migration and repository.ts change together (migrations are append-only once applied).`,
    `Run its tests: npx vitest run functions/${product}/${capability}`,
    'Typecheck and lint: npx tsc -p tsconfig.json --noEmit && npx biome check --error-on-warnings functions',
  ];
  if (kind === 'product')
    steps.push(
      `Add demo data (demoSeed in product.ts), scheduled jobs and events to functions/${product}/ as the product grows; see docs/architecture.md "Adding a product".`,
    );
  return steps.map((step, index) => `  ${index + 1}. ${step}`).join('\n');
}

const { root, args } = parse(process.argv.slice(2));
try {
  const result = run(root, args);
  // The product list and the schema-free registry index are generated from the folders.
  execFileSync('npm', ['run', '--silent', 'generate'], { cwd: root, stdio: 'inherit' });
  execFileSync('npx', ['biome', 'check', '--write', ...result.written, ...result.changed], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log(
    [
      '',
      'Wrote:',
      ...result.written.map((file) => `  ${file}`),
      ...(result.changed.length > 0 ? ['Changed:', ...result.changed.map((file) => `  ${file}`)] : []),
      'Regenerated the product list and registry index (npm run generate).',
      '',
      'Next steps:',
      nextSteps(result, args[0] ?? ''),
      '',
    ].join('\n'),
  );
} catch (error) {
  if (!(error instanceof NameError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
