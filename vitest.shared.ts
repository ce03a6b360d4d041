import { defineConfig } from 'vitest/config';

/**
 * Settings every package's tests share. The timeouts only catch hangs: turbo runs the packages'
 * suites side by side on CI's two cores, where a whole-pipeline build in a hook can take tens of
 * seconds. Speed is measured by the benches, never by tests.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
