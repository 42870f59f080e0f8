import { existsSync, statSync } from 'node:fs';
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

/**
 * The size of every house-function bundle (index.mjs) in a synthesized
 * assembly, found through each Lambda's asset key. Functions CDK writes
 * itself (inline or provider code) have no index.mjs and are skipped.
 */
export function bundleSizes(assembly: CloudAssembly): BundleSize[] {
  const sizes: BundleSize[] = [];
  for (const stack of assembly.stacks) {
    const resources = (stack.template as { Resources?: Record<string, LambdaResource> }).Resources ?? {};
    for (const [logicalId, resource] of Object.entries(resources)) {
      if (resource.Type !== 'AWS::Lambda::Function') continue;
      const key = resource.Properties?.Code?.S3Key;
      if (typeof key !== 'string') continue;
      const bundle = path.join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
      if (!existsSync(bundle)) continue;
      const name = resource.Properties?.FunctionName;
      sizes.push({
        stack: stack.stackName,
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
