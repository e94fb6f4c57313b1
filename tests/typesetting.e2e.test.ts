// Japanese text setting, measured in both booklets — the sample and another city's plan (its own
// terms, year style and counts): no paragraph's last line holds three characters or fewer
// (measured per line in the laid-out page), no identifier, figure, year or numbered term is split
// between lines, and no year is printed inside brackets inside brackets (both read back from the
// PDF's text). The rules themselves are shown to catch what they must in tests/unit/typesetting-rules.test.ts.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkData } from "../src/build.js";
import { buildModel } from "../src/model/build-model.js";
import { openBrowser, type BrowserHandle } from "../src/print/browser.js";
import { DATA, MIDORINO } from "./helpers/data-copy.js";
import { shared } from "./helpers/shared-builds.js";
import { shortLastLines } from "./helpers/lone-lines.js";
import { brokenRuns, loneSentenceEnds, nestedYearBrackets, pageTexts, pdfLines } from "./helpers/typesetting-rules.js";

const ROOT = path.resolve(import.meta.dirname, "..");
/** The type area's width in CSS pixels, as the print stage lays the pages out (print/print-booklet.ts). */
const CONTENT_WIDTH_PX = Math.floor(175 / (25.4 / 96));

const plans = [
  { name: "the sample", data: DATA, set: "official" },
  { name: "another city's plan (みどり野市)", data: MIDORINO, set: "midorino" },
] as const;

let browser: BrowserHandle;
beforeAll(async () => {
  browser = await openBrowser({ timeout: 120_000 });
});
afterAll(async () => {
  await browser?.close();
});

describe.each(plans)("text setting in $name", ({ data, set }) => {
  let out: string;
  let numbered: string[];
  beforeAll(async () => {
    ({ out } = await shared(set));
    // The plan's numbered terms (方針1, 政策2, 重点プロジェクト3 …) in its own words.
    const { terms } = buildModel(checkData(data).data!, { sdgIcon: () => undefined });
    numbered = [terms.policyArea, terms.directionShort, terms.project];
  });

  it("ends no paragraph with a line of three characters or fewer (each line measured in the laid-out pages)", async () => {
    const page = await browser.browser.newPage();
    try {
      await page.emulateMediaType("print");
      await page.setViewport({ width: CONTENT_WIDTH_PX, height: 1000 });
      await page.goto(pathToFileURL(out.replace(/\.pdf$/, ".html")).href, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const short = await page.evaluate(shortLastLines, 3);
      expect(short.map((s) => `${s.where} #${s.near}: …${s.before}／${s.line}`)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("leaves no sentence's last characters alone on a line of the PDF", () => {
    expect(loneSentenceEnds(pdfLines(out)).map((l) => `p.${l.page} ${l.text}`)).toEqual([]);
  });

  it("splits no identifier (2-6), figure with its unit, year or numbered term between lines", () => {
    expect(brokenRuns(pdfLines(out), numbered)).toEqual([]);
  });

  it("prints no year inside brackets inside brackets", () => {
    const nested = pageTexts(out).flatMap((text, i) => nestedYearBrackets(text).map((n) => `p.${i + 1} ${n}`));
    expect(nested).toEqual([]);
  });
});

describe("the measurement of last lines", () => {
  it("finds a paragraph wrapped onto a short last line, not a label set on two lines by <br>", async () => {
    const page = await browser.browser.newPage();
    try {
      await page.setContent(`<body style="font: 16px sans-serif; margin: 0">
        <p id="wrapped" style="width: 10em">${"あ".repeat(11)}</p>
        <p id="label" style="width: 10em">2026<br><small>令和8</small></p>
        <p id="full" style="width: 10em">${"い".repeat(16)}</p></body>`);
      const short = await page.evaluate(shortLastLines, 3);
      expect(short.map((s) => `${s.near} ${s.line}`)).toEqual(["wrapped あ"]);
    } finally {
      await page.close();
    }
  });
});
