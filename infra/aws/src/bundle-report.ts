import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';

export const BUNDLE_LIMIT_BYTES = 1024 * 1024;

export interface BundleSize {
  stack: string;
  functionName: string;
  bytes: number;
}

interface LambdaResource {
  Type: string;
  Properties?: { FunctionName?: unknown; Code?: { S3Key?: unknown } };
}

type Template = { Resources?: Record<string, LambdaResource> };

/**
 * Every template of the assembly: each stack's, and each nested stack's (the API's product
 * stacks), which CDK writes beside them as `<unique id>.nested.template.json`.
 */
function templates(assembly: CloudAssembly): { name: string; template: Template }[] {
  const nested = readdirSync(assembly.directory)
    .filter((file) => file.endsWith('.nested.template.json'))
    .map((file) => ({
      name: file.replace(/\.nested\.template\.json$/, ''),
      template: JSON.parse(readFileSync(path.join(assembly.directory, file), 'utf8')) as Template,
    }));
  return [
    ...assembly.stacks.map((stack) => ({ name: stack.stackName, template: stack.template as Template })),
    ...nested,
  ];
}

/**
 * The size of every house-function bundle (index.mjs) in a synthesized
 * assembly, nested stacks included, found through each Lambda's asset key. Functions CDK writes
 * itself (inline or provider code) have no index.mjs and are skipped.
 */
export function bundleSizes(assembly: CloudAssembly): BundleSize[] {
  const sizes: BundleSize[] = [];
  for (const { name: stackName, template } of templates(assembly)) {
    const resources = template.Resources ?? {};
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const key = resource.Properties?.Code?.S3Key;
      if (typeof key !== 'string') continue;
      const bundle = path.join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
      if (!existsSync(bundle)) continue;
      const name = resource.Properties?.FunctionName;
      sizes.push({
        stack: stackName,
        functionName: typeof name === 'string' ? name : logicalId,
        bytes: statSync(bundle).size,
      });
    }
  }
  return sizes.sort((a, b) => a.functionName.localeCompare(b.functionName));
}

export function formatBundleReport(sizes: BundleSize[]): string {
  const rows = sizes.map(
    ({ functionName, bytes }) =>
      `  ${functionName.padEnd(48)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB${bytes > BUNDLE_LIMIT_BYTES ? '  OVER 1 MiB' : ''}`,
  );
  return ['Function bundles (index.mjs, minified):', ...rows].join('\n');
}
