// print/print-parts.ts on a small booklet of its own: each part, printed with the rest of the
// booklet out of the layout, carries the whole print's pages word for word and at the same
// places, folios included, whether it opens on a right page (what precedes it is dropped too,
// the folio counter carried over) or on a left one (only what follows is dropped).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, openPage, type BrowserHandle } from "../src/print/browser.js";
import { readDestinations } from "../src/print/destinations.js";
import { partRanges, printParts, type PrintedPart } from "../src/print/print-parts.js";
import { pageDifference, run, wordsByPage } from "./helpers/pdf-tools.js";

const dir = mkdtempSync(path.join(tmpdir(), "plan-press-parts-"));
const sheet = (chapter: number, n: number) =>
  `<div class="sheet"><p>第${chapter}章の${n}枚目。計画の本文がここに入ります。施策${chapter}-${n}の説明と指標の値（${chapter * 10 + n}％）。</p></div>`;
const chapter = (n: number, sheets: number) =>
  `<section><h1 id="c${n}" data-start="right"><a href="#c${n}">第${n}章</a></h1>${Array.from({ length: sheets }, (_, i) => sheet(n, i + 1)).join("")}</section>`;
// Front matter of two pages; 第1章 opens on a right page (index 2), 第2章 on a left one (5),
// 第3章 on a right one again (8). Left and right pages have their margins the other way round,
// so a page printed on the wrong side shows.
const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>
  @page { size: A5; margin: 15mm; @bottom-center { content: counter(page); font: 9pt "BIZ UDPGothic"; } }
  @page :left { margin-left: 10mm; margin-right: 20mm; }
  @page :right { margin-left: 20mm; margin-right: 10mm; }
  @page front { counter-increment: page 0; @bottom-center { content: none; } }
  body { font: 11pt "BIZ UDPGothic"; margin: 0; }
  .front { page: front; break-after: page; }
  [data-start] { break-before: page; margin: 0 0 4mm; }
  .sheet { height: 150mm; break-before: page; }
  h1 + .sheet { break-before: avoid; }
</style></head><body>
  <nav class="front"><p>目次</p><p><a href="#c1">第1章</a> <a href="#c2">第2章</a> <a href="#c3">第3章</a></p></nav>
  <div class="front"><p>はじめに（前付けの2ページ目）</p></div>
  ${chapter(1, 3)}${chapter(2, 3)}${chapter(3, 2)}
</body></html>`;
const htmlFile = path.join(dir, "booklet.html");
writeFileSync(htmlFile, html);


describe("the web edition's parts, printed each on its own", () => {
  let handle: BrowserHandle;
  let whole: string;
  let pages: Map<string, number>;
  let parts: PrintedPart[];
  beforeAll(async () => {
    handle = await openBrowser({ timeout: 60_000 });
    const page = await openPage(handle);
    await page.emulateMediaType("print");
    await page.goto(`file://${htmlFile}`, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const pdf = await page.pdf({ preferCSSPageSize: true, tagged: true, outline: false });
    whole = path.join(dir, "whole.pdf");
    writeFileSync(whole, pdf);
    const doc = await PDFDocument.load(pdf);
    pages = readDestinations(doc);
    parts = await printParts(page, ["c1", "c2", "c3"], { pages, pageCount: doc.getPageCount(), frontPages: pages.get("c1")! }, 60_000);
  }, 180_000);
  afterAll(() => handle?.close());

  it("opens the chapters where this test needs them (right, left, right)", () => {
    expect([pages.get("c1"), pages.get("c2"), pages.get("c3")]).toEqual([2, 5, 8]);
    expect(parts.map((p) => [p.anchor, p.from, p.to])).toEqual([["", 0, 1], ["c1", 2, 4], ["c2", 5, 7], ["c3", 8, 9]]);
  });

  it("gives every part the whole print's pages: the same words at the same places, the folios included", () => {
    const booklet = wordsByPage(whole);
    for (const part of parts) {
      const file = path.join(dir, `part-${part.from}.pdf`);
      writeFileSync(file, part.pdf);
      const own = wordsByPage(file);
      expect(own.length, part.anchor).toBe(part.to - part.from + 1);
      own.forEach((words, i) => expect(pageDifference(words, booklet[part.from + i]!), `${part.anchor} p.${i + 1}`).toBeUndefined());
    }
    // 第3章 (printed without what precedes it) still numbers its first page 7.
    expect(run("pdftotext", ["-f", "1", "-l", "1", path.join(dir, "part-8.pdf"), "-"])).toMatch(/^7$/m);
    expect(run("pdfinfo", [path.join(dir, "part-8.pdf")])).toMatch(/Tagged:\s+yes/);
  });

  it("splits at each anchor, the front matter first", () => {
    expect(partRanges(["c1", "c2"], new Map([["c1", 2], ["c2", 5]]), 9)).toEqual([
      { anchor: "", from: 0, to: 1 }, { anchor: "c1", from: 2, to: 4 }, { anchor: "c2", from: 5, to: 8 },
    ]);
    expect(() => partRanges(["c9"], new Map(), 9)).toThrow(/分割の位置 #c9/);
  });
});
