// 進行管理: how far each indicator has come, by the rules printed on the report's 凡例 page.
//   進捗率 = (実績 − 現状値) ÷ (目標値 − 現状値) × 100 — the same formula for 増加 and 減少.
//   A 累計 indicator's 実績 is the sum of its years from the plan's first year.
//   A 維持 indicator is 達成 while its 実績 holds the 現状値 (not below it, or for one kept at 0
//   — or declared keep: 以下 — not above it).
//   達成: 進捗率 ≥ 100 / 順調: 進捗率 ≥ the share of the period elapsed / 遅れ / 未把握: no 実績.
// Pure: tested without a browser.

export const STATUSES = ["達成", "順調", "遅れ", "未把握"] as const;
export type Status = (typeof STATUSES)[number];

/** What the evaluation reads of an indicator or a project target. */
export interface Measured {
  direction?: "増加" | "減少" | "維持";
  cumulative?: boolean;
  keep?: "以上" | "以下";
  baseline: { value: number; year: number };
  target: { value: number; year: number };
}

export interface Evaluation {
  /** The 実績 compared with the target: the year's value, or the sum of the plan's years so far (累計). */
  current?: number;
  /** 進捗率 in % (undefined for 維持, and when there is no 実績). */
  progress?: number;
  /** The share of the way from the 現状値's year to the target's year that has passed, in %. */
  elapsed: number;
  status: Status;
}

/**
 * Evaluates one indicator for `year`, from its 実績 by year (`actuals`, fiscal year → value) and
 * the plan's first year (where 累計 starts counting).
 */
export function evaluate(m: Measured, year: number, actuals: Map<number, number>, planStart: number): Evaluation {
  const span = m.target.year - m.baseline.year;
  const elapsed = span <= 0 ? 100 : clamp(((year - m.baseline.year) / span) * 100, 0, 100);
  const latest = actuals.get(year);
  if (latest === undefined) return { elapsed, status: "未把握" };
  const current = m.cumulative ? sumYears(actuals, Math.max(planStart, m.baseline.year + 1), year) : latest;
  const direction = m.direction ?? (m.target.value >= m.baseline.value ? "増加" : "減少");
  if (direction === "維持" || m.target.value === m.baseline.value) {
    const keepBelow = (m.keep ?? (m.baseline.value === 0 ? "以下" : direction === "減少" ? "以下" : "以上")) === "以下";
    const holds = keepBelow ? current <= m.baseline.value : current >= m.baseline.value;
    return { current, elapsed, status: holds ? "達成" : "遅れ" };
  }
  const progress = round1(((current - m.baseline.value) / (m.target.value - m.baseline.value)) * 100);
  const status: Status = progress >= 100 ? "達成" : progress >= elapsed ? "順調" : "遅れ";
  return { current, progress, elapsed: round1(elapsed), status };
}

/** Counts of each status, in the order the report prints them. */
export function tally(statuses: Status[]): Record<Status, number> {
  const out = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const s of statuses) out[s]++;
  return out;
}

function sumYears(actuals: Map<number, number>, from: number, to: number): number {
  let sum = 0;
  for (let y = from; y <= to; y++) sum += actuals.get(y) ?? 0;
  return round1000(sum);
}

function clamp(n: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, n));
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Sums of decimals without binary noise (0.1 + 0.2). */
function round1000(n: number): number {
  return Math.round(n * 1000) / 1000;
}
