import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Browser tests print real booklets: one Chromium at a time on a 2-core machine.
    fileParallelism: false,
    // One process for every file: the modules under test are loaded once, not once per file
    // (half the unit tests' time). Each file keeps its own state; a test that sets an
    // environment variable or patches stderr restores it.
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ["tests/global-setup.ts"],
  },
});
