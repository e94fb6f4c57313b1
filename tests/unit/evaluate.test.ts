// The 進行管理 rules, as the report's 凡例 page prints them.
import { describe, expect, it } from "vitest";
import { evaluate, tally } from "../../src/progress/evaluate.js";

const years = (entries: Array<[number, number]>) => new Map(entries);

describe("進捗率 and status", () => {
  it("a rising indicator: (実績 − 現状値) ÷ (目標値 − 現状値); 順調 when ahead of the elapsed share", () => {
    const m = { direction: "増加" as const, baseline: { value: 50, year: 2024 }, target: { value: 60, year: 2029 } };
    // 2026: two of five years passed (40 %); 55 is half the way (50 %).
    expect(evaluate(m, 2026, years([[2026, 55]]), 2025)).toEqual({ current: 55, progress: 50, elapsed: 40, status: "順調" });
    expect(evaluate(m, 2026, years([[2026, 53]]), 2025).status).toBe("遅れ");
    expect(evaluate(m, 2026, years([[2026, 61]]), 2025)).toMatchObject({ progress: 110, status: "達成" });
  });

  it("a falling (減少) indicator uses the same formula", () => {
    const m = { direction: "減少" as const, baseline: { value: 900, year: 2024 }, target: { value: 800, year: 2029 } };
    expect(evaluate(m, 2027, years([[2027, 850]]), 2025)).toEqual({ current: 850, progress: 50, elapsed: 60, status: "遅れ" });
    expect(evaluate(m, 2027, years([[2027, 830]]), 2025)).toMatchObject({ progress: 70, status: "順調" });
    expect(evaluate(m, 2027, years([[2027, 790]]), 2025)).toMatchObject({ progress: 110, status: "達成" });
  });

  it("a 累計 indicator sums its years from the plan's first year", () => {
    const m = { direction: "増加" as const, cumulative: true, baseline: { value: 0, year: 2024 }, target: { value: 1000, year: 2029 } };
    const r = evaluate(m, 2026, years([[2024, 999], [2025, 210], [2026, 230]]), 2025);
    expect(r).toEqual({ current: 440, progress: 44, elapsed: 40, status: "順調" });
  });

  it("a 維持 indicator is 達成 while it holds the 現状値: kept at 0 while it stays 0, else not below it", () => {
    const zero = { direction: "維持" as const, baseline: { value: 0, year: 2024 }, target: { value: 0, year: 2029 } };
    expect(evaluate(zero, 2025, years([[2025, 0]]), 2025)).toEqual({ current: 0, elapsed: 20, status: "達成" });
    expect(evaluate(zero, 2025, years([[2025, 3]]), 2025).status).toBe("遅れ");
    const groups = { direction: "維持" as const, baseline: { value: 42, year: 2024 }, target: { value: 42, year: 2029 } };
    expect(evaluate(groups, 2025, years([[2025, 43]]), 2025).status).toBe("達成");
    expect(evaluate(groups, 2025, years([[2025, 41]]), 2025).status).toBe("遅れ");
    expect(evaluate({ ...groups, keep: "以下" }, 2025, years([[2025, 43]]), 2025).status).toBe("遅れ");
  });

  it("no 実績 for the year is 未把握, whatever came before; tally counts each status", () => {
    const m = { direction: "増加" as const, baseline: { value: 50, year: 2024 }, target: { value: 60, year: 2029 } };
    expect(evaluate(m, 2026, years([[2025, 58]]), 2025)).toEqual({ elapsed: 40, status: "未把握" });
    expect(tally(["達成", "遅れ", "達成", "未把握"])).toEqual({ 達成: 2, 順調: 0, 遅れ: 1, 未把握: 1 });
  });
});
