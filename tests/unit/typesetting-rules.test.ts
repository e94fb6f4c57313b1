// The PDF-text rules of tests/helpers/typesetting-rules.ts catch what they must, and only that:
// shown on poppler output written by hand (the booklets themselves are checked in
// tests/typesetting.e2e.test.ts).
import { describe, expect, it } from "vitest";
import { bboxLines, brokenRuns, loneSentenceEnds, nestedYearBrackets } from "../helpers/typesetting-rules.js";

/** A page of -bbox-layout output: blocks of lines of one word each. */
const page = (...blocks: string[][]) =>
  `<doc><page width="595" height="842">${blocks
    .map((lines) => `<block xMin="0">${lines.map((l) => `<line xMin="0"><word xMin="0">${l}</word></line>`).join("")}</block>`)
    .join("")}</page></doc>`;

describe("PDF text rules", () => {
  it("reads lines by block, words joined, entities decoded", () => {
    const lines = bboxLines(page(["計画の期間は10年間で", "す。"], ["A &amp; B"]));
    expect(lines).toEqual([
      { page: 1, block: 1, text: "計画の期間は10年間で" },
      { page: 1, block: 1, text: "す。" },
      { page: 1, block: 2, text: "A & B" },
    ]);
  });

  it("finds a sentence's last characters alone on a paragraph's last line, not a short cell or heading", () => {
    const lines = bboxLines(page(["計画の期間は10年間で", "す。"], ["計画を進めま", "ます。"], ["人"], ["目次"], ["以上です。"]));
    expect(loneSentenceEnds(lines).map((l) => l.text)).toEqual(["す。", "ます。"]);
    expect(loneSentenceEnds(bboxLines(page(["計画の期間は", "10年間です。"])))).toEqual([]);
  });

  it("finds identifiers, figures, years and numbered terms split between lines", () => {
    const broken = (a: string, b: string) => brokenRuns(bboxLines(page([a, b])), ["方針"]).length;
    expect(broken("関連する重点施策は2-", "6です")).toBe(1);
    expect(broken("目標は450", "人です")).toBe(1);
    expect(broken("合計は1,", "234件")).toBe(1);
    expect(broken("期間は令和", "7年度から")).toBe(1);
    expect(broken("期間は令和7", "年度から")).toBe(1);
    expect(broken("期間は2025", "年度から")).toBe(1);
    expect(broken("計画期間（", "2025年度）")).toBe(1);
    expect(broken("対応する方針", "1の取組")).toBe(1);
    // Whole on either side of the break: nothing to report.
    expect(broken("関連する重点施策は2-6", "です")).toBe(0);
    expect(broken("目標は450人", "です")).toBe(0);
    expect(broken("令和7年度から", "令和11年度まで")).toBe(0);
    // A word that starts with a counter's character is no unit; a column of numbers is no number.
    expect(broken("2-3", "社会保険制度の健全な運営")).toBe(0);
    expect(broken("44", "46")).toBe(0);
    // Lines of different blocks (two cells) are not one run.
    expect(brokenRuns(bboxLines(page(["2-"], ["6"])))).toEqual([]);
  });

  it("finds a year inside brackets inside brackets, not single brackets or nesting without a year", () => {
    expect(nestedYearBrackets("目標値は450人（令和11年度（2029年度））です")).toHaveLength(1);
    expect(nestedYearBrackets("計画（令和7〜11年度（2025〜2029年度））")).toHaveLength(1);
    expect(nestedYearBrackets("450人（令和11年度）、令和11年度（2029年度）")).toEqual([]);
    expect(nestedYearBrackets("国の方針（「こども大綱（案）」）")).toEqual([]);
  });
});
