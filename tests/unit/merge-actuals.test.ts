import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyChanges, mergeCell, sameEntry, sameText } from "../../src/sheet/merge-actuals.js";

const e = (value: number, note?: string) => (note ? { value, note } : { value });

describe("mergeCell: only what a workbook changed since its export", () => {
  it("keeps the file's value where the workbook left the cell as exported", () => {
    // Another department's copy: blank as exported, while the file now holds the first department's answer.
    expect(mergeCell({ base: { value: undefined }, sheet: undefined, file: e(5) }, sameEntry)).toEqual({ kind: "same" });
  });
  it("takes the workbook's value where only the workbook changed it, a blank included", () => {
    expect(mergeCell({ base: { value: undefined }, sheet: e(7), file: undefined }, sameEntry)).toEqual({ kind: "set", value: e(7) });
    expect(mergeCell({ base: { value: e(7) }, sheet: undefined, file: e(7) }, sameEntry)).toEqual({ kind: "set", value: undefined });
    expect(mergeCell({ base: { value: e(7) }, sheet: e(7, "速報値"), file: e(7) }, sameEntry)).toEqual({ kind: "set", value: e(7, "速報値") });
  });
  it("refuses a cell changed both in the workbook and in the file, unless they agree", () => {
    expect(mergeCell({ base: { value: e(1) }, sheet: e(2), file: e(3) }, sameEntry)).toEqual({ kind: "conflict" });
    expect(mergeCell({ base: { value: e(1) }, sheet: e(2), file: e(2) }, sameEntry)).toEqual({ kind: "same" });
  });
  it("without the exported values (a program dropped the hidden sheet), a blank never deletes", () => {
    expect(mergeCell({ sheet: undefined, file: e(5) }, sameEntry)).toEqual({ kind: "same" });
    expect(mergeCell({ sheet: e(6), file: e(5) }, sameEntry)).toEqual({ kind: "set", value: e(6) });
  });
  it("compares texts with a blank and a missing field alike", () => {
    expect(mergeCell({ base: { value: "" }, sheet: undefined, file: "順調" }, sameText)).toEqual({ kind: "same" });
  });
});

describe("applyChanges: the actuals file edited in place", () => {
  const file = [
    "# 令和7年度の実績値（手で直した行あり）",
    "year: 2025",
    "values:",
    "  kpi-1: 10 # 速報値、確定後に直す",
    "  kpi-2: { value: 20, note: 推計 }",
    "comments:",
    "  1-1:",
    "    evaluation: 順調に推移",
    "",
  ].join("\n");

  it("keeps the file's comments, order and untouched entries", () => {
    const out = applyChanges(file, "# header", 2025, {
      values: [{ key: "kpi-3", entry: { value: 30 } }, { key: "kpi-2", entry: undefined }],
      comments: [{ policy: "1-1", field: "issues", text: "人手不足" }],
    });
    expect(out).toContain("# 令和7年度の実績値（手で直した行あり）");
    expect(out).toContain("kpi-1: 10 # 速報値、確定後に直す");
    expect(parse(out)).toEqual({ year: 2025, values: { "kpi-1": 10, "kpi-3": 30 }, comments: { "1-1": { evaluation: "順調に推移", issues: "人手不足" } } });
  });

  it("removes a 重点施策's comments when its last field is cleared, and writes a new file with its header", () => {
    const out = applyChanges(file, "# header", 2025, { values: [], comments: [{ policy: "1-1", field: "evaluation", text: undefined }] });
    expect(parse(out).comments).toBeUndefined();
    const fresh = applyChanges(undefined, "# 新しいファイル", 2026, { values: [{ key: "kpi-1", entry: { value: 1, note: "見込み" } }], comments: [] });
    expect(fresh.startsWith("# 新しいファイル\n")).toBe(true);
    expect(parse(fresh)).toEqual({ year: 2026, values: { "kpi-1": { value: 1, note: "見込み" } } });
  });

  it("writes an emptied values map as {} (the schema wants it)", () => {
    const out = applyChanges("year: 2025\nvalues:\n  kpi-1: 1\n", "", 2025, { values: [{ key: "kpi-1", entry: undefined }], comments: [] });
    expect(parse(out)).toEqual({ year: 2025, values: {} });
  });
});
