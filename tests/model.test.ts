// Links are declared once (on the 施策の展開方針, on the policy's relatedPlans); every view that
// shows them is derived, so one edit changes them all.
import { describe, expect, it } from "vitest";
import { checkData } from "../src/build.js";
import { buildModel } from "../src/model/build-model.js";
import { DATA, dataCopy, edit, fixtureCopy } from "./helpers/data-copy.js";

const model = (dir: string) => buildModel(checkData(dir).data!, { sdgIcon: () => undefined });

describe("the plan model", () => {
  it("numbers 方針 and indicators and formats years and figures in the edition's style", () => {
    const booklet = model(DATA);
    const p = booklet.policyAreas[0]!.policies[0]!;
    expect(p.directions.map((d) => d.label)).toEqual(["方針1", "方針2", "方針3"]);
    expect(p.directions[0]!.indicators[0]).toMatchObject({
      number: "1-1-1", anchor: "indicator-1-1-1",
      baseline: { value: "78.4", year: "令和5年度", yearSub: "（2023）" },
      target: { value: "90.0", year: "令和11年度" },
    });
    expect(booklet.edition.period).toBe("令和7年度（2025年度）〜令和11年度（2029年度）");
    expect(booklet.indicators.length).toBeGreaterThan(100);
  });

  it("prints figures with the decimals typed: 80.0 → 90.0 stays so", () => {
    const dir = dataCopy();
    edit(dir, "policies/1-1.yaml", "value: 78.4", "value: 80.0");
    const indicator = model(dir).policyAreas[0]!.policies[0]!.directions[0]!.indicators[0]!;
    expect([indicator.baseline.value, indicator.target.value]).toEqual(["80.0", "90.0"]);
  });

  it("derives the matrix, the project pages' 方針 and KPI, and the plan list from one link", () => {
    const before = model(DATA);
    const dir = dataCopy();
    // 1-3's third 方針 serves project 1; make it serve project 4 (basic direction 2) instead.
    edit(dir, "policies/1-3.yaml", /- \{ project: 1, basicDirection: 2 \}/, "- { project: 4, basicDirection: 2 }");
    edit(dir, "policies/1-3.yaml", /relatedPlans: \[/, "relatedPlans: [tabunka, ");
    const after = model(dir);

    const row = (b: typeof before) => b.matrix.rows.find((r) => r.policyId === "1-3")!;
    expect(row(before).cells[0]!.directions).toHaveLength(1);
    expect(row(after).cells[0]!.directions).toEqual([]);
    expect(row(after).cells[3]!.directions).toEqual([expect.stringMatching(/^方針3：/)]);

    const linked = (b: typeof before, project: number, basic: number) =>
      b.projects[project - 1]!.basicDirections[basic - 1]!.directions.map((d) => d.label);
    expect(linked(before, 1, 2)).toContain("1-3 方針3");
    expect(linked(after, 1, 2)).not.toContain("1-3 方針3");
    expect(linked(after, 4, 2)).toContain("1-3 方針3");
    expect(after.projects[3]!.basicDirections[1]!.directions.find((d) => d.label === "1-3 方針3")!.kpis.length).toBeGreaterThan(0);

    const plan = (b: typeof before) => b.relatedPlans.find((p) => p.id === "tabunka")!.policies.map((p) => p.id);
    expect(plan(before)).not.toContain("1-3");
    expect(plan(after)).toContain("1-3");
  });

  it("builds the TOC tree the bookmarks follow", () => {
    const toc = model(DATA).toc;
    expect(toc).toHaveLength(8);
    expect(toc[5]!.children.slice(1).map((a) => a.children.length)).toEqual([5, 7, 5, 6, 4, 3, 4]);
  });

  it("dates the edition in its year style, the leading calendar first", () => {
    // The sample (era-western) and the second plan (western-era, 2026-03-31).
    const sample = model(DATA).edition;
    expect(sample.timeline.years[0]).toEqual({ main: "令和7", sub: "2025" });
    expect(sample.dayLabel).toMatch(/^令和\d+年\d+月\d+日$/);
    const dir = fixtureCopy();
    const other = model(dir).edition;
    expect(other.timeline.years[0]).toEqual({ main: "2026", sub: "令和8" });
    expect(other.dayLabel).toBe("2026年3月31日");
    expect(other.dateLabel).toBe("2026（令和8）年3月");
    edit(dir, "edition.yaml", "yearStyle: western-era", "yearStyle: era");
    expect(model(dir).edition).toMatchObject({ dayLabel: "令和8年3月31日", dateLabel: "令和8年3月", timeline: { years: expect.arrayContaining([{ main: "令和8", sub: "" }]) } });
  });
});
