import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Two files at a time: much of a browser test is waiting (a browser starting, a timeout
    // running out, a child process), so two side by side keep both cores busy (9.1 → 7.0 min
    // measured); four were slower. A test that expects a killed run's leftovers to stay until its
    // own next run gives its runs a temporary root of their own (helpers/data-copy.ts ownTmp).
    fileParallelism: true,
    maxWorkers: 2,
    // One process for every file: the modules under test are loaded once, not once per file
    // (half the unit tests' time). Each file keeps its own state; a test that sets an
    // environment variable or patches stderr restores it.
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ["tests/global-setup.ts"],
  },
});
