import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Seconds each long file took in a clean clone's full run (2026-12-01 10:55, 48 files, a quiet
 * machine): the order of a fresh clone, which has no timings of its own yet. With two files at a
 * time, the longest must start first, or the run ends with one long file alone (a fresh clone
 * took a minute longer in alphabetical order, on a busy machine).
 */
const MEASURED: Record<string, number> = {
  "robustness.e2e.test.ts": 29, "editions.e2e.test.ts": 14, "booklet.e2e.test.ts": 13, "browser-faults.e2e.test.ts": 9,
  "write-faults.test.ts": 8, "committee-changes.e2e.test.ts": 6, "layout.e2e.test.ts": 6, "compare-property.test.ts": 5,
  "progress.e2e.test.ts": 4, "output-paths.e2e.test.ts": 3, "typesetting.e2e.test.ts": 3, "preview.e2e.test.ts": 3,
  "changes.e2e.test.ts": 3, "validation.test.ts": 3, "figures.e2e.test.ts": 3, "any-plan.e2e.test.ts": 2, "draft.e2e.test.ts": 1,
};

/** Longest first: by this machine's own timings when it has them, else by MEASURED. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const seconds = (spec: TestSpecification) => {
      const key = `${spec.project.name}:${path.relative(spec.project.config.root, spec.moduleId)}`;
      const cached = this.ctx.cache.getFileTestResults(key);
      return cached ? cached.duration / 1000 : (MEASURED[path.basename(spec.moduleId)] ?? 0);
    };
    return sorted.map((spec, i) => ({ spec, i, s: seconds(spec) })).sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.spec);
  }
}

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Two files at a time keep both cores busy (the run uses 99 % of them): one file alone
    // took 9.1 min against 7.0; three took 244 s against 240, four were slower. A test that
    // expects a killed run's leftovers to stay until its own next run gives its runs a
    // temporary root of their own (helpers/data-copy.ts ownTmp).
    fileParallelism: true,
    maxWorkers: 2,
    // One process for every file: the modules under test are loaded once, not once per file
    // (half the unit tests' time). Each file keeps its own state; a test that sets an
    // environment variable or patches stderr restores it.
    isolate: false,
    sequence: { sequencer: LongestFirst },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    globalSetup: ["tests/global-setup.ts"],
  },
});
