import { vi } from 'vitest';

/**
 * Starts the platform on `dataDir` in a fresh module graph, as a new process
 * would: function modules build their SDK clients at load time (the Lambda
 * way), so a second start in the same module graph would reuse clients aimed
 * at the first start's ports. For the restart tests only.
 */
export async function freshStart(dataDir: string) {
  vi.resetModules();
  const { startTestPlatform } = await import('./test-platform');
  return startTestPlatform({ dataDir, embedded: true });
}
