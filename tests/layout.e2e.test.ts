// Page types and layout discipline: structure of the rendered HTML, a spread that does not fit,
// the contact sheet, and the alt text of icons and maps in the tagged PDF.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, checkData, type BuildResult } from "../src/build.js";
import { buildModel } from "../src/model/build-model.js";
import { renderHtml } from "../src/render/render-html.js";
import { fontFaces } from "../src/fonts.js";
import { DATA, dataCopy, edit, fixtureCopy } from "./helpers/data-copy.js";
import { labelOf, pageText, qpdfJson, run } from "./helpers/pdf-tools.js";
import { digests, previousBooklet } from "./helpers/previous-set.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const html = renderHtml(buildModel(checkData(DATA).data!, { sdgIcon: () => undefined }), {
  htmlDir: path.join(ROOT, "output"), fonts: fontFaces(), edition: "official",
});
const count = (re: RegExp) => html.match(re)?.length ?? 0;
/** The HTML without the no-break spans of render/typeset.ts, for finding text in it. */
const plain = html.replace(/<span class="nb">|<\/span>/g, "");

describe("the rendered booklet HTML", () => {
  it("has every page type of the seed's 紙面イメージ", () => {
    for (const anchor of ["ch-1", "text-purpose", "text-period", "text-management", "structure-diagram", "system-chart", "policy-goals",
      "ch-3", "district-kita", "ch-4", "project-1", "matrix", "how-to-read", "area-1", "policy-7-4",
      "ch-7", "ch-8", "indicator-notes", "indicator-1-1-1", "back-cover"]) {
      expect(html, anchor).toContain(`id="${anchor}"`);
    }
    for (const label of ["目指す姿", "現状と課題", "施策の展開方針", "重点的に取り組む事業", "成果指標", "SDGsゴール", "関連計画",
      "プロジェクトに関する地域の実情・課題認識", "取組の方向性・目指す地域の姿", "数値目標", "基本的方向", "対応する施策の展開方針と成果指標"]) {
      expect(plain, label).toContain(label);
    }
  });

  it("draws the matrix as one table per 政策 whose head (band and column heads) repeats, a 重点施策 never cut, a line per 方針", () => {
    const data = checkData(DATA).data!;
    const tables = [...html.matchAll(/<div class="matrix__area area-(\d+)">\s*<table class="matrix">([\s\S]*?)<\/table>/g)];
    expect(tables.map((t) => Number(t[1]))).toEqual(data.policyAreas.map((a) => a.id));
    for (const [, , table] of tables) {
      const head = table!.slice(table!.indexOf("<thead>"), table!.indexOf("</thead>")).replace(/<span class="nb">|<\/span>/g, "");
      expect(head).toMatch(/<tr class="matrix__band"><th scope="colgroup" colspan="7">政策\d+　/);
      expect(head).toContain('<tr class="matrix__heads">');
    }
    const all = tables.map((t) => t[2]).join("");
    expect(all.match(/<tbody class="matrix__policy">/g)).toHaveLength(data.policies.length);
    const linked = data.policies.flatMap((p) => p.directions.filter((d) => d.projects.length > 0));
    expect(all.match(/<th scope="row" class="matrix__direction">/g)).toHaveLength(linked.length);
    const marks = linked.reduce((n, d) => n + new Set(d.projects.map((l) => `${l.project}-${l.basicDirection}`)).size, 0);
    expect(all.match(/<span class="matrix__mark"/g)).toHaveLength(marks);
    expect(readFileSync(path.join(ROOT, "styles/base.css"), "utf8")).toContain("thead { display: table-header-group; }");
    expect(readFileSync(path.join(ROOT, "styles/matrix.css"), "utf8")).toContain(".matrix tbody { break-inside: avoid; }");
  });

  it("makes every 重点施策, 重点プロジェクト and 政策 divider a spread that starts on a left page; chapters on a right page", () => {
    expect(count(/<article class="spread policy[^"]*" id="policy-[\d-]+" style="page: area-\d+-spread" data-start="left" data-flow-spread /g)).toBe(34);
    expect(count(/<article class="spread project" id="project-\d" style="page: ch-\d+-spread" data-start="left" data-flow-spread /g)).toBe(5);
    expect(count(/class="chapter-title" id="ch-\d+" data-start="right"/g)).toBe(8);
    expect(count(/<article class="spread divider area-\d" id="area-\d" data-start="left"/g)).toBe(7);
  });

  it("runs no head above a spread's own head: a spread's left page has none, its right page and its thumb tab stay", () => {
    expect(html).toContain('@page area-1-spread:right { @top-right { content: "重点施策　政策1　');
    expect(html).toContain("@page area-1-spread:left { @left-top {");
    expect(html).not.toMatch(/-spread:left \{ @top-left/);
    // The district page's own head is its name: the running head says 地区別計画.
    expect(html).not.toContain('class="district__label"');
  });

  it("gives every SDG icon and map a text alternative", () => {
    const icons = html.match(/<svg class="sdg-icon[^>]*>/g)!;
    expect(icons.length).toBeGreaterThan(34);
    for (const icon of icons) expect(icon).toMatch(/role="img" aria-label="SDGs ゴール\d+「[^"]+」（仮アイコン）"/);
    // The sample's map is drawn from its GeoJSON; a plan without one gets the 模式図 of cells.
    for (const map of html.match(/<svg class="district-map"[^>]*>/g)!) expect(map).toMatch(/aria-label="(地区の区分|[^"]+の位置)(（模式図）)?"/);
  });
});

describe("SDGs icons", () => {
  it("use the official file when it is present, with alt text, and a marked placeholder otherwise", () => {
    const withOfficial = renderHtml(
      buildModel(checkData(DATA).data!, { sdgIcon: (g) => (g === 3 ? "assets/sdgs-icons/sdg_icon_03_ja_2.png" : undefined) }),
      { htmlDir: path.join(ROOT, "output"), fonts: fontFaces(), edition: "official" },
    );
    expect(withOfficial).toContain('<img class="sdg-icon" src="../assets/sdgs-icons/sdg_icon_03_ja_2.png" alt="SDGs ゴール3「すべての人に健康と福祉を」">');
    expect(withOfficial).not.toContain("SDGs ゴール3「すべての人に健康と福祉を」（仮アイコン）");
    expect(withOfficial).toContain("SDGs ゴール4「質の高い教育をみんなに」（仮アイコン）");
  });

  it("official files missing: every edition but draft warns", () => {
    const warnings = checkData(DATA).diagnostics.filter((d) => d.severity === "warning");
    expect(warnings.map((d) => d.message)).toEqual([expect.stringMatching(/^SDGs の公式アイコンがありません（ゴール 1、2、.*17）。仮アイコンで印刷します$/)]);
  });
});

describe("a 基本施策 longer than its spread, with long unbroken strings and inline code (the second plan)", () => {
  let out: string;
  let result: BuildResult;
  const sentence = "本市の現状として、さまざまな課題が指摘されており、今後も継続的な取組が求められています。";
  const run60 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz01234567";
  const url = "https://www.example.lg.jp/kurashi/sports/shisetsu/riyou/toukei/2024/nendobetsu/index.html?from=plan&year=2024";
  beforeAll(async () => {
    // The second plan: a third of the sample's pages, and the same rules.
    const data = fixtureCopy();
    edit(data, "policies/2-1.yaml", /issues: \|\n/, `issues: |\n${`  ${sentence.repeat(6)}\n\n`.repeat(10)}  手続は \`shisetsu-yoyaku\` で検索してください。\n\n`);
    edit(data, "policies/2-1.yaml", /^title: (.*)$/m, `title: $1${run60}`);
    edit(data, "policies/2-1.yaml", /(indicators:\n      - key: [^\n]*\n        name: [^\n]*)/, `$1 ${url}`);
    out = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-long-")), "plan.pdf");
    result = await build({ dataDir: data, outFile: out, edition: "official", timeout: 120_000, strict: false });
  });

  it("continues on the next spread under its heading marked （つづき）, nothing clipped, the pages after it moved on", () => {
    expect(result.continued).toContain("基本施策 2-1");
    const first = Number(result.pageLabels.get("policy-2-1"));
    expect(Number(result.pageLabels.get("policy-2-2"))).toBe(first + 4);
    // Read inside the outer margins: the thumb tab's vertical 「基本目標2」 would fall into lines of text.
    const text = run("pdftotext", ["-x", "40", "-y", "0", "-W", "515", "-H", "842", out, "-"]).replace(/\s+/g, "");
    expect(text.split(sentence).length - 1).toBe(60);
    const { pagelabels } = qpdfJson(out);
    const physical = Array.from({ length: result.pageCount }, (_, i) => i + 1).find((n) => labelOf(pagelabels, n) === String(first + 2))!;
    expect(physical % 2).toBe(0);
    const continued = pageText(out, physical).replace(/\s+/g, "");
    expect(continued).toContain(`2-1健康づくりの推進${run60}（つづき）`);
  });

  it("wraps long runs instead of shrinking the pages, and sets inline code in the booklet's fonts", async () => {
    const { PDFDocument } = await import("pdf-lib");
    const { printedScale } = await import("../src/print/print-scale.js");
    expect(printedScale(await PDFDocument.load(readFileSync(out)))).toBeCloseTo(1, 3);
    const text = run("pdftotext", [out, "-"]).replace(/\s+/g, "");
    expect(text).toContain(url);
    expect(text).toContain("手続はshisetsu-yoyakuで検索してください。");
    for (const row of run("pdffonts", [out]).trim().split("\n").slice(2)) expect(row).toMatch(/^[A-Z]{6}\+BIZUDP(Gothic|Mincho)-/);
  });

  it("plan-press pages writes a thumbnail per page and a contact sheet", () => {
    const dir = path.join(path.dirname(out), "pages");
    const cli = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "pages", "--pdf", out, "--out", dir], { encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith("page-"))).toHaveLength(result.pageCount);
    expect(existsSync(path.join(dir, "contact-sheet.png"))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith("contact-sheet-"))).toEqual([]);
  });

  it("plan-press pages --dpi 150 renders readable pages and sheets of spreads at that resolution", () => {
    const dir = path.join(path.dirname(out), "pages-150");
    const five = path.join(path.dirname(out), "five.pdf");
    run("qpdf", [out, "--pages", out, "1-5", "--", five]);
    const cli = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "pages", "--pdf", five, "--out", dir, "--dpi", "150"], { encoding: "utf8" });
    expect(cli.status, cli.stderr).toBe(0);
    const size = (file: string) => {
      const head = readFileSync(path.join(dir, file));
      return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
    };
    // A4 at 150 dpi is 1240 × 1754 pixels.
    expect(size("page-1.png")).toEqual({ width: 1240, height: 1754 });
    // Page 1 alone, then 2–3 and 4–5: one sheet, each page at its full resolution.
    expect(readdirSync(dir).filter((f) => f.startsWith("contact-sheet-"))).toEqual(["contact-sheet-01.png"]);
    expect(size("contact-sheet-01.png").width).toBeGreaterThan(4 * 1240);
    const bad = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "pages", "--pdf", five, "--dpi", "1000"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--dpi は 20〜300 の整数で指定してください");
  });
});

describe("a block taller than a whole page", () => {
  it("fails the build with its file and the millimetres (exit 1), and the last good PDF stays", () => {
    const data = fixtureCopy();
    edit(data, "policies/2-1.yaml", /\nvision: >-\n(  .*\n)+/, `\nvision: >-\n  ${"誰もが身近な場所でスポーツに親しみ、".repeat(90)}\n`);
    const dir = mkdtempSync(path.join(tmpdir(), "plan-press-tall-"));
    const out = previousBooklet(dir);
    const before = digests(dir);
    const cli = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "build", "--data", data, "--out", out], { encoding: "utf8" });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/ページに収まらない内容があります。PDF は作成していません（前回の PDF はそのままです）/);
    expect(cli.stderr).toMatch(/基本施策 2-1（.*policies\/2-1\.yaml）: 「目指す姿 誰もが身近な場所で.*がページに収まらず、約 \d+ mm はみ出しています/);
    expect(digests(dir)).toEqual(before);
  });
});
