// The committee's draft: 「案」 with version and date on every page, the same pages as the official
// (the second plan's: what is tested is the edition, not the sample's pages).
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../src/build.js";
import { shared } from "./helpers/shared-builds.js";
import { flatten, pageText, qpdfJson, run, wordsByPage } from "./helpers/pdf-tools.js";

let draft: BuildResult;
let official: BuildResult;

beforeAll(async () => {
  ({ result: draft } = await shared("draft"));
  ({ result: official } = await shared("midorino"));
});

describe("the draft edition", () => {
  it("has 「案」 on every page, and its version and date on every page", () => {
    for (let page = 1; page <= draft.pageCount; page++) {
      const text = pageText(draft.outFile, page);
      expect(text, `page ${page}`).toContain("案");
      expect(text, `page ${page}`).toMatch(/第1版・2026年3月31日時点|第1版\s+2026年3月31日/);
    }
  });

  it("keeps the official edition's pages, TOC numbers, bookmarks and labels", () => {
    expect(draft.pageCount).toBe(official.pageCount);
    expect([...draft.pageLabels]).toEqual([...official.pageLabels]);
    const d = qpdfJson(draft.outFile);
    const o = qpdfJson(official.outFile);
    expect(d.pagelabels).toEqual(o.pagelabels);
    const marks = (items: typeof d.outlines) => flatten(items).map((b) => `${b.depth} ${b.title} ${b.destpageposfrom1}`);
    expect(marks(d.outlines)).toEqual(marks(o.outlines));
  });

  it("keeps 各ページの見方 as the official edition has it: the miniature's callout numbers too", () => {
    // The draft gives its pages 5 mm of the left margin for change bars; the miniature's pages
    // must not take that rule, or the numbers left of them are cut off.
    const page = flatten(qpdfJson(official.outFile).outlines).find((b) => b.title === "各ページの見方")!.destpageposfrom1;
    const draftWords = wordsByPage(draft.outFile)[page - 1]!;
    const missing = wordsByPage(official.outFile)[page - 1]!.filter((w) => !draftWords.some((d) => d.text === w.text && Math.abs(d.x - w.x) + Math.abs(d.y - w.y) < 1.5));
    expect(missing).toEqual([]);
  });

  it("keeps every text readable and its fonts embedded, and does not warn about SDG placeholders", () => {
    expect(run("pdffonts", [draft.outFile])).not.toContain("Type 3");
    expect(run("pdftotext", [draft.outFile, "-"]).replace(/\s/g, "")).toContain("未来を担う子どもの教育の充実");
    expect(draft.diagnostics.filter((d) => d.en.includes("SDG"))).toEqual([]);
    expect(official.diagnostics.filter((d) => d.en.includes("SDG"))).toHaveLength(1);
  });
});
