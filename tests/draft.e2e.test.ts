// The committee's draft: 「案」 with version and date on every page, the same pages as the official
// (the second plan's: what is tested is the edition, not the sample's pages).
import { beforeAll, describe, expect, it } from "vitest";
import type { BuildResult } from "../src/build.js";
import { shared } from "./helpers/shared-builds.js";
import { flatten, pageText, qpdfJson, run } from "./helpers/pdf-tools.js";

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
      expect(text, `page ${page}`).toMatch(/第1版・令和8年3月31日時点|第1版\s+令和8年3月31日/);
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

  it("keeps every text readable and its fonts embedded, and does not warn about SDG placeholders", () => {
    expect(run("pdffonts", [draft.outFile])).not.toContain("Type 3");
    expect(run("pdftotext", [draft.outFile, "-"]).replace(/\s/g, "")).toContain("未来を担う子どもの教育の充実");
    expect(draft.diagnostics.filter((d) => d.en.includes("SDG"))).toEqual([]);
    expect(official.diagnostics.filter((d) => d.en.includes("SDG"))).toHaveLength(1);
  });
});
