import { configure } from '@testing-library/svelte';

// findBy* and waitFor give up after 1 s by default. CI runs these tests beside
// the integration suites on a loaded 2-core machine, where a render can stall
// for longer; they return as soon as the DOM matches, so a passing test is no
// slower. Kept under vitest's 5 s test timeout, so a real failure still
// reports what the DOM held rather than a bare timeout.
configure({ asyncUtilTimeout: 4_000 });
