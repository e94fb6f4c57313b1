// The comparison behind the 新旧対照表 and the draft's change marks: exactly the changed items, in
// plan order, numbers as values, and each row naming an element that exists on the page.
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/build.js";
import { compareData, reading } from "../../src/diff/compare.js";
import { markChanges } from "../../src/diff/char-diff.js";
import { buildModel } from "../../src/model/build-model.js";
import { renderHtml } from "../../src/render/render-html.js";
import { fontFaces } from "../../src/fonts.js";
import type { PlanData } from "../../src/validate/validate.js";
import { renderShinkyu } from "../../src/render/render-shinkyu.js";
import { DATA, dataCopy, edit } from "../helpers/data-copy.js";

const load = (dir: string) => checkData(dir).data!;

describe("compareData", () => {
  it("finds exactly an edited 目指す姿 and an indicator's target, the target as a value with its unit", () => {
    const dir = dataCopy();
    edit(dir, "policies/1-1.yaml", "保護者が安心して子どもを産み育てられるとともに、", "保護者が安心して子どもを産み育てられ、");
    edit(dir, "policies/1-1.yaml", "target: { value: 400, year: 令和11年度 }", "target: { value: 450, year: 令和11年度 }");
    const rows = compareData(load(DATA), load(dir));
    expect(rows.map((r) => [r.group, r.item, r.key])).toEqual([
      ["重点施策 1-1　子どもを産み育てる環境づくりの推進", "目指す姿", "chg-policy-1-1-vision"],
      ["重点施策 1-1　子どもを産み育てる環境づくりの推進", "方針1 › 成果指標2「産後ケア事業の利用者数」 › 目標値", "chg-policy-1-1-d1-i2-target"],
    ]);
    expect(rows[1]).toMatchObject({ before: "400", after: "450", numeric: true, unit: "人" });
    expect(rows[0]!.before).toContain("産み育てられるとともに、地域全体");
  });

  it("sees no change in a paragraph that was only re-wrapped, and none between identical data", () => {
    const dir = dataCopy();
    edit(dir, "policies/1-1.yaml", "人口を維持するために", "人口を\n  維持するために");
    expect(compareData(load(DATA), load(dir))).toEqual([]);
    expect(reading("本市の出生数は、\n減少しており、\n\n次の段落 です")).toBe("本市の出生数は、減少しており、\n次の段落 です");
  });

  it("lists groups in the booklet's order: はじめに, 地区, プロジェクト, then 政策 and 重点施策", () => {
    const dir = dataCopy();
    edit(dir, "policies/7-4.yaml", /^title: (.*)$/m, "title: $1（改）");
    edit(dir, "projects/2.yaml", /^name: (.*)$/m, "name: $1（改）");
    edit(dir, "text/purpose.md", "\n\n", "\n\n追加した一文です。\n\n");
    const groups = [...new Set(compareData(load(DATA), load(dir)).map((r) => r.group.split("　")[0]))];
    expect(groups).toEqual(["本文", "重点プロジェクト2", "重点施策 7-4"]);
  });

  it("names a removed 事業 at its 方針's title, and a removed 重点施策 with no page", () => {
    const dir = dataCopy();
    edit(dir, "policies/1-1.yaml", /      - name: 母子健康手帳アプリ運用事業\n        description: .*\n/, "");
    const rows = compareData(load(DATA), load(dir));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ item: "方針1 › 事業3", after: "", key: "chg-policy-1-1-d1-title" });
    const before = load(DATA);
    const after: PlanData = { ...before, policies: before.policies.filter((p) => p.id !== "6-3") };
    expect(compareData(before, after)).toEqual([
      expect.objectContaining({ group: "重点施策 6-3　豊かな自然環境の保全と衛生的な生活環境の推進", item: "重点施策（削除）", key: "" }),
    ]);
  });

  it("gives every changed item an element id that the rendered booklet carries", () => {
    // Change every text and number of the plan: every row's key must be an id on the page.
    const original = load(DATA);
    const changed = mutate(original) as PlanData;
    changed.sources = original.sources;
    const rows = compareData(original, changed);
    expect(rows.length).toBeGreaterThan(1000);
    const booklet = buildModel(changed, { sdgIcon: () => undefined, changes: { since: "テスト", rows } });
    const html = renderHtml(booklet, { htmlDir: DATA, fonts: fontFaces(), edition: "draft" });
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const missing = [...new Set(rows.map((r) => r.key))].filter((k) => !ids.has(k));
    expect(missing).toEqual([]);
    // ids are unique, and each changed one is marked
    const all = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(all.length).toBe(ids.size);
    expect(html.match(/ data-changed/g)!.length).toBe(new Set(rows.map((r) => r.key)).size);
  });
});

describe("markChanges", () => {
  it("underlines the changed characters on both sides and keeps the rest plain", () => {
    const { before, after } = markChanges("受入枠を確保します。", "受入枠を拡大します。");
    expect(before).toEqual([{ text: "受入枠を", changed: false }, { text: "確保", changed: true }, { text: "します。", changed: false }]);
    expect(after).toEqual([{ text: "受入枠を", changed: false }, { text: "拡大", changed: true }, { text: "します。", changed: false }]);
  });

  it("folds a stray common character inside a rewritten phrase into one underlined run", () => {
    const { after } = markChanges("地域の見守りを強化します。", "市民の健康づくりを支援します。");
    expect(after.filter((s) => s.changed)).toHaveLength(1);
    expect(after.map((s) => s.text).join("")).toBe("市民の健康づくりを支援します。");
  });
});

/** Every string gets "改" appended and every number grows by 1 (ids and years left alone). */
function mutate(value: unknown, key = ""): unknown {
  if (typeof value === "string") return ["id", "color", "date", "yearStyle", "stage", "direction"].includes(key) ? value : `${value}改`;
  if (typeof value === "number") return ["id", "year", "from", "to", "project", "basicDirection", "digits"].includes(key) || key === "" ? value : value + 1;
  if (Array.isArray(value)) return value.map((v) => mutate(v, ["sdgs", "relatedPlans", "cells"].includes(key) ? "id" : ""));
  if (value instanceof Map) return value;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mutate(v, k)]));
  return value;
}

describe("the 新旧対照表 HTML", () => {
  it("underlines the changed characters in both columns and escapes the data", () => {
    const { before, after } = markChanges("受入枠を確保します。", "受入枠を<b>拡大</b>します。");
    const html = renderShinkyu(
      {
        title: "新旧対照表", head: "見出し", afterLabel: "案 第2版", beforeLabel: "HEAD", count: 1,
        groups: [{ name: "重点施策 1-1", rows: [{ item: "方針1 › 内容", before, after, numeric: false, page: "39" }] }],
      },
      { htmlDir: DATA, fonts: fontFaces() },
    );
    expect(html).toContain("<td>受入枠を<u>&lt;b&gt;拡大&lt;/b&gt;</u>します。</td>");
    expect(html).toContain("<td>受入枠を<u>確保</u>します。</td>");
    expect(html).toMatch(/<th scope="row" class="item">方針1 › 内容<\/th>/);
  });
});
