import { fileURLToPath } from 'node:url';
import { eagerChunks, LAMBDA_BUNDLE_OPTIONS } from '@halooid/local/lambda-bundle';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

/** Every source file that ends up in the chunks the entry imports statically: what a cold start evaluates. */
function eagerInputs(metafile: Metafile): Set<string> {
  return new Set(
    [...eagerChunks(metafile)].flatMap((chunk) => Object.keys(metafile.outputs[chunk]?.inputs ?? {})),
  );
}

describe('platform-meta bundle', () => {
  it('leaves the registry and the OpenAPI builder out of what a cold start loads', async () => {
    const { metafile } = await build({
      ...LAMBDA_BUNDLE_OPTIONS,
      entryPoints: [fileURLToPath(new URL('./handler.ts', import.meta.url))],
      outdir: fileURLToPath(new URL('./.bundle-test', import.meta.url)),
      write: false,
      metafile: true,
      logLevel: 'error',
    });

    const eager = [...eagerInputs(metafile)];
    const everything = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));

    // The health check (the cold-start request) must not build every product's schemas.
    expect(eager.filter((input) => /functions\/registry\.ts$|shared\/src\/openapi\.ts$/.test(input))).toEqual(
      [],
    );
    expect(eager.some((input) => input.includes('functions/taskodex/'))).toBe(false);
    // They are still in the bundle, in the chunk GET /v1/openapi.json loads.
    expect(everything.some((input) => input.endsWith('functions/registry.ts'))).toBe(true);
    expect(everything.some((input) => input.endsWith('shared/src/openapi.ts'))).toBe(true);
  }, 30_000);
});
