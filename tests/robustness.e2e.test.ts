// Hostile input, injection attempts and a browser that dies: refused or contained, nothing lost.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { parseDocument, stringify } from "yaml";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { build, checkData } from "../src/build.js";
import { buildModel } from "../src/model/build-model.js";
import { renderHtml } from "../src/render/render-html.js";
import { fontFaces } from "../src/fonts.js";
import { glyphCoverage } from "../src/validate/glyphs.js";
import type { LoadCache } from "../src/load/load-data.js";
import { DATA, dataCopy, edit, fixtureCopy, ownTmp, smallPlan } from "./helpers/data-copy.js";
import { ownChromiums, processesWith, stateOf } from "./helpers/processes.js";
import { digests, previousBooklet } from "./helpers/previous-set.js";
import { run } from "./helpers/pdf-tools.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const CORPUS = path.join(import.meta.dirname, "corpus/hostile");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("the hostile corpus (tests/corpus/hostile)", () => {
  const expected: Record<string, string> = JSON.parse(readFileSync(path.join(CORPUS, "expected.json"), "utf8"));
  for (const [file, message] of Object.entries(expected)) {
    it(`${file} is refused with its own message, quickly`, () => {
      const dir = dataCopy();
      copyFileSync(path.join(CORPUS, file), path.join(dir, "policies/1-1.yaml"));
      const started = performance.now();
      const errors = checkData(dir).diagnostics.filter((d) => d.severity === "error" && d.file.endsWith("policies/1-1.yaml"));
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(errors).toHaveLength(1);
      const [before, after] = message.split("{code}");
      if (after !== undefined) expect(errors[0]!.message).toMatch(new RegExp(`^${escape(before!)}[A-Z_]+${escape(after)}$`));
      else expect(errors[0]!.message).toBe(message);
    });
  }

  it("a 10 MB string, a folder where a file belongs and a symlink loop", () => {
    const dir = dataCopy();
    writeFileSync(path.join(dir, "policies/1-1.yaml"), `id: "1-1"\ntitle: ${"あ".repeat(3_500_000)}\n`);
    rmSync(path.join(dir, "policies/1-2.yaml"));
    mkdirSync(path.join(dir, "policies/1-2.yaml"));
    rmSync(path.join(dir, "policies/1-3.yaml"));
    symlinkSync("1-3.yaml", path.join(dir, "policies/1-3.yaml"));
    const messages = checkData(dir).diagnostics.filter((d) => d.severity === "error").map((d) => `${path.basename(d.file)} ${d.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^1-1\.yaml ファイルが大きすぎます（\d+ MB を超えています）$/),
      "1-2.yaml ファイルであるべき場所がフォルダになっています",
      "1-3.yaml ファイルを読めません（リンクが循環しています）",
    ]);
  });

  it("links out of the data folder are not followed: a secret file, a device, /proc", () => {
    const dir = dataCopy();
    const secret = path.join(path.dirname(dir), "secret.md");
    writeFileSync(secret, "# 秘密\n職員の個人情報\n");
    rmSync(path.join(dir, "text/purpose.md"));
    symlinkSync(secret, path.join(dir, "text/purpose.md"));
    for (const [name, target] of [["1-2", "/etc/passwd"], ["1-3", "/dev/zero"], ["1-4", "/proc/self/pagemap"]] as const) {
      rmSync(path.join(dir, `policies/${name}.yaml`));
      symlinkSync(target, path.join(dir, `policies/${name}.yaml`));
    }
    const started = performance.now();
    const errors = checkData(dir).diagnostics.filter((d) => d.severity === "error");
    expect(performance.now() - started).toBeLessThan(5_000);
    const outside = errors.filter((d) => d.message === "データのフォルダの外を指すリンクです（読み込みません）").map((d) => path.basename(d.file));
    expect(outside.sort()).toEqual(["1-2.yaml", "1-3.yaml", "1-4.yaml", "purpose.md"]);
    expect(JSON.stringify(errors)).not.toMatch(/root:|個人情報/);
  });

  it("nesting that would take the parser minutes, a 400-digit figure and a title of 600,000 characters", () => {
    const dir = dataCopy();
    writeFileSync(path.join(dir, "policies/1-2.yaml"), `id: "1-2"\ntitle: ${"[".repeat(1_900_000)}\n`);
    edit(dir, "policies/1-1.yaml", "value: 78.4", `value: "${"9".repeat(400)}.5"`);
    edit(dir, "policies/1-3.yaml", /^title: .*$/m, `title: ${"長".repeat(600_000)}`);
    const started = performance.now();
    const errors = checkData(dir).diagnostics.filter((d) => d.severity === "error");
    expect(performance.now() - started).toBeLessThan(5_000);
    const by = (file: string) => errors.filter((d) => d.file.endsWith(file)).map((d) => d.message);
    expect(by("1-2.yaml")).toEqual(["入れ子が深すぎます（33 段以上）"]);
    expect(by("1-1.yaml")).toEqual([expect.stringMatching(/^「値」は数値で書きます/)]);
    expect(by("1-3.yaml")).toEqual(["「重点施策の名称」が長すぎます（600000 文字。上限は 2000 文字）"]);
  });
});

describe("data that tries markup, script, javascript:, ../../ and a remote image", () => {
  let out: string;
  let blocked: string[];
  let remoteImage: string[];
  beforeAll(async () => {
    // The second plan (a third of the sample's pages): what is tried does not depend on the plan.
    const dir = fixtureCopy();
    edit(dir, "policies/1-1.yaml", "title: 未来を担う子どもの教育の充実", `title: "子育て<script>document.title='x'</script><img src=https://example.com/t.png>"`);
    edit(dir, "policies/1-1.yaml", "issues: |\n", [
      "issues: |",
      "  <script>document.body.remove()</script><iframe src=\"file:///etc/passwd\"></iframe>",
      "",
      "  [危ないリンク](javascript:alert(1)) [上の階層](../../etc/passwd) [ファイル](file:///etc/passwd)",
      "",
      "",
    ].join("\n"));
    // 政策 names reach CSS (running heads, thumb tabs): try to leave the string and the <style>.
    edit(dir, "policy-areas/1.yaml", "name: 子どもと学びのまち", `name: '子育て"; } body { display: none } </style><script>x()</script><style> @page { content: "'`);
    // A remote image in the text is refused at its place before anything is printed.
    edit(dir, "policies/1-1.yaml", "[ファイル](file:///etc/passwd)", "[ファイル](file:///etc/passwd) ![画像](https://example.com/x.png)");
    remoteImage = checkData(dir).diagnostics.filter((d) => d.severity === "error").map((d) => `${path.basename(d.file)} ${d.message}`);
    edit(dir, "policies/1-1.yaml", " ![画像](https://example.com/x.png)", "");
    out = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-inject-")), "action-plan.pdf");
    blocked = (await build({ dataDir: dir, outFile: out, edition: "official", timeout: 120_000, strict: false })).blockedRequests;
  });

  it("refuses a remote image in the text at its place", () => {
    expect(remoteImage).toEqual(["1-1.yaml 画像「https://example.com/x.png」は読み込めません（data/images/ の画像だけを使えます）"]);
  });

  it("prints a booklet in which none of them took effect", () => {
    const html = readFileSync(out.replace(/\.pdf$/, ".html"), "utf8");
    expect(html).not.toMatch(/<script|<iframe|<img src="?https?:/i);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/href="(javascript|file):|href="\.\.\//i);
    expect(blocked).toEqual([]); // nothing was even requested
    const text = run("pdftotext", [out, "-"]);
    // The markup stays visible as text (so staff see what they pasted), and the pages are all there.
    expect(text).toContain("<script>");
    expect(text).toContain("危ないリンク");
    expect(Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [out]))![1])).toBeGreaterThan(30);
  });
});

describe("property: any text or value in a policy file", () => {
  it("gives a reported validation error or an HTML booklet with no unescaped markup", () => {
    const dir = dataCopy();
    const file = path.join(dir, "policies/2-2.yaml");
    const base = parseDocument(readFileSync(path.join(DATA, "policies/2-2.yaml"), "utf8")).toJS();
    const areaFile = path.join(dir, "policy-areas/2.yaml");
    const area = parseDocument(readFileSync(areaFile, "utf8")).toJS();
    const nasty = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.constantFrom("<b>太字</b>", "<script>x()</script>", "\"><img src=x onerror=alert(1)>", "{{edition.title}}", "javascript:alert(1)", "[a](javascript:x)", "![i](http://x/y.png)", "⻑⺠①㈱ｶﾞ", "\u200b\u0000\u202e", "</style><style>", "#", "- ", "1e309"),
    );
    const anyValue = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 2 }));
    // As the preview does: the fonts' coverage read once, and only the files that changed parsed again.
    const glyphs = glyphCoverage(fontFaces());
    const cache: LoadCache = new Map();
    const fields = fc.record({ title: nasty, vision: nasty, issues: nasty, program: nasty, unit: nasty, value: anyValue, year: anyValue, sdg: anyValue, areaName: nasty });
    fc.assert(
      fc.property(fields, (f) => {
        const data = structuredClone(base);
        data.title = f.title; data.vision = f.vision; data.issues = f.issues;
        data.directions[0].programs[0].name = f.program;
        data.directions[0].indicators[0].unit = f.unit;
        data.directions[0].indicators[0].target.value = f.value;
        data.directions[0].indicators[0].baseline.year = f.year;
        data.sdgs = [f.sdg];
        writeFileSync(file, stringify(data));
        // The 政策 name goes into CSS strings (running heads and tabs).
        writeFileSync(areaFile, stringify({ ...area, name: f.areaName }));
        const result = checkData(dir, { glyphs, cache });
        if (!result.data) {
          expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
          return;
        }
        const html = renderHtml(buildModel(result.data, { sdgIcon: () => undefined }), { htmlDir: path.join(ROOT, "output"), fonts: fontFaces(), edition: "official" });
        expect(html).not.toMatch(/<script|<img src=x|onerror=alert|href="javascript:|<\/style><style>|<iframe/i);
        expect(html.match(/<style>/g)).toHaveLength(1);
      }),
      { numRuns: 60 },
    );
  });
});

/** plan-press build in a child process, with a fault switched on (tests/…: write/fault.ts). */
function cli(args: string[], fault?: string, env: Record<string, string> = {}, owner?: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; pid: number; ms: number }> {
  const started = performance.now();
  const child = spawn("node", [path.join(ROOT, "bin/plan-press.js"), ...args], {
    cwd: ROOT, env: { ...process.env, ...env, ...(fault ? { PLAN_PRESS_FAULT: fault } : {}) },
  });
  spawned.set(child, owner);
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr, pid: child.pid!, ms: performance.now() - started })));
}

/**
 * The runs this file started, each with the test that owns it when tests run side by side: a
 * test that fails half-way must not leave one (or its stopped Chromium) behind, and a test that
 * ends must not stop another's.
 */
const spawned = new Map<ChildProcess, string | undefined>();
afterEach(({ task }) => {
  for (const [child, owner] of spawned) {
    if (owner !== undefined && owner !== task.id) continue;
    for (const chromium of processesWith(`plan-press-chromium-${child.pid}-`)) if (stateOf(chromium) === "T") process.kill(chromium, "SIGKILL");
    // Only while Node has not seen it exit: its id is then still its own.
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    spawned.delete(child);
  }
});

describe("Chromium killed (deterministically, at a named step: PLAN_PRESS_FAULT)", () => {
  // A --timeout far above the test's own limit: a dead browser found only by waiting would fail the test.
  const LONG = ["--timeout", "600"];
  // What happens around a print does not depend on the pages: a six-page booklet.
  let small: string;
  beforeAll(() => {
    small = smallPlan();
  });

  for (const [step, said] of [
    ["chromium:Target.setDiscoverTargets:1", /Chromium を起動できません（.*）: 起動の途中で終了しました（クラッシュまたは強制終了、SIGKILL）。 もう一度だけ試します。/],
    ["chromium:Page.printToPDF:1", /Chromium が印刷の途中で終了しました（クラッシュまたは強制終了）。 もう一度だけ試します。/],
  ] as const) {
    // Side by side with the hung run below, which mostly waits for its timeouts.
    it.concurrent(`once, at ${step}: the build says so, tries again, and succeeds`, async ({ task }) => {
      const out = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-retry-")), "action-plan.pdf");
      const r = await cli(["build", "--data", small, "--out", out, ...LONG], `${step}=kill-chromium`, {}, task.id);
      expect(r.stderr).toMatch(said);
      expect(r.code, r.stderr).toBe(0);
      expect(await ownChromiums(r.pid)).toEqual([]);
    }, 480_000);
  }

  it.concurrent("stopped (hung) every time: found by --timeout, retried once, said plainly, and killed", async ({ task }) => {
    const dir = mkdtempSync(path.join(tmpdir(), "plan-press-hang-"));
    const out = previousBooklet(dir);
    const before = digests(dir);
    // 8 s: Chromium starts within it even beside the two retry runs (a start past it would be
    // another fault than the one this test is about).
    const r = await cli(["build", "--data", small, "--out", out, "--timeout", "8"], "chromium:Page.printToPDF:1=hang-chromium-always", {}, task.id);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("もう一度だけ試します");
    expect(r.stderr).toMatch(/plan-press: Chromium が 8 秒以内に応答しませんでした/);
    expect(digests(dir)).toEqual(before);
    expect(await ownChromiums(r.pid)).toEqual([]);
  }, 480_000);

  it("every time: the build fails in plain words, the previous set stays byte-identical, nothing is left behind", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plan-press-kill-"));
    const out = previousBooklet(dir);
    const before = digests(dir);
    const r = await cli(["build", "--data", small, "--out", out, ...LONG], "chromium:Page.navigate:1=kill-chromium-always");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/もう一度だけ試します。[\s\S]*plan-press: Chromium が印刷の途中で終了しました（クラッシュまたは強制終了）。/);
    expect(r.stderr).not.toContain("予期しないエラー");
    expect(digests(dir)).toEqual(before);
    expect(await ownChromiums(r.pid)).toEqual([]);
  }, 480_000);

  it("Ctrl-C while printing: stops, the previous set stays, no Chromium and no temporary file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plan-press-int-"));
    const out = previousBooklet(dir);
    const before = digests(dir);
    const r = await cli(["build", "--data", small, "--out", out, ...LONG], "chromium:Page.printToPDF:1=interrupt");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("中断しました（SIGINT）。前回の PDF はそのままです。");
    expect(digests(dir)).toEqual(before);
    expect(await ownChromiums(r.pid)).toEqual([]);
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`plan-press-chromium-${r.pid}-`))).toEqual([]);
  }, 480_000);

  it("Ctrl-C while Chromium hangs starting: stops at once, not after --timeout", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "plan-press-int-launch-"));
    const out = previousBooklet(dir);
    const before = digests(dir);
    const child = spawn("node", [path.join(ROOT, "bin/plan-press.js"), "build", "--data", small, "--out", out, ...LONG], {
      cwd: ROOT, env: { ...process.env, PLAN_PRESS_FAULT: "chromium:Target.setDiscoverTargets:1=hang-chromium" },
    });
    spawned.set(child, undefined);
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    // Deterministic: wait until its Chromium is stopped (state T), then press Ctrl-C.
    const stopped = () => processesWith(`plan-press-chromium-${child.pid}-`).some((pid) => stateOf(pid) === "T");
    while (!stopped()) await new Promise((r) => setTimeout(r, 100));
    const pressed = performance.now();
    child.kill("SIGINT");
    expect(await exited).toBe(1);
    expect(performance.now() - pressed).toBeLessThan(20_000);
    expect(stderr).toContain("中断しました（SIGINT）。前回の PDF はそのままです。");
    expect(digests(dir)).toEqual(before);
    expect(await ownChromiums(child.pid!)).toEqual([]);
  }, 480_000);

  // Chromium starts while the booklet renders: killed at its start, the run may not have written
  // its source HTML yet; killed while printing, it has.
  for (const [step, htmlLeft] of [["chromium:Target.setDiscoverTargets:1", false], ["chromium:Page.printToPDF:1", true]] as const) {
    it(`plan-press itself killed (SIGKILL) at ${step}: Chromium exits with it, and the next run clears what it left`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "plan-press-sigkill-"));
      const out = previousBooklet(dir);
      const before = digests(dir);
      const tmp = { TMPDIR: ownTmp() };
      const r = await cli(["build", "--data", small, "--out", out, ...LONG], `${step}=kill`, tmp);
      expect(r.signal).toBe("SIGKILL");
      expect(await ownChromiums(r.pid)).toEqual([]);
      // What it could not clean up itself (its browser profile, its source HTML once written) is there…
      if (htmlLeft) expect(Object.keys(digests(dir)).some((n) => n.includes(`.plan-press-${r.pid}.tmp`))).toBe(true);
      expect(readdirSync(tmp.TMPDIR).some((n) => n.startsWith(`plan-press-chromium-${r.pid}-`))).toBe(true);
      // …until the next run, even one that stops at a data error.
      const data = dataCopy();
      edit(data, "policies/2-3.yaml", /\nvision: >-\n(  .*\n)+/, "\n");
      const next = await cli(["build", "--data", data, "--out", out], undefined, tmp);
      expect(next.code).toBe(1);
      expect(digests(dir)).toEqual(before);
      expect(readdirSync(tmp.TMPDIR).filter((n) => n.startsWith(`plan-press-chromium-${r.pid}-`))).toEqual([]);
    }, 480_000);
  }
});

describe("an output that cannot be written", () => {
  it("is refused before anything is read, in plain words, and nothing else is touched", async () => {
    const { spawnSync } = await import("node:child_process");
    const dir = mkdtempSync(path.join(tmpdir(), "plan-press-out-"));
    const out = path.join(dir, "action-plan.pdf");
    mkdirSync(out);
    const cli = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "build", "--out", out], { encoding: "utf8", cwd: ROOT });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain("と同じ名前のフォルダがあります");
    expect(cli.stderr).not.toContain("データの読み込み");
    expect(cli.stderr).not.toContain("予期しない");
    expect(readdirSync(dir)).toEqual(["action-plan.pdf"]);
  });
});

describe("the renderer's fences", () => {
  it("templates never insert data unescaped (no triple-stash)", () => {
    const dir = path.join(ROOT, "templates");
    const files = [...readdirSync(dir).filter((f) => f.endsWith(".hbs")).map((f) => path.join(dir, f)), ...readdirSync(path.join(dir, "partials")).map((f) => path.join(dir, "partials", f))];
    for (const f of files) expect(readFileSync(f, "utf8"), f).not.toContain("{{{");
  });

  it("blocks and reports every request outside the project's files while printing", async () => {
    const { openBrowser } = await import("../src/print/browser.js");
    const { printBooklet } = await import("../src/print/print-booklet.js");
    const dir = mkdtempSync(path.join(tmpdir(), "plan-press-guard-"));
    const htmlFile = path.join(dir, "page.html");
    const html = `<!doctype html><html><head><style>[data-start], .blank-page { break-before: page; }</style></head><body><h1 id="ch-intro" data-start="right"><a href="#ch-intro">x</a></h1>
      <img src="https://example.com/remote.png"><img src="file:///etc/hostname"><img src="../../../../etc/passwd">
      <h2 id="end" data-start="left"><a href="#end">end</a></h2></body></html>`;
    writeFileSync(htmlFile, html);
    const browser = await openBrowser({ timeout: 60_000 });
    try {
      const printed = await printBooklet(browser, { htmlFile, html, timeout: 60_000, firstBodyAnchor: "ch-intro" });
      expect(printed.blockedRequests.sort()).toEqual(["file:///etc/hostname", "file:///etc/passwd", "https://example.com/remote.png"]);
    } finally {
      await browser.close();
    }
  });
});
