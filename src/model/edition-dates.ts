// The cover's and the colophon's facts in the edition's own styles: the issue date in its year
// style (令和6年（2024年）10月, 2024（令和6）年10月 …, as fiscal years are printed), and the stage
// when the document is not yet the adopted plan (素案, 案, 最終案).
import type { EditionData } from "../validate/schema.js";
import { eraYearOfDate, type YearStyle } from "./format.js";
import type { EditionDatesView } from "./types.js";

/** 2024-10-01 → 令和6年（2024年）10月 in era-western, 2024（令和6）年10月 in western-era … */
export function issueDate(isoDate: string, style: YearStyle): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const eraYear = eraYearOfDate(y, m, d);
  switch (style) {
    case "era-western":
      return `${eraYear}年（${y}年）${m}月`;
    case "western-era":
      return `${y}（${eraYear}）年${m}月`;
    case "era":
      return `${eraYear}年${m}月`;
    case "western":
      return `${y}年${m}月`;
  }
}

/** The issue date and, before adoption, the stage: what the cover and the colophon print. */
export function editionDates(e: EditionData): EditionDatesView {
  return { issued: issueDate(e.date, e.yearStyle), ...(e.stage === "策定" ? {} : { stageLabel: e.stage }) };
}
