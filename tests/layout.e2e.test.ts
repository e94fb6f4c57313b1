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
import { DATA, dataCopy, edit, hintedOut } from "./helpers/data-copy.js";
import { run } from "./helpers/pdf-tools.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const html = renderHtml(buildModel(checkData(DATA).data!, { sdgIcon: () => undefined }), {
  htmlDir: path.join(ROOT, "output"), fonts: fontFaces(), edition: "official",
});
const count = (re: RegExp) => html.match(re)?.length ?? 0;

describe("the rendered booklet HTML", () => {
  it("has every page type of the seed's 紙面イメージ", () => {
    for (const anchor of ["ch-intro", "intro-purpose", "intro-period", "intro-management", "structure-chart", "structure-goals",
      "ch-districts", "district-kita", "ch-projects", "project-1", "ch-matrix", "how-to-read", "area-1", "policy-7-4",
      "ch-plans", "ch-appendix", "indicator-1-1-1", "back-cover"]) {
      expect(html, anchor).toContain(`id="${anchor}"`);
    }
    for (const label of ["目指す姿", "現状と課題", "施策の展開方針", "重点的に取り組む事業", "成果指標", "SDGsゴール", "関連計画",
      "プロジェクトに関する地域の実情・課題認識", "取組の方向性・目指す地域の姿", "数値目標", "基本的方向", "対応する施策の展開方針（総合計画）とKPI"]) {
      expect(html, label).toContain(label);
    }
  });

  it("draws the matrix with one row per 重点施策 (34, grouped by 政策) and a header row that repeats", () => {
    const matrix = html.slice(html.indexOf('<table class="matrix">'), html.indexOf("</table>", html.indexOf('<table class="matrix">')));
    expect(matrix.match(/<tr class="area-\d/g)).toHaveLength(34);
    expect(matrix.match(/<tbody class="area-\d">\s*<tr class="matrix__group"><th scope="rowgroup" colspan="6">政策\d　/g)).toHaveLength(7);
    expect(matrix).toContain("<thead>");
    expect(readFileSync(path.join(ROOT, "styles/base.css"), "utf8")).toContain("thead { display: table-header-group; }");
  });

  it("makes every 重点施策, 重点プロジェクト and 政策 divider a spread that starts on a left page; chapters on a right page", () => {
    expect(count(/<article class="spread policy[^"]*" id="policy-[\d-]+" data-start="left"/g)).toBe(34);
    expect(count(/<article class="spread project" id="project-\d" data-start="left"/g)).toBe(5);
    expect(count(/class="chapter-title" id="ch-[a-z]+" data-start="right"/g)).toBe(8);
    expect(count(/<article class="spread divider area-\d" id="area-\d" data-start="left"/g)).toBe(7);
  });

  it("gives every SDG icon and map a text alternative", () => {
    const icons = html.match(/<svg class="sdg-icon[^>]*>/g)!;
    expect(icons.length).toBeGreaterThan(34);
    for (const icon of icons) expect(icon).toMatch(/role="img" aria-label="SDGs ゴール\d+「[^"]+」（仮アイコン）"/);
    for (const map of html.match(/<svg class="district-map"[^>]*>/g)!) expect(map).toMatch(/aria-label="[^"]+（模式図）"/);
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

describe("a spread whose content does not fit", () => {
  let out: string;
  let result: BuildResult;
  let data: string;
  beforeAll(async () => {
    data = dataCopy();
    const long = "本市の現状として、さまざまな課題が指摘されており、今後も継続的な取組が求められています。".repeat(30);
    edit(data, "policies/2-4.yaml", /issues: \|\n/, `issues: |\n  ${long}\n\n`);
    out = hintedOut();
    result = await build({ dataDir: data, outFile: out, edition: "official", timeout: 120_000, strict: false });
  });

  it("is reported with its policy and by how much, and does not shift the pages after it", () => {
    expect(result.overflows).toHaveLength(1);
    expect(result.overflows[0]!.name).toBe("重点施策 2-4（左ページ）");
    expect(result.overflows[0]!.millimetres).toBeGreaterThan(20);
    expect(result.overflows[0]!.file).toMatch(/policies\/2-4\.yaml$/);
    expect(result.pageLabels.get("policy-2-5")).toBe(String(Number(result.pageLabels.get("policy-2-4")) + 2));
  });

  it("is an error with --strict, and the last good PDF stays", () => {
    const before = readFileSync(out);
    const cli = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "build", "--data", data, "--out", out, "--strict"], { encoding: "utf8" });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("重点施策 2-4（左ページ）: 約");
    expect(cli.stderr).toMatch(/policies\/2-4\.yaml の文章を短くしてください/);
    expect(cli.stderr).toContain("--strict のため PDF は作成していません");
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  it("carries the icons' and maps' alt text into the tagged PDF", () => {
    const qdf = path.join(path.dirname(out), "o.qdf");
    run("qpdf", ["--qdf", "--object-streams=disable", out, qdf]);
    const alts = [...readFileSync(qdf, "latin1").matchAll(/\/Alt <feff([0-9a-f]+)>/g)].map((m) => Buffer.from(m[1]!, "hex").swap16().toString("utf16le"));
    expect(alts.filter((a) => a.startsWith("SDGs ゴール")).length).toBeGreaterThan(34);
    expect(alts).toContain("地区の区分（模式図）");
  });

  it("plan-press pages writes a thumbnail per page and a contact sheet", () => {
    const dir = path.join(path.dirname(out), "pages");
    const cli = spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), "pages", "--pdf", out, "--out", dir], { encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith("page-"))).toHaveLength(result.pageCount);
    expect(existsSync(path.join(dir, "contact-sheet.png"))).toBe(true);
  });
});
