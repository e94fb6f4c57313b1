// A/B of whole builds: `tsx bench/ab.ts <checkout> <checkout> …` builds the same data with each
// checkout's compiled plan-press (its dist/, `npx tsc -p .` first), in turn within each of
// BENCH_RUNS runs, and prints the medians of wall and CPU seconds and the peak memory.
// AB_FIRST=1 removes the pagination hint before every build (a first build); AB_DATA picks the
// data folder (this checkout's data/ by default).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { measure, type Cost } from "./process-tree.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const first = process.env.AB_FIRST === "1";
const data = path.resolve(process.env.AB_DATA ?? path.join(ROOT, "data"));
const checkouts = process.argv.slice(2).map((c) => path.resolve(c));
if (checkouts.length === 0) throw new Error("usage: tsx bench/ab.ts <checkout> [<checkout> …]");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const outs = checkouts.map(() => path.join(mkdtempSync(path.join(tmpdir(), "plan-press-ab-")), "action-plan.pdf"));
// Timed runs are not sampled (reading Chromium's memory maps costs a build 0.05–0.18 s); one more
// build of each checkout gives the peak memory.
const build = (i: number, memory = false) => measure("node", [path.join(checkouts[i]!, "bin/plan-press.js"), "build", "--data", data, "--out", outs[i]!], { sampleMs: memory ? 150 : 0 });

// One unmeasured build each: the hint a rebuild starts from.
for (let i = 0; i < checkouts.length; i++) await build(i);
const costs: Cost[][] = checkouts.map(() => []);
for (let run = 0; run < RUNS; run++) {
  for (let i = 0; i < checkouts.length; i++) {
    if (first) rmSync(path.join(path.dirname(outs[i]!), ".action-plan.pagination.json"), { force: true });
    const cost = await build(i);
    costs[i]!.push(cost);
    process.stderr.write(`run ${run + 1} ${checkouts[i]}: ${cost.seconds.toFixed(2)} s, CPU ${cost.cpuSeconds.toFixed(2)} s\n`);
  }
}
const peaks: number[] = [];
for (let i = 0; i < checkouts.length; i++) {
  if (first) rmSync(path.join(path.dirname(outs[i]!), ".action-plan.pagination.json"), { force: true });
  peaks.push((await build(i, true)).peakBytes);
}
console.log(`${first ? "first builds (no hint)" : "rebuilds"} of ${data}, median of ${RUNS} runs:`);
checkouts.forEach((c, i) => {
  const list = costs[i]!;
  console.log(
    `  ${c}: ${median(list.map((x) => x.seconds)).toFixed(2)} s, CPU ${median(list.map((x) => x.cpuSeconds)).toFixed(2)} s ` +
      `[${list.map((x) => x.cpuSeconds.toFixed(1)).join(" ")}], peak ${(peaks[i]! / 1024 / 1024).toFixed(0)} MB`,
  );
});
