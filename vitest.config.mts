import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/lsp/**/*.test.ts'],
    // a test's own waits end when what they wait for happens (test/lsp/waitFor.ts); the bound is for
    // tests that spawn the CLI many times, which take 5 s on a quiet machine and 12 s on a loaded one
    testTimeout: 60_000,
    hookTimeout: 30_000,
    setupFiles: ['test/setup/fastCheck.ts'],
  },
});
