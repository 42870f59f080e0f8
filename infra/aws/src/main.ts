import { PRODUCTS } from '@halooid/functions/registry';
import { App } from 'aws-cdk-lib';
import { buildHalooid, optionsFromContext } from './app';
import { BUNDLE_LIMIT_BYTES, bundleSizes, formatBundleReport } from './bundle-report';

/**
 * The CDK app (cdk.json runs this). `npm run synth` / `npm run deploy -- --context stage=prod`.
 * Stacks are environment-agnostic: synth needs no account, deploy goes to
 * the account and region of the caller's credentials.
 */
const app = new App();
buildHalooid(app, { ...optionsFromContext(app), products: PRODUCTS });
const assembly = app.synth();

const sizes = bundleSizes(assembly);
if (sizes.length > 0) process.stderr.write(`${formatBundleReport(sizes)}\n`);
const over = sizes.filter((size) => size.bytes > BUNDLE_LIMIT_BYTES);
if (over.length > 0) {
  process.stderr.write(`Bundles over 1 MiB: ${over.map((size) => size.functionName).join(', ')}\n`);
  process.exitCode = 1;
}
