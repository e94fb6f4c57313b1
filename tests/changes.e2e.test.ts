// Issue "Committee drafts": edit one 目指す姿 and one indicator's target in a git-managed copy
// of a plan (the second one, in its own terms: a third of the sample's pages to print);
// `plan-press diff --from HEAD` prints a 新旧対照表 with exactly those two rows, and the draft
// with --changes-since HEAD lists and marks the same two places (the changed words of the text,
// not the paragraph). The documents name the compared version by its edition.yaml. Real
// Chromium, PDFs read back by poppler and qpdf. (The sample's two versions that differ in every
// way are in committee-changes.e2e.test.ts.)
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../src/build.js";
import { edit, fixtureCopy } from "./helpers/data-copy.js";
import { flatten, labelOf, pageText, qpdfJson, run } from "./helpers/pdf-tools.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const squash = (s: string) => s.replace(/\s+/g, "");
const NEW_VISION = "自分のよさを生かして学び合い、夢に向かって";
let repo: string;
let data: string;
let draft: BuildResult;

/** The physical page (1-based) whose viewer label is `label`. */
function pageOfLabel(pdf: string, label: string): number {
  const { pagelabels } = qpdfJson(pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))![1]);
  for (let p = 1; p <= pages; p++) if (labelOf(pagelabels, p) === label) return p;
  throw new Error(`no page labelled ${label}`);
}

beforeAll(async () => {
  data = fixtureCopy();
  repo = path.dirname(data);
  const git = (...args: string[]) => execFileSync("git", ["-C", repo, ...args], { stdio: "pipe" });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.name=plan-press", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "第1版");
  edit(data, "policies/1-1.yaml", "自分のよさを生かして学び、", "自分のよさを生かして学び合い、");
  edit(data, "policies/1-1.yaml", "target: { value: 180, year: 2030 }", "target: { value: 200, year: 2030 }");
  draft = await build({
    dataDir: data, outFile: path.join(mkdtempSync(path.join(tmpdir(), "plan-press-changes-")), "action-plan-draft.pdf"), edition: "draft", changesSince: "HEAD",
    timeout: 120_000, strict: false,
  });
});

describe("a draft with --changes-since HEAD", () => {
  it("lists exactly the two changed items at the front, each with the page it is printed on", () => {
    expect(draft.changes!.rows.map((r) => r.item)).toEqual(["目指す姿", "取組1 › 目標指標2「就学前教育・保育の充実に関する相談件数」 › 目標値"]);
    const { pagelabels } = qpdfJson(draft.outFile);
    const front = pagelabels[1]!.index; // pages before the body
    const list = Array.from({ length: front }, (_, i) => pageText(draft.outFile, i + 1)).find((t) => t.includes("前回からの変更箇所"))!;
    expect(list).toBeDefined();
    const visionLine = list.split("\n").find((l) => l.includes("目指す姿"))!;
    const targetLine = list.split("\n").find((l) => l.includes("就学前教育・保育の充実に関する相談件数"))!;
    const visionPage = /(\d+)\s*$/.exec(visionLine)![1]!;
    const targetPage = /(\d+)\s*$/.exec(targetLine)![1]!;
    expect(squash(pageText(draft.outFile, pageOfLabel(draft.outFile, visionPage)))).toContain(squash(NEW_VISION));
    const targetText = pageText(draft.outFile, pageOfLabel(draft.outFile, targetPage));
    expect(squash(targetText)).toContain("就学前教育・保育の充実に関する相談件数");
    expect(squash(targetText)).toContain("200");
  });

  it("marks exactly those two elements in the printed HTML: the changed words of the text, the figure whole", () => {
    const html = readFileSync(draft.htmlFile, "utf8");
    const marked = [...html.matchAll(/<[^>]* id="([^"]+)" data-changed(="\w*")?/g)].map((m) => `${m[1]}${m[2] ?? ""}`);
    expect(marked).toEqual(['chg-policy-1-1-vision=""', 'chg-policy-1-1-d1-i2-target="whole"']);
    // The paragraph is not shaded: only the words that changed are marked in it.
    const vision = /id="chg-policy-1-1-vision"[^>]*>(.*?)<\/p>/.exec(html)![1]!;
    expect([...vision.matchAll(/<mark class="chg-word">(.*?)<\/mark>/g)].map((m) => m[1])).toEqual(["合い"]);
  });

  it("names the compared version by its own edition, never by git", () => {
    const text = run("pdftotext", [draft.outFile, "-"]);
    expect(text).toContain("策定 第1版（2026年3月31日）と比べて変更した箇所です（2 項目）");
    expect(text).not.toMatch(/HEAD|コミット|\bgit\b/);
  });

  it("keeps the folios right after the list: TOC number = bookmark's page label = number printed there", () => {
    const { outlines, pagelabels } = qpdfJson(draft.outFile);
    const mark = flatten(outlines).find((b) => b.title.startsWith("1-1　"))!;
    const label = labelOf(pagelabels, mark.destpageposfrom1);
    const lines = pageText(draft.outFile, mark.destpageposfrom1).split("\n").map((l) => l.trim()).filter(Boolean);
    expect(lines.at(-1)).toBe(label);
    const toc = Array.from({ length: draft.pageCount }, (_, i) => pageText(draft.outFile, i + 1)).filter((t) => /^目次/m.test(t.replace(/[ \t]+/g, ""))).join("\n");
    expect(toc.split("\n").find((l) => l.includes("未来を担う子どもの教育の充実"))).toMatch(new RegExp(`\\s${label}\\s*$`));
  });
});

