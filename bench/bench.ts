// npm run bench: plan-press against Chromium alone, every variant measured in turn within each
// run (a shared machine's load then weighs on all alike), medians of BENCH_RUNS runs (5):
//   - rebuild: `plan-press build` with the last build's pagination hint (the usual case);
//   - first build: the same without the hint;
//   - floor: a raw `chromium --headless --print-to-pdf` of the booklet's final HTML;
//   - plain text: the same raw print of plain Japanese text of the booklet's page count, in its
//     font (bench/plain-text.ts);
//   - the web edition of the sample (the booklet and a file per chapter), against the rebuild.
// Goals (issue 16): rebuild ≤ 2× plain text, first build ≤ 1.3× floor, and the 4× synthetic
// plan (every 重点施策 copied three more times) within 4.4× the sample's time. Wall and CPU
// seconds (the whole process tree) from runs nothing samples, and the peak memory of plan-press
// with its Chromium from one more run of each build that samples it (sampling every 150 ms cost
// a build 0.05–0.18 s, the floor less).
// Last, the preview's latency from a save to the page (target: a second). BENCH_ONLY=preview
// measures the preview alone; BENCH_ONLY=build skips it.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { findExecutable } from "../src/print/browser.js";
import { measure, type Cost } from "./process-tree.js";
import { plainTextHtml } from "./plain-text.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const chromium = findExecutable();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const pageCount = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);

interface Plan {
  label: string;
  dataDir: string;
  out: string;
  hint: string;
  html: string;
  pages: number;
}

function plan(label: string, dataDir: string): Plan {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-bench-out-")), "action-plan.pdf");
  return { label, dataDir, out, hint: path.join(path.dirname(out), ".action-plan.pagination.json"), html: out.replace(/\.pdf$/, ".html"), pages: 0 };
}

const build = (p: Plan, memory = false) => measure("node", [path.join(ROOT, "bin/plan-press.js"), "build", "--data", p.dataDir, "--out", p.out], { sampleMs: memory ? 150 : 0 });
/** The web edition (the booklet and a file per chapter) into a folder beside the plan's output. */
const webBuild = (p: Plan) => measure("node", [path.join(ROOT, "bin/plan-press.js"), "build", "--edition", "web", "--data", p.dataDir, "--out", `${path.join(path.dirname(p.out), "web")}/`], { sampleMs: 0 });

function rawPrint(html: string, pdf: string): Promise<Cost> {
  // The same quiet-network flags plan-press uses, so both start Chromium alike.
  const args = ["--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--no-pdf-header-footer", `--print-to-pdf=${pdf}`, html];
  if (process.getuid?.() === 0) args.unshift("--no-sandbox");
  return measure(chromium, args, { sampleMs: 0 });
}

/**
 * data/ with every 重点施策 copied three more times under new numbers (about 4× the pages): each
 * copy declared by its 政策 and with indicator keys of its own (keys are unique in a plan).
 */
function syntheticPlan(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-bench-")), "data");
  cpSync(path.join(ROOT, "data"), dir, { recursive: true });
  const policiesDir = path.join(dir, "policies");
  const files = readdirSync(policiesDir);
  const perArea = new Map<string, number>();
  for (const f of files) perArea.set(f.split("-")[0]!, (perArea.get(f.split("-")[0]!) ?? 0) + 1);
  const added = new Map<string, string[]>();
  for (const f of files) {
    const [area, n] = f.replace(".yaml", "").split("-") as [string, string];
    const text = readFileSync(path.join(policiesDir, f), "utf8");
    for (let copy = 1; copy <= 3; copy++) {
      const id = `${area}-${Number(n) + copy * perArea.get(area)!}`;
      added.set(area, [...(added.get(area) ?? []), id]);
      writeFileSync(
        path.join(policiesDir, `${id}.yaml`),
        text
          .replace(/^id: .*$/m, `id: "${id}"`)
          .replace(/^title: (.*)$/m, `title: $1（合成${copy}）`)
          .replace(/^(\s*- key: )(\S+)$/gm, `$1$2-c${copy}`)
          .replace(/\[\[(図|表) ([^\]]+)\]\]/g, (_, kind: string, name: string) => {
            // A figure is placed once: each copy places a copy of it.
            cpSync(path.join(dir, "figures", `${name}.yaml`), path.join(dir, "figures", `${name}-c${copy}.yaml`));
            return `[[${kind} ${name}-c${copy}]]`;
          }),
      );
    }
  }
  for (const [area, ids] of added) {
    const file = path.join(dir, "policy-areas", `${area}.yaml`);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/^policies: \[(.*)\]$/m, (_, list: string) => `policies: [${list}, ${ids.sort((a, b) => Number(a.split("-")[1]) - Number(b.split("-")[1])).map((id) => `"${id}"`).join(", ")}]`));
  }
  return dir;
}

type Kind = "rebuild" | "first" | "floor";
const KINDS: Kind[] = ["rebuild", "first", "floor"];

