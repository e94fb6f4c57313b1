import { describe, expect, it } from "vitest";
import { planPagination, type PageStart } from "../../src/print/pagination.js";

const start = (anchor: string, side: PageStart["side"], hasBlankBefore = false): PageStart => ({ anchor, side, hasBlankBefore });

describe("planPagination", () => {
  it("numbers the body from the first chapter and leaves the front matter unnumbered", () => {
    const plan = planPagination({
      starts: [start("ch-1", "right")],
      pages: new Map([["toc", 2], ["ch-1", 4], ["sec", 5]]),
      pageCount: 6,
      firstBodyAnchor: "ch-1",
    });
    expect(plan.blanksBefore).toEqual([]);
    expect(plan.frontPages).toBe(4);
    expect(plan.labels).toEqual({ toc: "", "ch-1": "1", sec: "2" });
  });

  it("inserts a blank page so a chapter opens on the right and a spread on the left", () => {
    // Physical pages (1-based): ch-1 on 5 (right), spread on 7 (a right page: wrong), ch-2 on 9.
    const plan = planPagination({
      starts: [start("ch-1", "right"), start("spread", "left"), start("ch-2", "right")],
      pages: new Map([["ch-1", 4], ["spread", 6], ["ch-2", 8]]),
      pageCount: 10,
      firstBodyAnchor: "ch-1",
    });
    // A blank before the spread moves it to 8 and ch-2 to 10 (left): a second blank follows.
    expect(plan.blanksBefore).toEqual(["spread", "ch-2"]);
    expect(plan.labels).toEqual({ "ch-1": "1", spread: "4", "ch-2": "7" });
  });

  it("removes a blank page an earlier build's hint left where none is needed", () => {
    const plan = planPagination({
      starts: [start("ch-1", "right"), start("spread", "left", true)],
      pages: new Map([["ch-1", 4], ["spread", 6]]),
      pageCount: 8,
      firstBodyAnchor: "ch-1",
    });
    expect(plan.blanksRemoved).toEqual(["spread"]);
    expect(plan.labels.spread).toBe("2");
  });

  it("makes the page count even with a blank before the back cover (the last start, no destination)", () => {
    const plan = planPagination({
      starts: [start("ch-1", "right"), start("back-cover", "left")],
      pages: new Map([["ch-1", 0]]),
      pageCount: 3,
      firstBodyAnchor: "ch-1",
    });
    expect(plan.blanksBefore).toEqual(["back-cover"]);
  });

  it("refuses a start that never landed (a page type without a link to it)", () => {
    expect(() =>
      planPagination({ starts: [start("lost", "right"), start("end", "left")], pages: new Map([["ch-1", 0]]), pageCount: 2, firstBodyAnchor: "ch-1" }),
    ).toThrow(/lost/);
  });
});
