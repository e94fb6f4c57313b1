// An indicator's way toward its target as a small chart: its past values (history), its 現状値
// and the 目標値 in its year, over the years from the first one known to the target year.
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

/** The trend of a figure with history; undefined when it has none (nothing to draw). */
export function trendOf(f: Figure, style: YearStyle): TrendView | undefined {
  const past = (f.history ?? []).filter((h) => h.year < f.baseline.year);
  if (past.length === 0) return undefined;
  const first = past[0]!.year;
  const last = Math.max(f.target.year, f.baseline.year);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const byYear = new Map([...past.map((h) => [h.year, h.value] as const), [f.baseline.year, f.baseline.value]]);
  const label = (y: number) => (style === "western" || style === "western-era" ? String(y) : eraYear(y).replace("令和", "R").replace("平成", "H"));
  const unit = f.unit;
  const points = [...past, f.baseline].map((h) => `${label(h.year)} ${h.value.toLocaleString("ja-JP")}${unit}`);
  return {
    years: years.map(label),
    values: years.map((y) => byYear.get(y) ?? null),
    baseline: f.baseline.year - first,
    target: f.target.year - first,
    targetValue: f.target.value,
    unit,
    yearKind: f.yearKind,
    ...(f.asOf ? { asOf: f.asOf } : {}),
    alt: `${f.name}の推移: ${points.join("、")}。目標値 ${label(f.target.year)} ${f.target.value.toLocaleString("ja-JP")}${unit}`,
  };
}
