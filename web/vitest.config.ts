import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineProject } from 'vitest/config';

/**
 * Component tests (`src/**\/*.test.ts`) run in happy-dom with the plain
 * Svelte plugin: the UI library and the API client do not need SvelteKit's
 * runtime, and skipping it keeps the suite fast. The root `npm test` runs
 * this project as `web`.
 */
export default defineProject({
  plugins: [svelte()],
  resolve: {
    conditions: ['browser'],
    alias: {
      $lib: path.resolve(import.meta.dirname, 'src/lib'),
      $ui: path.resolve(import.meta.dirname, 'src/lib/ui'),
    },
  },
  test: {
    name: 'web',
    root: import.meta.dirname,
    include: ['src/**/*.test.ts'],
    environment: 'happy-dom',
    // Unmounts rendered components after each test; then a patient async timeout (see the file).
    setupFiles: ['@testing-library/svelte/vitest', './vitest.setup.ts'],
  },
});
