// Which files plan-press takes for its own (and so may replace): by the marks it writes, and
// for files of earlier versions by the same creator and the HTML's structure. Anything else,
// however it is named, is not.
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATOR_META, madeByPlanPress, readManifest, withGenerator } from "../../src/write/ownership.js";

const dir = mkdtempSync(path.join(tmpdir(), "plan-press-ownership-"));
let n = 0;
function file(content: string | Buffer): string {
  const f = path.join(dir, `f${n++}`);
  writeFileSync(f, content);
  return f;
}

describe("PDFs", () => {
  it("ours: pdf-lib's XMP creator, Ghostscript's plain or UTF-16 /Creator", () => {
    expect(madeByPlanPress(file("%PDF-1.7\n<xmp:CreatorTool>plan-press 0.1.0</xmp:CreatorTool>"), "pdf")).toBe(true);
    expect(madeByPlanPress(file("%PDF-1.3\n/Creator(plan-press 0.1.0)"), "pdf")).toBe(true);
    expect(madeByPlanPress(file("%PDF-1.3\n/Creator(\\376\\377\\000p\\000l\\000a\\000n\\000-\\000p\\000r\\000e\\000s\\000s\\000 )"), "pdf")).toBe(true);
  });

  it("found across the reading chunks' boundaries, at any offset", () => {
    // Chunks of 4 MB plus a little overlap: every offset around the first boundary, and further on.
    const marker = "<xmp:CreatorTool>plan-press 0.1.0";
    const MB4 = 4 * 1024 * 1024;
    const offsets = [...Array.from({ length: 14 }, (_, i) => MB4 - 40 + i * 16), 2 * MB4 + 150, 9 * 1024 * 1024 - 3];
    const f = path.join(dir, "chunks.pdf");
    for (const at of offsets) {
      const bytes = Buffer.alloc(at + 100, 0x20);
      bytes.write("%PDF-1.7", 0, "latin1");
      bytes.write(marker, at, "latin1");
      writeFileSync(f, bytes);
      expect(madeByPlanPress(f, "pdf"), String(at)).toBe(true);
    }
  });

  it("not ours: another creator, the marker outside a PDF, or a file far larger than a booklet", () => {
    expect(madeByPlanPress(file("%PDF-1.4\n<xmp:CreatorTool>Microsoft Word</xmp:CreatorTool>"), "pdf")).toBe(false);
    expect(madeByPlanPress(file("notes <xmp:CreatorTool>plan-press 0.1.0</xmp:CreatorTool>"), "pdf")).toBe(false);
    expect(madeByPlanPress(file(""), "pdf")).toBe(false);
    // 300 MB, sparse: refused by its size without being read.
    const big = path.join(dir, "big.pdf");
    const fd = openSync(big, "w");
    writeSync(fd, "%PDF-1.7 <xmp:CreatorTool>plan-press 0.1.0");
    writeSync(fd, "x", 300 * 1024 * 1024);
    closeSync(fd);
    expect(madeByPlanPress(big, "pdf")).toBe(false);
    expect(madeByPlanPress(path.join(dir, "missing.pdf"), "pdf")).toBe(false);
  });
});

describe("HTML, the hint and the manifest", () => {
  it("the booklet's HTML: our generator tag (added without touching the page), or an earlier version's structure", () => {
    const printed = '<!DOCTYPE html><html lang="ja"><head>\n<meta charset="utf-8"><title>x</title></head><body></body></html>';
    const marked = withGenerator(printed);
    expect(marked).toBe(printed.replace("<head>", `<head>\n${GENERATOR_META}`));
    expect(withGenerator(marked)).toBe(marked);
    expect(madeByPlanPress(file(marked), "booklet-html")).toBe(true);
    expect(madeByPlanPress(file('<!DOCTYPE html><html><body><h1 data-start="right"><span data-page-of="a">1</span></h1>'), "booklet-html")).toBe(true);
    expect(madeByPlanPress(file(printed), "booklet-html")).toBe(false);
  });

  it("the web index: our generator tag, or an earlier version's table", () => {
    expect(madeByPlanPress(file(`<head>${GENERATOR_META}</head>`), "web-index")).toBe(true);
    expect(madeByPlanPress(file("<caption>章ごとのファイル</caption><p>PDFファイルをご覧いただくには、PDF閲覧ソフトが必要です。</p>"), "web-index")).toBe(true);
    expect(madeByPlanPress(file("<!doctype html><title>市のページ</title>"), "web-index")).toBe(false);
  });

  it("the pagination hint by its shape; the manifest only with safe names", () => {
    expect(madeByPlanPress(file(JSON.stringify({ version: "0.1.0", blanksBefore: [], labels: {} })), "hint")).toBe(true);
    expect(madeByPlanPress(file(JSON.stringify({ name: "my settings" })), "hint")).toBe(false);
    expect(madeByPlanPress(file("{ not json"), "hint")).toBe(false);
    const manifest = (files: unknown) => file(JSON.stringify({ generator: "plan-press", version: "0.1.0", kind: "web", files }));
    expect(readManifest(manifest({ "a.pdf": { bytes: 1, sha256: "x" } }))).toBeDefined();
    expect(readManifest(manifest({ "../a.pdf": { bytes: 1, sha256: "x" } }))).toBeUndefined();
    expect(readManifest(manifest({ "..": { bytes: 1, sha256: "x" } }))).toBeUndefined();
    expect(readManifest(manifest({ "a.pdf": { bytes: "1" } }))).toBeUndefined();
  });
});
