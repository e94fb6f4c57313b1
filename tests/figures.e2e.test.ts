// Figures, photos and maps: a chart placed in a chapter, history added to an indicator, photos
// with and without alt text, and a photo too coarse for print — on a copy of the other city's
// plan, built by the real Chromium and read back with poppler and qpdf.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { build, checkData, type BuildResult } from "../src/build.js";
import { run } from "./helpers/pdf-tools.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURE = path.join(ROOT, "tests/fixtures/midorino");
const cli = (...args: string[]) => spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), ...args], { encoding: "utf8" });

/** The other city's plan with a chart in 序論, history on an indicator and two photos (one coarse). */
async function planWithFigures(): Promise<string> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-fig-")), "data");
  cpSync(FIXTURE, dir, { recursive: true });
  mkdirSync(path.join(dir, "figures"));
  mkdirSync(path.join(dir, "images"));
  writeFileSync(path.join(dir, "figures/visitors.csv"), "年度,来訪者数,宿泊者数\n2021年度,\"412,300\",\"38,100\"\n2022年度,\"455,800\",\"41,900\"\n2023年度,\"498,200\",\"47,300\"\n");
  writeFileSync(path.join(dir, "figures/visitors.yaml"), "type: bar\ncaption: 観光来訪者数の推移\nunit: 人\nsource: みどり野市観光統計\ncsv: visitors.csv\n");
  const photo = (w: number, h: number) => sharp({ create: { width: w, height: h, channels: 3, background: "#3f8f4f" } }).png().toBuffer();
  writeFileSync(path.join(dir, "images/riverside.png"), await photo(1200, 800));
  writeFileSync(path.join(dir, "images/old-photo.png"), await photo(200, 130));
  const text = path.join(dir, "text/hajimeni.md");
  writeFileSync(text, readFileSync(text, "utf8") + "\n[[図 visitors]]\n\n![みどり野川の河川敷の広場](images/riverside.png \"河川敷の広場\")\n\n![昭和50年代の駅前の様子](images/old-photo.png)\n");
  const policy = path.join(dir, "policies/2-1.yaml");
  writeFileSync(policy, readFileSync(policy, "utf8").replace("        cumulative: false\n", "        cumulative: false\n        history: { 2020年度: 980, 2021年度: 1040, 2022年度: 1110, 2023年度: 1150 }\n        asOf: 3月31日時点\n"));
  return dir;
}

describe("a chart, a trend and photos in another city's plan", () => {
  let dir: string;
  let out: string;
  let result: BuildResult;
  let text: string;
  beforeAll(async () => {
    dir = await planWithFigures();
    out = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-fig-out-")), "plan.pdf");
    result = await build({ dataDir: dir, outFile: out, edition: "official", timeout: 120_000, strict: false });
    text = run("pdftotext", [out, "-"]).replace(/\s+/g, "");
  });

  it("draws the chart as vector art with its labels as text, numbered and with its source", () => {
    for (const label of ["図1観光来訪者数の推移", "出典：みどり野市観光統計", "来訪者数", "宿泊者数", "2023年度", "498,200"]) expect(text, label).toContain(label);
    // The chart is vector: no image but the two photos.
    expect(run("pdfimages", ["-list", out]).trim().split("\n").slice(2)).toHaveLength(2);
  });

  it("draws the indicator's trend beside its table, from its history to its target", () => {
    expect(text).toContain("（年度・3月31日時点、人）");
    expect(text).toContain("目標1,500");
  });

  it("embeds each photo as an image, tagged as a Figure with its alt text", () => {
    const qdf = path.join(path.dirname(out), "o.qdf");
    run("qpdf", ["--qdf", "--object-streams=disable", out, qdf]);
    const alts = [...readFileSync(qdf, "latin1").matchAll(/\/Alt <feff([0-9a-f]+)>/g)].map((m) => Buffer.from(m[1]!, "hex").swap16().toString("utf16le"));
    expect(alts).toContain("みどり野川の河川敷の広場");
    expect(alts).toContain("昭和50年代の駅前の様子");
    expect(alts.some((a) => a.startsWith("図1 観光来訪者数の推移。来訪者数: 2021年度 412,300人"))).toBe(true);
    expect(text).toContain("河川敷の広場");
  });

  it("warns, in the official edition, of a photo below 150 ppi at its printed size, with its file", () => {
    const warnings = result.diagnostics.filter((d) => d.message.startsWith("画像の解像度が足りません"));
    expect(warnings.map((d) => [path.basename(d.file), d.severity])).toEqual([["old-photo.png", "warning"]]);
    expect(warnings[0]!.message).toMatch(/\d+ ppi/);
  });

  it("refuses, in the print edition, a photo below 150 ppi and warns of one below 300, each with its file and ppi", () => {
    const printOut = path.join(path.dirname(out), "plan-print.pdf");
    const r = cli("build", "--data", dir, "--edition", "print", "--out", printOut);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/images\/old-photo\.png:1:1: エラー: 画像の解像度が足りません（印刷する幅 \d+ mm で \d+ ppi。150 ppi 未満はぼやけて印刷されます）/);
    expect(r.stderr).not.toContain("riverside.png:1:1: エラー");
  });
});

