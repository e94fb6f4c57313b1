// Once per test run: dist/ compiled from src/ (CLI tests run bin/plan-press.js, which runs dist/),
// and a folder for the booklets several test files share (tests/helpers/shared-builds.ts),
// removed when the run ends.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    sharedDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, "../scripts/compile-if-stale.mjs")], { stdio: "inherit" });
  const sharedDir = mkdtempSync(path.join(tmpdir(), "plan-press-tests-"));
  project.provide("sharedDir", sharedDir);
  return () => rmSync(sharedDir, { recursive: true, force: true });
}
