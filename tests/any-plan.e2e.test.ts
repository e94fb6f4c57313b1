// Any plan, not only the sample: another city's plan (tests/fixtures/midorino — its own terms,
// counts and chapters, a Markdown chapter before the TOC, no districts) builds with its own names,
// no empty chapter, nothing clipped and a TOC that agrees with the pages; the same plan without
// projects and with twelve 政策 builds too; and `plan-press init` makes a plan that builds.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildResult } from "../src/build.js";
import { fixtureCopy } from "./helpers/data-copy.js";
import { shared } from "./helpers/shared-builds.js";
import { flatten, labelOf, pageText, qpdfJson, run, type OutlineItem } from "./helpers/pdf-tools.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const squash = (s: string) => s.replace(/\s+/g, "");

describe("another city's plan (みどり野市: 基本目標・基本施策・取組, no districts)", () => {
  let out: string;
  let result: BuildResult;
  let outline: OutlineItem[];
  let labels: ReturnType<typeof qpdfJson>["pagelabels"];
  let text: string;
  beforeAll(async () => {
    ({ out, result } = await shared("midorino"));
    ({ outlines: outline, pagelabels: labels } = qpdfJson(out));
    text = squash(run("pdftotext", [out, "-"]));
  });

  it("shows in 各ページの見方 a whole spread: the first 基本施策 that fits its two pages, not the longer first one", () => {
    // 1-1 continues on a second spread: its miniature would be cut at the bottom of its box.
    expect(result.continued).toContain("基本施策 1-1");
    const html = readFileSync(out.replace(/\.pdf$/, ".html"), "utf8");
    // One miniature left in the printed HTML, shown, of 1-2.
    const minis = [...html.matchAll(/<div class="how-to-read__mini"([^>]*)>[\s\S]*?<span class="policy__no">(.*?)<\/h2>/g)];
    expect(minis.map((m) => [m[1], m[2]!.replace(/<[^>]+>/g, "")])).toEqual([[' aria-hidden="true"', "1-2生涯学習と文化の振興"]]);
    const page = flatten(outline).find((b) => b.title === "各ページの見方")!.destpageposfrom1;
    expect(squash(pageText(out, page))).toContain("1-2生涯学習と文化の振興");
  });

  it("is printed in its own names and terms, never the sample's", () => {
    expect(run("pdfinfo", [out])).toMatch(/Author:\s+みどり野市/);
    for (const own of ["第2次みどり野市総合計画基本計画", "将来都市像", "基本目標1", "目指すまちの姿", "取組1", "リーディングプロジェクト1", "重要業績評価指標（KPI）", "目標指標の解説"]) {
      expect(text, own).toContain(own);
    }
    for (const foreign of ["伊勢崎", "重点施策", "重点プロジェクト", "施策の展開方針", "地区別計画", "前期アクションプラン"]) {
      expect(text, foreign).not.toContain(foreign);
    }
    // 「方針1」 of the sample's terms; 「取組方針」 is this plan's own.
    expect(text).not.toMatch(/(?<!取組)方針\d/);
  });

  it("has the chapters its booklet.yaml declares, numbered from the first after the TOC; 資料編 unnumbered", () => {
    expect(outline.map((o) => o.title)).toEqual([
      "市長あいさつ", "第1章　序論", "第2章　計画の体系", "第3章　基本施策", "第4章　リーディングプロジェクト", "資料編",
    ]);
    expect(outline[5]!.kids.map((k) => k.title)).toEqual(["目標指標の解説", "策定の経過", "用語解説", "みどり野市総合計画審議会委員名簿"]);
    // The greeting is front matter: bookmarked, not listed in the printed TOC, before page 1.
    const toc = squash(Array.from({ length: outline[1]!.destpageposfrom1 - 1 }, (_, i) => pageText(out, i + 1)).find((t) => squash(t).startsWith("目次"))!);
    expect(toc).toContain("第1章序論");
    expect(toc).not.toContain("市長あいさつ");
    expect(outline[0]!.destpageposfrom1).toBeLessThan(outline[1]!.destpageposfrom1);
    expect(labelOf(labels, outline[1]!.destpageposfrom1)).toBe("1");
  });

  it("every bookmark: its page carries its title, and the TOC number and the folio printed there agree", () => {
    const tocPages = [3, 4, 5, 6].map((n) => pageText(out, n)).filter((t) => squash(t).startsWith("目次")).join("\n");
    for (const mark of flatten(outline).filter((m) => m.title !== "市長あいさつ")) {
      const page = mark.destpageposfrom1;
      const label = labelOf(labels, page);
      const title = mark.title.replace(/^第\d+章　/, "");
      expect(squash(pageText(out, page)), mark.title).toContain(squash(title).slice(0, 12));
      // A 基本目標's divider is a full-colour page without a printed folio.
      const lines = pageText(out, page).split("\n").map((l) => l.trim()).filter(Boolean);
      if (!mark.title.startsWith("基本目標")) expect(lines.at(-1), `folio of ${mark.title}`).toBe(label);
      const tocLine = tocPages.split("\n").find((l) => squash(l).startsWith(squash(mark.title)))!;
      expect(tocLine, `TOC line of ${mark.title}`).toMatch(new RegExp(`\\s${label}\\s*$`));
    }
  });

  it("continues a 基本施策 of six 取組 onto a second spread: nothing clipped", () => {
    expect(result.continued).toEqual(["基本施策 1-1"]);
    for (const title of ["就学前教育・保育の充実", "確かな学力の育成", "豊かな心と健やかな体の育成", "特別な支援を要する子どもへの対応", "不登校の子どもへの支援", "学校施設の計画的な整備"]) {
      expect(text, title).toContain(title);
    }
    expect(text).toContain("未来を担う子どもの教育の充実（つづき）");
    expect(Number(result.pageLabels.get("policy-1-2")) - Number(result.pageLabels.get("policy-1-1"))).toBe(4);
  });

  it("prints Markdown chapters with their tables and ※ notes, and no empty chapter", () => {
    expect(text).toContain("第3回総合計画審議会（答申）");
    expect(text).toContain("※敬称略。");
    const html = readFileSync(out.replace(/\.pdf$/, ".html"), "utf8");
    expect(html).not.toMatch(/class="district|class="[^"]*matrix-section[^"]*"><\/section>/);
    expect(html.match(/<table/g)!.length).toBeGreaterThan(5);
  });
});

describe("the same plan without projects, and with twelve 政策 (numbers beyond 9, colours generated)", () => {
  // One booklet for both variants: each is decided in the model, and a print costs seconds.
  it("builds without the project chapter or the matrix, says why, and gives each 政策 its divider, tab, colour and 基本施策", async () => {
    const dir = fixtureCopy();
    rmSync(path.join(dir, "projects"), { recursive: true });
    const areas = Array.from({ length: 12 }, (_, i) => i + 1);
    writeFileSync(path.join(dir, "plan.yaml"), readFileSync(path.join(dir, "plan.yaml"), "utf8").replace("projects: [1, 2]\n", "").replace("policyAreas: [1, 2, 3]", `policyAreas: [${areas.join(", ")}]`));
    for (const f of readdirSync(path.join(dir, "policies"))) {
      const file = path.join(dir, "policies", f);
      writeFileSync(file, readFileSync(file, "utf8").replace(/    projects:\n(      - .*\n)+/g, ""));
    }
    const template = readFileSync(path.join(dir, "policies/3-1.yaml"), "utf8");
    for (const n of areas.slice(3)) {
      writeFileSync(path.join(dir, `policy-areas/${n}.yaml`), `id: ${n}\nname: 基本目標の名称${n}\ngoal: 目指すまちの姿${n}\npolicies: ["${n}-1"]\n`);
      writeFileSync(path.join(dir, `policies/${n}-1.yaml`), template.replace('id: "3-1"', `id: "${n}-1"`).replaceAll("kpi-3-1-", `kpi-${n}-1-`).replace("title: 水と緑の保全", `title: 基本施策の名称${n}`));
    }
    const out = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-any-")), "plan.pdf");
    const result = await build({ dataDir: dir, outFile: out, edition: "official", timeout: 120_000, strict: false });
    expect(result.diagnostics.filter((d) => d.severity === "warning").map((d) => d.message)).toContain("章「リーディングプロジェクト」には印刷する中身がないため、章ごと印刷しません");
    const outlines = qpdfJson(out).outlines;
    expect(outlines.map((o) => o.title)).toEqual(["市長あいさつ", "第1章　序論", "第2章　計画の体系", "第3章　基本施策", "資料編"]);
    const html = readFileSync(out.replace(/\.pdf$/, ".html"), "utf8");
    expect(html).not.toContain('class="matrix"');
    expect(squash(run("pdftotext", [out, "-"]))).not.toContain("リーディングプロジェクト");
    const policies = outlines.find((o) => o.title === "第3章　基本施策")!;
    expect(policies.kids.slice(1).map((k) => k.title.split("　")[0])).toEqual(areas.map((n) => `基本目標${n}`));
    expect(result.pageLabels.get("policy-12-1")).toMatch(/^\d+$/);
    const colours = [...html.matchAll(/\.area-(\d+) \{ --area: (#[0-9a-f]{6}); \}/g)].map((m) => m[2]);
    expect(new Set(colours).size).toBe(12);
    expect(html.match(/@page area-\d+:left \{ @left-top/g)).toHaveLength(12);
  });
});

describe("plan-press init", () => {
  it("makes a minimal plan, with the city's name, that checks and builds", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-init-")), "plan");
    const cli = (...args: string[]) => spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), ...args], { encoding: "utf8" });
    const made = cli("init", dir, "--city", "さくら台市");
    expect(made.status, made.stderr).toBe(0);
    expect(readFileSync(path.join(dir, "edition.yaml"), "utf8")).toContain("city: さくら台市");
    expect(cli("check", "--data", dir).status).toBe(0);
    const out = path.join(path.dirname(dir), "out", "plan.pdf");
    const built = cli("build", "--data", dir, "--out", out);
    expect(built.status, built.stderr).toBe(0);
    expect(run("pdfinfo", [out])).toMatch(/Title:\s+さくら台市総合計画（素案）/);
    // Never over files it did not make.
    const again = cli("init", dir, "--city", "さくら台市");
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("すでにファイルがあります");
  });
});