describe("figures and photos that cannot be placed are refused at their place", () => {
  it("a photo without alt text, one from outside data/images, an unknown figure, values that do not match", () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-fig-bad-")), "data");
    cpSync(FIXTURE, dir, { recursive: true });
    mkdirSync(path.join(dir, "figures"));
    mkdirSync(path.join(dir, "images"));
    writeFileSync(path.join(dir, "images/a.png"), readFileSync(path.join(ROOT, "data/images/illustration.png")));
    writeFileSync(path.join(dir, "figures/rates.yaml"), "type: line\ncaption: 受診率\nunit: \"%\"\ncategories: [2022年度, 2023年度]\nseries:\n  - name: 受診率\n    values: [41.2, 42.0, 43.1]\n");
    writeFileSync(path.join(dir, "figures/counts.csv"), "年度,件数\n2022年度,12\n2023年度,十二\n");
    writeFileSync(path.join(dir, "figures/counts.yaml"), "type: table\ncaption: 相談件数\ncsv: counts.csv\n");
    const text = path.join(dir, "text/hajimeni.md");
    writeFileSync(text, readFileSync(text, "utf8") + "\n![](images/a.png)\n\n![地図](https://example.com/map.png)\n\n[[図 rate]]\n\n[[図 counts]]\n");
    const lines = readFileSync(text, "utf8").split("\n");
    const line = (s: string) => lines.findIndex((l) => l.includes(s)) + 1;
    const errors = checkData(dir).diagnostics.filter((d) => d.severity === "error").map((d) => `${path.basename(d.file)}:${d.line}:${d.column}: ${d.message}`);
    expect(errors.sort()).toEqual([
      "counts.csv:3:8: 「十二」を数値として読めません",
      `hajimeni.md:${line("![](images/a.png)")}:1: 画像の代替テキスト（![ ] の中）がありません`,
      `hajimeni.md:${line("example.com")}:1: 画像「https://example.com/map.png」は読み込めません（data/images/ の画像だけを使えます）`,
      `hajimeni.md:${line("[[図 rate]]")}:1: 図表「rate」がありません（figures/rate.yaml）`,
      "rates.yaml:7:13: 系列「受診率」の値が 3 個で、項目（categories）の 2 個と合いません",
    ].sort());
    const warnings = checkData(dir).diagnostics.filter((d) => d.severity === "warning" && d.file.includes("figures"));
    expect(warnings.map((d) => `${path.basename(d.file)}: ${d.message}`)).toEqual(["rates.yaml: この図表はどの文章にも置かれていません（冊子に載りません）"]);
  });
});
