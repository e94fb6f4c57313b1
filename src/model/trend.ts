// An indicator's way toward its target as a small chart: its past values (history), its 現状値,
// any 実績 since (in the progress report), and the 目標値 in its year, over the years from the
// first one known to the target year.
import type { YearStyle } from "./format.js";
import { eraYear } from "./format.js";
import type { TrendView } from "./types.js";

interface Figure {
  name: string;
  unit: string;
  baseline: { value: number; year: number };
  target: { value: number; year: number };
  history?: Array<{ year: number; value: number }>;
  yearKind: string;
  asOf?: string;
}

/** The short label of a year on a small chart's axis: R7, or 2025 when the edition writes Western years first. */
export function shortYear(year: number, style: YearStyle): string {
  return style === "western" || style === "western-era" ? String(year) : eraYear(year).replace("令和", "R").replace("平成", "H");
}

/**
 * The trend of a figure; undefined when there is nothing but the 現状値 to draw. `actuals` (year →
 * 実績) adds the years after the 現状値 (the progress report).
 */
export function trendOf(f: Figure, style: YearStyle, actuals: Map<number, number> = new Map()): TrendView | undefined {
  const past = (f.history ?? []).filter((h) => h.year < f.baseline.year);
  const since = [...actuals].filter(([y]) => y > f.baseline.year && y <= f.target.year).map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
  if (past.length === 0 && since.length === 0) return undefined;
  const first = past[0]?.year ?? f.baseline.year;
  const end = Math.max(f.target.year, f.baseline.year);
  const years = Array.from({ length: end - first + 1 }, (_, i) => first + i);
  const known = [...past, f.baseline, ...since];
  const byYear = new Map(known.map((h) => [h.year, h.value] as const));
  const label = (y: number) => shortYear(y, style);
  const unit = f.unit;
  const points = known.map((h) => `${label(h.year)} ${h.value.toLocaleString("ja-JP")}${unit}`);
  return {
    years: years.map(label),
    values: years.map((y) => byYear.get(y) ?? null),
    baseline: f.baseline.year - first,
    last: known.at(-1)!.year - first,
    target: f.target.year - first,
    targetValue: f.target.value,
    unit,
    yearKind: f.yearKind,
    ...(f.asOf ? { asOf: f.asOf } : {}),
    alt: `${f.name}の推移: ${points.join("、")}。目標値 ${label(f.target.year)} ${f.target.value.toLocaleString("ja-JP")}${unit}`,
  };
}
