// How years, dates and figures are printed: one convention for the whole booklet.
import type { yearStyles } from "../validate/schema.js";

export type YearStyle = (typeof yearStyles)[number];

/** 2025 → 令和7, 2019 → 令和元, 2018 → 平成30: a year (a fiscal year) in the era it ends in. */
export function eraYear(year: number): string {
  return eraYearOfDate(year, 12, 31);
}

/** Whether the year style writes the Western year first (western, western-era). */
export function westernFirst(style: YearStyle): boolean {
  return style === "western" || style === "western-era";
}

/** A fiscal year in the edition's style, e.g. 令和7年度（2025年度）. */
export function fiscalYearLabel(year: number, style: YearStyle): string {
  switch (style) {
    case "era-western":
      return `${eraYear(year)}年度（${year}年度）`;
    case "western-era":
      return `${year}（${eraYear(year)}）年度`;
    case "era":
      return `${eraYear(year)}年度`;
    case "western":
      return `${year}年度`;
  }
}

/** A period, e.g. 令和7年度（2025年度）〜令和11年度（2029年度）. */
export function periodLabel(from: number, to: number, style: YearStyle): string {
  return `${fiscalYearLabel(from, style)}〜${fiscalYearLabel(to, style)}`;
}

/** A compact year for table cells: the era year with the Western year beneath it. */
export function compactYear(year: number, style: YearStyle): { main: string; sub: string } {
  if (westernFirst(style)) return { main: `${year}年度`, sub: style === "western" ? "" : `（${eraYear(year)}）` };
  return { main: `${eraYear(year)}年度`, sub: style === "era" ? "" : `（${year}）` };
}

/**
 * The era year of a date (not of a fiscal year): 令和 began on 2019-05-01 and 平成 on 1989-01-08,
 * so 2019-04-30 is 平成31年 and 2019-05-01 令和元年.
 */
export function eraYearOfDate(y: number, m: number, d = 1): string {
  const at = y * 10000 + m * 100 + d;
  if (at >= 20190501) return `令和${y === 2019 ? "元" : y - 2018}`;
  if (at >= 19890108) return `平成${y === 1989 ? "元" : y - 1988}`;
  return `昭和${y - 1925}`;
}

/**
 * A date to the day, as drafts, the 新旧対照表 and the change list are dated, in the calendar the
 * year style leads with: 令和8年10月1日 (era, era-western) or 2026年10月1日 (western,
 * western-era). One calendar, so the draft stamp keeps to its box.
 */
export function dayLabel(isoDate: string, style: YearStyle): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return `${westernFirst(style) ? y : eraYearOfDate(y, m, d)}年${m}月${d}日`;
}

/** 1234.5 → 1,234.5 with a fixed number of decimals, half-width as Japanese plans print figures. */
export function formatNumber(value: number, fractionDigits: number): string {
  return new Intl.NumberFormat("ja-JP", {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

/** A short period in the edition's style: 令和7〜11年度（2025〜2029年度）, 2025〜2029（令和7〜11）年度 … */
export function periodShort(from: number, to: number, style: YearStyle): string {
  const era = `${eraYear(from)}〜${sameEra(from, to) ? eraYear(to).replace(/^\D+/, "") : eraYear(to)}`;
  switch (style) {
    case "era-western":
      return `${era}年度（${from}〜${to}年度）`;
    case "western-era":
      return `${from}〜${to}（${era}）年度`;
    case "era":
      return `${era}年度`;
    case "western":
      return `${from}〜${to}年度`;
  }
}

function sameEra(a: number, b: number): boolean {
  return eraYear(a).replace(/[\d元]+$/, "") === eraYear(b).replace(/[\d元]+$/, "");
}