async function benchBuilds(): Promise<void> {
  const plans = [plan("見本の冊子", path.join(ROOT, "data")), plan("4倍の合成データ", syntheticPlan())];
  // A build each first: the HTML for the floor, the page count for the plain text, and the hint.
  for (const p of plans) {
    await build(p);
    p.pages = pageCount(p.out);
  }
  const sample = plans[0]!;
  await webBuild(sample);
  const plainHtml = path.join(path.dirname(sample.out), "plain-text.html");
  writeFileSync(plainHtml, plainTextHtml(readFileSync(sample.html, "utf8"), sample.pages));
  const plainPdf = plainHtml.replace(/\.html$/, ".pdf");

  const costs = new Map<string, Cost[]>();
  const add = (key: string, cost: Cost) => costs.set(key, [...(costs.get(key) ?? []), cost]);
  for (let run = 0; run < RUNS; run++) {
    for (const p of plans) {
      add(`${p.label}/rebuild`, await build(p));
      rmSync(p.hint, { force: true });
      add(`${p.label}/first`, await build(p));
      add(`${p.label}/floor`, await rawPrint(p.html, path.join(path.dirname(p.out), "floor.pdf")));
    }
    add("plain", await rawPrint(plainHtml, plainPdf));
    add("web", await webBuild(sample));
    process.stderr.write(`run ${run + 1}/${RUNS} done\n`);
  }
  // Memory: one more rebuild and first build of each plan, sampled.
  const peaks = new Map<string, number>();
  for (const p of plans) {
    const rebuild = await build(p, true);
    rmSync(p.hint, { force: true });
    const first = await build(p, true);
    peaks.set(p.label, Math.max(rebuild.peakBytes, first.peakBytes));
  }
  const plainPages = pageCount(plainPdf);
  const wall = (key: string) => median(costs.get(key)!.map((c) => c.seconds));
  const cpu = (key: string) => median(costs.get(key)!.map((c) => c.cpuSeconds));
  const peak = (plan: Plan) => peaks.get(plan.label)!;
  const cell = (key: string) => `${wall(key).toFixed(2)} s（CPU ${cpu(key).toFixed(2)} s）`;
  const ratio = (a: string, b: string) => `${(wall(a) / wall(b)).toFixed(2)}×（CPU ${(cpu(a) / cpu(b)).toFixed(2)}×）`;

  console.log(`plan-press bench — median of ${RUNS} runs, each variant in turn within a run (Chromium: ${chromium})\n`);
  console.log("| plan | pages | rebuild | first build (no hint) | floor (chromium --print-to-pdf) | rebuild ÷ plain text | first ÷ floor | peak memory | PDF | floor PDF |");
  console.log("|---|---|---|---|---|---|---|---|---|---|");
  for (const p of plans) {
    const k = (kind: Kind) => `${p.label}/${kind}`;
    console.log(
      `| ${p.label} | ${p.pages} | ${KINDS.map((kind) => cell(k(kind))).join(" | ")} | ${p === plans[0] ? ratio(k("rebuild"), "plain") : "—"} | ${ratio(k("first"), k("floor"))} | ` +
        `${mb(peak(p))} | ${mb(statSync(p.out).size)} | ${mb(statSync(path.join(path.dirname(p.out), "floor.pdf")).size)} |`,
    );
  }
  const [small, big] = plans as [Plan, Plan];
  // The plain text has the sample's page count: the 4× plan is compared with the sample instead.
  console.log(`\nplain text（同じ字形・同じページ数 ${plainPages} の日本語の本文、chromium --print-to-pdf）: ${cell("plain")}`);
  const rebuildToPlain = wall(`${small.label}/rebuild`) / wall("plain");
  const firstToFloor = wall(`${small.label}/first`) / wall(`${small.label}/floor`);
  const growth = wall(`${big.label}/rebuild`) / wall(`${small.label}/rebuild`);
  const met = (ok: boolean) => (ok ? "達成" : "未達");
  console.log(`ウェブ用（冊子と章ごとの PDF、見本の作り直し）: ${cell("web")}、正式版の作り直しの ${ratio("web", `${sample.label}/rebuild`)}`);
  console.log(`目標1 作り直し ≤ 2× plain text: ${rebuildToPlain.toFixed(2)}× — ${met(rebuildToPlain <= 2)}`);
  console.log(`目標2 初回 ≤ 1.3× floor: ${firstToFloor.toFixed(2)}× — ${met(firstToFloor <= 1.3)}`);
  console.log(
    `目標3 4倍の合成 ≤ 4.4× 見本: ${growth.toFixed(2)}×（ページ ${(big.pages / small.pages).toFixed(2)} 倍、CPU ${(cpu(`${big.label}/rebuild`) / cpu(`${small.label}/rebuild`)).toFixed(2)} 倍、` +
      `初回 ${(wall(`${big.label}/first`) / wall(`${small.label}/first`)).toFixed(2)} 倍）— ${met(growth <= 4.4)}。ピークメモリ（plan-press と Chromium の合計 PSS）: ` +
      `見本 ${mb(peak(small))}、4倍 ${mb(peak(big))}`,
  );
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

const only = process.env.BENCH_ONLY;
if (only !== "preview") await benchBuilds();
if (only !== "build") {
  const latency = await previewLatency();
  console.log(`\nプレビュー: 保存してから画面に表示されるまで ${median(latency).toFixed(2)} 秒（中央値、${RUNS} 回: ${latency.map((t) => t.toFixed(2)).join(" / ")}）。目標: 1 秒以内。`);
}
