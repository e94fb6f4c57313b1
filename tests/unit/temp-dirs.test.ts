// Temporary folders: gone after dispose, after an early process.exit, and — when the process was
// killed outright — swept by the next run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTempDir, sweepStaleTempDirs } from "../../src/write/temp-dirs.js";

describe("temporary folders", () => {
  it("are removed by dispose", () => {
    const temp = makeTempDir("unit");
    expect(path.basename(temp.dir)).toMatch(new RegExp(`^plan-press-unit-${process.pid}-`));
    expect(existsSync(temp.dir)).toBe(true);
    temp.dispose();
    expect(existsSync(temp.dir)).toBe(false);
  });

  it("are removed when the process exits before disposing them", () => {
    const module = path.resolve(import.meta.dirname, "../../src/write/temp-dirs.ts");
    const child = spawnSync("npx", ["--no-install", "tsx", "-e", `import("${module}").then((m) => { const t = m.makeTempDir("unit"); console.log(t.dir); process.exit(3); })`], { encoding: "utf8" });
    expect(child.status).toBe(3);
    const dir = child.stdout.trim();
    expect(dir).toMatch(/plan-press-unit-/);
    expect(existsSync(dir)).toBe(false);
  }, 30_000);

  it("of a process that no longer exists are swept; those of live processes and other names stay", () => {
    const root = mkdtempSync(path.join(tmpdir(), "sweep-root-"));
    // A pid far above pid_max's usual range cannot belong to a live process.
    const dead = path.join(root, "plan-press-old-999999999-abcDEF");
    const mine = path.join(root, `plan-press-old-${process.pid}-abcDEF`);
    const parent = path.join(root, `plan-press-old-${process.ppid}-abcDEF`);
    const other = path.join(root, "plan-press-notes");
    for (const d of [dead, mine, parent, other]) mkdirSync(d);
    expect(sweepStaleTempDirs(root)).toEqual(["plan-press-old-999999999-abcDEF"]);
    expect([dead, mine, parent, other].map(existsSync)).toEqual([false, true, true, true]);
  });
});
