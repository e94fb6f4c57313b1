// npm run bench: plan-press build against the floor, a raw `chromium --headless --print-to-pdf`
// of the very same HTML, side by side in one run; then a 4× larger synthetic plan (generated
// data, same templates) to show how time grows with pages. Targets: time ≤ 1.5×, size ≤ 1.2×.
// Last, the preview's latency from a save to the page (target: a second). BENCH_RUNS sets the
// runs (5); BENCH_ONLY=preview measures the preview alone.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findExecutable } from "../src/print/browser.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const chromium = findExecutable();

function seconds(fn: () => void): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function planPress(dataDir: string, out: string): void {
  const r = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "build", "--data", dataDir, "--out", out], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`plan-press build failed:\n${r.stderr}`);
}

function floor(html: string, pdf: string): void {
  // The same quiet-network flags plan-press uses, so both start Chromium alike.
  const args = ["--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--no-pdf-header-footer", `--print-to-pdf=${pdf}`, html];
  if (process.getuid?.() === 0) args.unshift("--no-sandbox");
  execFileSync(chromium, args, { stdio: "ignore" });
}

function measure(label: string, dataDir: string, outDir: string) {
  const out = path.join(outDir, "action-plan.pdf");
  rmSync(path.join(outDir, ".action-plan.pagination.json"), { force: true });
  const cold = seconds(() => planPress(dataDir, out)); // no pagination hint: measure + final print
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(seconds(() => planPress(dataDir, out)));
  const html = out.replace(/\.pdf$/, ".html");
  const floorPdf = path.join(outDir, "floor.pdf");
  const floors: number[] = [];
  for (let i = 0; i < RUNS; i++) floors.push(seconds(() => floor(html, floorPdf)));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [out], { encoding: "utf8" }))![1]);
  const size = statSync(out).size;
  const floorSize = statSync(floorPdf).size;
  return { label, pages, cold, warm: median(warm), floor: median(floors), size, floorSize };
}

/** data/ with every 重点施策 copied three more times under new numbers (about 4× the pages). */
function syntheticPlan(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-bench-")), "data");
  cpSync(path.join(ROOT, "data"), dir, { recursive: true });
  const policiesDir = path.join(dir, "policies");
  const files = readdirSync(policiesDir);
  const perArea = new Map<string, number>();
  for (const f of files) perArea.set(f.split("-")[0]!, (perArea.get(f.split("-")[0]!) ?? 0) + 1);
  for (const f of files) {
    const [area, n] = f.replace(".yaml", "").split("-") as [string, string];
    const text = readFileSync(path.join(policiesDir, f), "utf8");
    for (let copy = 1; copy <= 3; copy++) {
      const id = `${area}-${Number(n) + copy * perArea.get(area)!}`;
      writeFileSync(
        path.join(policiesDir, `${id}.yaml`),
        text.replace(/^id: .*$/m, `id: "${id}"`).replace(/^title: (.*)$/m, `title: $1（合成${copy}）`),
      );
    }
  }
  return dir;
}

const only = process.env.BENCH_ONLY;
const rows = only === "preview" ? [] : [
  measure("見本の冊子", path.join(ROOT, "data"), mkdtempSync(path.join(tmpdir(), "plan-press-bench-out-"))),
  measure("4倍の合成データ", syntheticPlan(), mkdtempSync(path.join(tmpdir(), "plan-press-bench-out-"))),
];

if (rows.length > 0) {
console.log(`plan-press bench — median of ${RUNS} runs (Chromium: ${chromium})\n`);
console.log("| plan | pages | plan-press build | floor (chromium --print-to-pdf) | ratio | first build (no hint) | ratio | PDF | floor PDF | size ratio |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.label} | ${r.pages} | ${r.warm.toFixed(2)} s | ${r.floor.toFixed(2)} s | ${(r.warm / r.floor).toFixed(2)}× | ${r.cold.toFixed(2)} s | ${(r.cold / r.floor).toFixed(2)}× | ${mb(r.size)} | ${mb(r.floorSize)} | ${(r.size / r.floorSize).toFixed(2)}× |`,
  );
}
const [small, big] = rows as [ReturnType<typeof measure>, ReturnType<typeof measure>];
console.log(`\n時間の伸び: ページ ${(big.pages / small.pages).toFixed(2)} 倍 → build ${(big.warm / small.warm).toFixed(2)} 倍（floor ${(big.floor / small.floor).toFixed(2)} 倍）`);
console.log("目標: build ≤ 1.5× floor、サイズ ≤ 1.2× floor。「first build」は前回のページ割りの手掛かりがない初回（印刷2回）。");
}

/** The preview: from saving a data file to the edit on the open page (target: within a second). */
async function previewLatency(): Promise<number[]> {
  const { startPreview } = await import("../src/preview/server.js");
  const { openBrowser } = await import("../src/print/browser.js");
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-bench-preview-")), "data");
  cpSync(path.join(ROOT, "data"), dir, { recursive: true });
  const server = await startPreview({ dataDir: dir, edition: "official", port: 0 });
  const browser = await openBrowser({ timeout: 60_000 });
  const times: number[] = [];
  try {
    const page = await browser.browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    await page.goto(server.url, { waitUntil: "load" });
    await page.waitForFunction(() => document.documentElement.dataset.previewVersion === "1");
    const file = path.join(dir, "policies/3-1.yaml");
    for (let i = 0; i < RUNS; i++) {
      const marker = `計測用の編集${i}`;
      const text = readFileSync(file, "utf8").replace(/^title: .*$/m, `title: ${marker}`);
      const started = performance.now();
      writeFileSync(file, text);
      await page.waitForFunction((m: string) => document.body.innerText.includes(m), { polling: "mutation", timeout: 30_000 }, marker);
      times.push((performance.now() - started) / 1000);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return times;
}

const latency = await previewLatency();
console.log(`\nプレビュー: 保存してから画面に表示されるまで ${median(latency).toFixed(2)} 秒（中央値、${RUNS} 回: ${latency.map((t) => t.toFixed(2)).join(" / ")}）。目標: 1 秒以内。`);
