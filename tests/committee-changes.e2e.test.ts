// Issue 11's "Done when": two versions of a plan differ in ways of every kind (tests/helpers/
// held-out.ts, the second plan in its own terms): a 基本目標 removed, a project removed, a 基本施策
// moved to another 基本目標, a 個別計画 renamed, the 将来都市像 edited, a 事業 added. The first is tagged in git, as staff do after a
// meeting; the second is the working copy. Through the command line, as staff run it, the
// 新旧対照表 and the draft's change list each show every one of them once, a removed item with the
// page it had; no PDF says anything of git. Also (issue 12) diff keeps its scratch files in a
// temporary folder, and a killed diff's folder is removed by the next run.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NEW_PROGRAM, NEW_VISION, RENAMED_PLAN, firstVersion, secondVersion } from "./helpers/held-out.js";
import { shared } from "./helpers/shared-builds.js";
import { ownTmp, smallPlan } from "./helpers/data-copy.js";
import { qpdfJson, run } from "./helpers/pdf-tools.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const squash = (s: string) => s.replace(/\s+/g, "");
const count = (text: string, needle: string) => squash(text).split(squash(needle)).length - 1;
let repo: string;
let commit: string;
let draftPdf: string;
let tablePdf: string;
let buildRun: Ran;
let diffRun: Ran;
let oldLabels: Map<string, string>;

const cli = (args: string[]) => spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), ...args], { cwd: repo, encoding: "utf8", timeout: 600_000 });
interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  pid: number;
}
/** The CLI run in the background (the shared booklet is built meanwhile). */
function cliAsync(args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn("node", [path.join(ROOT, "bin/plan-press.js"), ...args], { cwd: repo });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stdout, stderr, pid: child.pid! }));
  });
}

beforeAll(async () => {
  const first = firstVersion();
  repo = path.dirname(first);
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { stdio: "pipe" }).toString().trim();
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.name=plan-press", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "第1回審議会に提出");
  git("tag", "shingikai-1");
  commit = git("rev-parse", "HEAD");
  // The working copy becomes the second version.
  const second = secondVersion();
  rmSync(first, { recursive: true });
  cpSync(second, first, { recursive: true });
  mkdirSync(path.join(repo, "out"));
  draftPdf = path.join(repo, "out", "action-plan-draft.pdf");
  tablePdf = path.join(repo, "out", "shinkyu-taisho.pdf");
  // The draft, then the table, as staff make them for a meeting; beside them the first version's
  // own booklet (to know the pages it had: the second plan's shared booklet, the same pages). The
  // table's build finds the pages the draft's build learned of the first version (diff/
  // old-pages-cache.ts) and the draft's page layout beside its output.
  const official = shared("midorino");
  buildRun = await cliAsync(["build", "--edition", "draft", "--changes-since", "shingikai-1", "--out", draftPdf]);
  diffRun = await cliAsync(["diff", "--from", "shingikai-1", "--label", "第1回審議会資料", "--out", tablePdf]);
  ({ result: { pageLabels: oldLabels } } = await official);
}, 900_000);

/** Text of the draft's front list 「前回からの変更箇所」. */
function changeList(): string {
  const front = qpdfJson(draftPdf).pagelabels[1]!.index;
  const pages = Array.from({ length: front }, (_, i) => run("pdftotext", ["-f", String(i + 1), "-l", String(i + 1), draftPdf, "-"]));
  const start = pages.findIndex((t) => t.includes("前回からの変更箇所"));
  expect(start).toBeGreaterThan(0);
  return pages.slice(start).join("\n");
}