describe("plan-press diff --from HEAD", () => {
  let stdout: string;
  let pdf: string;
  beforeAll(() => {
    pdf = path.join(path.dirname(draft.outFile), "shinkyu-taisho.pdf");
    const r = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "diff", "--from", "HEAD", "--to", data, "--out", pdf], { encoding: "utf8" });
    expect(r.stderr + r.stdout).not.toContain("予期しない");
    expect(r.status).toBe(0);
    stdout = r.stdout;
  });

  it("prints a 新旧対照表 with exactly the two changed rows, 新 beside 旧, with their pages", () => {
    const text = run("pdftotext", ["-layout", pdf, "-"]);
    expect(text).toContain("新旧対照表");
    expect(text).toMatch(/新（改正後）\s+旧（改正前）/);
    expect(text).toContain("変更 2 項目");
    expect(text).toMatch(/旧（改正前）：策定 第1版（2026年3月31日）/);
    expect(text).not.toMatch(/HEAD|コミット|\bgit\b/);
    const rows = text.split("\n").filter((l) => /^\S/.test(l) && /(目指す姿|取組1 ›)/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(new RegExp(`\\s${draft.changes && draft.pageLabels.get("chg-policy-1-1-vision")}\\s*$`));
    expect(rows[1]).toMatch(/200件\s+180件\s+\d+\s*$/);
    expect(squash(text)).toContain(squash("学び合い、夢に向かって")); // 新
    expect(squash(text)).toContain(squash("学び、夢に向かって")); // 旧
  });

  it("says on stdout what changed and where the table went, and the PDF is sound", () => {
    expect(stdout).toContain("2 項目");
    expect(stdout).toContain("基本施策 1-1");
    expect(stdout).toContain("shinkyu-taisho.pdf");
    expect(run("pdfinfo", [pdf])).toMatch(/Page size:\s+84\d\.\d+ x 59\d\.\d+ pts \(A4\)/); // A4 landscape
    expect(run("pdffonts", [pdf])).not.toContain("Type 3");
    execFileSync("qpdf", ["--check", pdf], { stdio: "pipe" });
  });

  it("refuses a revision that does not exist, in plain words, exit 2", () => {
    const r = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "diff", "--from", "no-such-tag", "--to", data, "--out", pdf], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("リビジョン「no-such-tag」が見つかりません");
  });
});
