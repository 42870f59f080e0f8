import { defineConfig } from 'vitest/config';

/**
 * Three projects. `unit`: pure logic, no I/O, milliseconds each. `integration`:
 * real Postgres (PGlite, or DATABASE_URL's server), cognito-local, dynalite
 * and the local gateway, started per test file by startTestPlatform().
 * `web`: the web app's component tests (happy-dom).
 */
export default defineConfig({
  test: {
    env: {
      // See infra/local/src/quiet-sdk-warnings.ts.
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{shared,functions,infra,bench}/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{shared,functions,infra}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 90_000,
          pool: 'forks',
        },
      },
      // Web component tests (happy-dom, Svelte): web/vitest.config.ts.
      'web/vitest.config.ts',
    ],
  },
});