describe("two versions that differ in every way", () => {
  it("run through the command line", () => {
    expect(buildRun.status, buildRun.stderr).toBe(0);
    expect(diffRun.status, diffRun.stderr).toBe(0);
    // A first draft, with no pages of an earlier build beside it: the estimate of its pages holds
    // (it lays the pages out as wide as the draft's page area), so it prints once.
    expect(buildRun.stderr).toMatch(/印刷（Chromium） … [\d.]+ 秒（\d+ ページ、印刷 1 回）/);
  });

  it("give a 新旧対照表 showing every change once, a removed item with the page it had", () => {
    const text = run("pdftotext", [tablePdf, "-"]);
    expect(count(text, "基本目標3　水と緑を守るまち")).toBe(1);
    expect(count(text, "リーディングプロジェクト2　健康・環境プロジェクト")).toBe(1);
    expect(count(text, "基本施策（1-3 → 2-3）")).toBe(1);
    expect(count(text, `個別計画　${RENAMED_PLAN.after}`)).toBe(1);
    expect(count(text, "計画名")).toBe(1);
    expect(count(text, "将来都市像")).toBe(1);
    expect(count(text, NEW_VISION)).toBe(1);
    expect(count(text, `事業1「${NEW_PROGRAM}」`)).toBe(1);
    // the pages the removed items had, read from the first version's own booklet
    expect(squash(text)).toContain(`旧p.${oldLabels.get("area-3")}`);
    expect(squash(text)).toContain(`旧p.${oldLabels.get("project-2")}`);
    // A removed item and a dropped link are described in the plan's terms, not the sample's;
    // a field the removed item left empty is not listed.
    expect(squash(text)).toContain("目指すまちの姿：豊かな自然を次の世代に引き継ぐまち");
    expect(squash(text)).toContain("リーディングプロジェクト2（施策の柱1）");
    expect(text).not.toMatch(/政策のゴール|重点プロジェクト|重点施策|基本的方向|数値目標|将来ビジョン/);
    expect(text).not.toMatch(/：\s*$/m);
    expect(text).toMatch(/新（改正後）：案 第2版（2025年12月1日）/);
    expect(text).toMatch(/旧（改正前）：第1回審議会資料/);
    // plan.yaml's shorter lists are headed in the committee's words, not by the file's key.
    expect(count(text, "計画の構成")).toBe(1);
    expect(text).not.toMatch(/^\s*(plan|booklet)\s*$/m);
  });

  it("give a draft whose change list shows every change once, with its kind and page", () => {
    const list = changeList();
    expect(list).toContain("案 第1版（2025年10月1日）と比べて");
    expect(count(list, "基本目標3　水と緑を守るまち")).toBe(1);
    expect(count(list, "リーディングプロジェクト2　健康・環境プロジェクト")).toBe(1);
    expect(count(list, "基本施策（1-3 → 2-3）")).toBe(1);
    expect(count(list, `個別計画　${RENAMED_PLAN.after}`)).toBe(1);
    expect(count(list, "将来都市像")).toBe(1);
    expect(count(list, `事業1「${NEW_PROGRAM}」`)).toBe(1);
    const lines = list.split("\n");
    expect(lines).toContain(`旧 p.${oldLabels.get("area-3")}`);
    expect(lines).toContain(`旧 p.${oldLabels.get("project-2")}`);
    for (const kind of ["削除", "移動", "新設", "変更"]) expect(lines, kind).toContain(kind);
  });

  it("mark the new 事業 whole, the moved 基本施策 with a bar, and only changed elements", () => {
    const html = readFileSync(draftPdf.replace(/\.pdf$/, ".html"), "utf8");
    expect(html).toMatch(/<li id="chg-policy-1-1-d1-p1" data-changed="whole">/);
    expect(html).toMatch(/<h2 class="policy__title" id="chg-policy-2-3-title" data-changed="">/);
    expect(html).not.toMatch(/id="chg-policy-1-1-vision" data-changed/);
  });

  it("say nothing of git in any PDF, though the terminal says which revision was read", () => {
    for (const pdf of [draftPdf, tablePdf]) {
      const words = `${run("pdftotext", [pdf, "-"])}\n${run("pdfinfo", [pdf])}`;
      for (const bad of [commit.slice(0, 7), "コミット", "shingikai-1", "HEAD", "refs/"]) expect(words, `${path.basename(pdf)}: ${bad}`).not.toContain(bad);
      expect(words).not.toMatch(/\bgit\b/i);
      // Every object uncompressed (metadata, names, links): no revision, tag or full commit id anywhere.
      const raw = execFileSync("qpdf", ["--qdf", "--object-streams=disable", pdf, "-"], { maxBuffer: 512 * 1024 * 1024 }).toString("latin1");
      for (const bad of [commit, "shingikai-1", "refs/tags"]) expect(raw.includes(bad), `${path.basename(pdf)}: ${bad}`).toBe(false);
    }
    expect(buildRun.stderr).toContain(`git の版 shingikai-1（コミット ${commit.slice(0, 7)}`);
    expect(diffRun.stdout).toContain(`git の版 shingikai-1（コミット ${commit.slice(0, 7)}`);
  });

  it("leave nothing beside the 新旧対照表 but the PDF, and no temporary folder", () => {
    expect(readdirSync(path.dirname(tablePdf)).filter((f) => !f.startsWith("action-plan-draft") && !f.startsWith(".action-plan-draft"))).toEqual(["shinkyu-taisho.pdf"]);
    const mine = (pid: number) => readdirSync(tmpdir()).filter((f) => new RegExp(`^plan-press-[a-z]+-${pid}-`).test(f));
    expect(mine(diffRun.pid)).toEqual([]);
  });
});

describe("a killed plan-press diff", () => {
  it("leaves no file beside its output, even killed while printing the table, and its temporary folders go with the next run", async () => {
    // What a kill leaves does not depend on the pages: the six-page booklet, the same version on
    // both sides (nothing to look up in an older booklet), so the table soon follows. Its own
    // temporary root: the next run that clears it is this test's, not another file's.
    const data = smallPlan();
    const cwd = path.dirname(data);
    const env = { ...process.env, TMPDIR: ownTmp() };
    const out = path.join(cwd, "killed", "shinkyu-taisho.pdf");
    mkdirSync(path.dirname(out));
    const child = spawn("node", [path.join(ROOT, "bin/plan-press.js"), "diff", "--from", "./data", "--out", out], { cwd, env, stdio: "ignore" });
    const mine = () => readdirSync(env.TMPDIR).filter((f) => f.startsWith("plan-press-") && f.includes(`-${child.pid}-`));
    const beside = () => readdirSync(path.dirname(out));
    const tableHtml = () => mine().some((d) => existsSync(path.join(env.TMPDIR, d, "shinkyu-taisho.html")));
    // Killed once the table's HTML is written (in its temporary folder, or, wrongly, beside the output).
    for (let waited = 0; !tableHtml() && beside().length === 0 && waited < 300_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(tableHtml() || beside().length > 0, "the diff reached the table").toBe(true);
    expect(beside()).toEqual([]);
    expect(mine().length).toBeGreaterThan(0);
    expect(spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "check"], { cwd, env, encoding: "utf8" }).status).toBe(0);
    expect(mine()).toEqual([]);
  });
});
