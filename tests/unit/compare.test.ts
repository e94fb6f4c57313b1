// The comparison behind the 新旧対照表 and the draft's change marks: exactly the changes, in plan
// order, removals and moves included, numbers as values, and each row naming an element that
// exists on the page (or, when removed, the element it had in the old booklet).
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/build.js";
import { compareData, reading, type ChangeRow } from "../../src/diff/compare.js";
import { buildModel } from "../../src/model/build-model.js";
import { renderHtml } from "../../src/render/render-html.js";
import { fontFaces } from "../../src/fonts.js";
import type { PlanData } from "../../src/validate/validate.js";
import { draftMarks } from "../../src/diff/draft-marks.js";
import { DATA, dataCopy, edit } from "../helpers/data-copy.js";

const load = (dir: string) => checkData(dir).data!;
const original = load(DATA);
/** A copy of the sample data to edit in memory. */
const copy = (): PlanData => structuredClone(original);
const brief = (rows: ChangeRow[]) => rows.map((r) => [r.kind, r.group, r.item]);

describe("compareData: changes of fields", () => {
  it("finds exactly an edited 目指す姿 and an indicator's target, the target as a value with its unit", () => {
    const dir = dataCopy();
    edit(dir, "policies/1-1.yaml", "保護者が安心して子どもを産み育てられるとともに、", "保護者が安心して子どもを産み育てられ、");
    edit(dir, "policies/1-1.yaml", "target: { value: 400, year: 令和11年度 }", "target: { value: 450, year: 令和11年度 }");
    const rows = compareData(original, load(dir));
    expect(rows.map((r) => [r.group, r.item, r.key])).toEqual([
      ["重点施策 1-1　子どもを産み育てる環境づくりの推進", "目指す姿", "chg-policy-1-1-vision"],
      ["重点施策 1-1　子どもを産み育てる環境づくりの推進", "方針1 › 成果指標2「産後ケア事業の利用者数」 › 目標値", "chg-policy-1-1-d1-i2-target"],
    ]);
    expect(rows[1]).toMatchObject({ kind: "changed", before: "400", after: "450", numeric: true, unit: "人", mark: "whole" });
    expect(rows[0]).toMatchObject({ kind: "changed", mark: "words" });
    expect(rows[0]!.before).toContain("産み育てられるとともに、地域全体");
  });

  it("sees no change in a paragraph only re-wrapped, in 85 typed as 85.0, or between identical data", () => {
    const dir = dataCopy();
    edit(dir, "policies/1-1.yaml", "人口を維持するために", "人口を\n  維持するために");
    edit(dir, "policies/2-3.yaml", "target: { value: 95.0, year: 令和11年度 }", "target: { value: 95, year: 令和11年度 }");
    expect(compareData(original, load(dir))).toEqual([]);
    expect(compareData(original, copy())).toEqual([]);
    expect(reading("本市の出生数は、\n減少しており、\n\n次の段落 です")).toBe("本市の出生数は、減少しており、\n次の段落 です");
  });

  it("compares every file: the edition, a 個別計画, a Markdown chapter, SDGs goals, a district's list", () => {
    const after = copy();
    after.edition.futureVision = "えがお咲く未来へ 誰もが暮らしやすい共生都市 いせさき";
    after.edition.period.to = 2030;
    after.relatedPlans[0]!.name = "伊勢崎市こども・子育て計画";
    after.texts.period = after.texts.period.replace("10年間です。", "10年間とします。");
    after.sdgs[2]!.title = "すべての人に健康と福祉を（改）";
    after.districts[0]!.initiatives.push("新しい取組です");
    expect(brief(compareData(original, after))).toEqual([
      ["changed", "表紙・計画の概要", "将来ビジョン"],
      ["changed", "表紙・計画の概要", "計画期間の終了年度"],
      ["changed", "本文　計画の期間", "本文"],
      ["changed", `地区別計画　${original.districts[0]!.name}`, "主な取組"],
      ["changed", "個別計画　伊勢崎市こども・子育て計画", "計画名"],
      ["changed", "SDGs　ゴール3「すべての人に健康と福祉を（改）」", "タイトル"],
    ]);
    const rows = compareData(original, after);
    expect(rows[1]).toMatchObject({ before: "令和11年度（2029年度）", after: "令和12年度（2030年度）", numeric: false, key: "", place: "表紙" });
    expect(rows[4]).toMatchObject({ key: "related-plans", markable: false });
  });

  it("shows a renamed 個別計画 once, not again on every policy that cites it", () => {
    const after = copy();
    after.relatedPlans.find((p) => p.id === "kodomo")!.name = "伊勢崎市こども・子育て計画";
    expect(compareData(original, after)).toHaveLength(1);
  });
});

describe("compareData: removals", () => {
  it("reports a removed 重点プロジェクト once, with the element it had in the old booklet", () => {
    const after = copy();
    after.projects = after.projects.filter((p) => p.id !== 5);
    const rows = compareData(original, after);
    expect(brief(rows)).toEqual([["removed", "重点プロジェクト5　DX推進プロジェクト", "重点プロジェクト"]]);
    expect(rows[0]).toMatchObject({ key: "", oldKey: "chg-project-5-name", after: "" });
    expect(rows[0]!.before).toContain("名称：DX推進プロジェクト");
  });

  it("reports a removed 政策 with its four 重点施策 once, naming them", () => {
    const after = copy();
    after.policyAreas = after.policyAreas.filter((a) => a.id !== 7);
    after.policies = after.policies.filter((p) => !p.id.startsWith("7-"));
    const rows = compareData(original, after);
    expect(brief(rows)).toEqual([["removed", "政策7　共生・共創・行財政政策", "政策"]]);
    expect(rows[0]!.oldKey).toBe("chg-area-7-name");
    expect(rows[0]!.before).toMatch(/重点施策：7-1「.+」、7-2「.+」、7-3「.+」、7-4「.+」/);
  });

  it("heads the plan's own lists (plan.yaml) in the committee's words, as every other group", () => {
    const after = copy();
    after.projects = after.projects.filter((p) => p.id !== 5);
    after.plan = { ...after.plan, projects: after.plan.projects.filter((id) => id !== 5) };
    const rows = compareData(original, after);
    expect(brief(rows)).toEqual([
      ["removed", "重点プロジェクト5　DX推進プロジェクト", "重点プロジェクト"],
      ["changed", "計画の構成", "重点プロジェクトの一覧（掲載順）"],
    ]);
    // No group is named by a key of the data files (plan, booklet, figures …).
    const everything = structuredClone(original);
    everything.plan = { ...everything.plan, policyAreas: [...everything.plan.policyAreas].reverse() };
    everything.booklet = { ...everything.booklet, parts: everything.booklet.parts.slice(1) };
    for (const row of compareData(original, everything)) expect(row.group, JSON.stringify(row)).toMatch(/[^\x00-\x7F]/);
  });

  it("reports a removed 事業 with its old number, and marks the 方針 that held it", () => {
    const dir = dataCopy();
    edit(dir, "policies/1-1.yaml", /      - name: 母子健康手帳アプリ運用事業\n        description: .*\n/, "");
    const rows = compareData(original, load(dir));
    expect(brief(rows)).toEqual([["removed", "重点施策 1-1　子どもを産み育てる環境づくりの推進", "方針1 › 事業3「母子健康手帳アプリ運用事業」"]]);
    expect(rows[0]).toMatchObject({ oldKey: "chg-policy-1-1-d1-p3", markAt: "chg-policy-1-1-d1-title" });
  });

  it("does not take the removal of 方針1 for a renumbering of the others", () => {
    const after = copy();
    after.policies[0]!.directions.shift();
    expect(brief(compareData(original, after))).toEqual([["removed", "重点施策 1-1　子どもを産み育てる環境づくりの推進", "方針1"]]);
  });
});

/** Renumbers a 重点施策 as staff do: its file's id, and its 政策's declaration (moved to the new number's 政策). */
function renumber(data: PlanData, from: string, to: string): void {
  data.policies.find((p) => p.id === from)!.id = to;
  for (const area of data.policyAreas) area.policies = area.policies.filter((id) => id !== from);
  data.policyAreas.find((a) => a.id === Number(to.split("-")[0]))!.policies.push(to);
}

describe("compareData: moves", () => {
  it("reports a 重点施策 moved to another 政策 once, with its old and new numbers", () => {
    const after = copy();
    renumber(after, "2-3", "3-6");
    const rows = compareData(original, after);
    expect(brief(rows)).toEqual([["moved", "重点施策 3-6　社会保険制度の健全な運営", "重点施策（2-3 → 3-6）"]]);
    expect(rows[0]).toMatchObject({ before: "2-3", after: "3-6", key: "chg-policy-3-6-title" });
  });

  it("reports a renumbered 重点施策 (2-3 → 2-8) once as moved", () => {
    const after = copy();
    renumber(after, "2-3", "2-8");
    expect(brief(compareData(original, after))).toEqual([["moved", "重点施策 2-8　社会保険制度の健全な運営", "重点施策（2-3 → 2-8）"]]);
  });

  it("reports a reordered 方針 once, and its edited summary as one more row", () => {
    const after = copy();
    const [first, second, third] = after.policies[1]!.directions;
    after.policies[1]!.directions = [second!, third!, first!];
    first!.summary += "あわせて、地域と連携します。";
    expect(brief(compareData(original, after))).toEqual([
      ["moved", "重点施策 1-2　子どもの成長に応じた学校教育の充実", "方針3（方針1 → 方針3）"],
      ["changed", "重点施策 1-2　子どもの成長に応じた学校教育の充実", "方針3 › 内容"],
    ]);
  });

  it("reports an 成果指標 moved to another 重点施策 as one move", () => {
    const after = copy();
    const indicator = after.policies[0]!.directions[0]!.indicators.pop()!;
    after.policies[4]!.directions[0]!.indicators.push(indicator);
    const rows = compareData(original, after);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "moved", group: expect.stringContaining("重点施策 1-5"), before: "1-1 › 方針1 › 成果指標2", after: expect.stringMatching(/^1-5 › 方針1 › 成果指標\d$/) });
  });
});

describe("compareData: additions and new fields", () => {
  it("reports an added 事業 once, at its element in the new booklet", () => {
    const after = copy();
    after.policies[0]!.directions[0]!.programs.push({ name: "産後ケア訪問拡充事業", description: "助産師が産後の家庭を訪ねます。" });
    const rows = compareData(original, after);
    expect(brief(rows)).toEqual([["added", "重点施策 1-1　子どもを産み育てる環境づくりの推進", "方針1 › 事業4「産後ケア訪問拡充事業」"]]);
    expect(rows[0]).toMatchObject({ key: "chg-policy-1-1-d1-p4", mark: "whole", after: "事業名：産後ケア訪問拡充事業\n事業の内容：助産師が産後の家庭を訪ねます。" });
  });

  it("compares a field or a list the data gains later without being told (complete by construction)", () => {
    const before = copy() as PlanData & { gallery?: unknown[] };
    const after = copy() as PlanData & { gallery?: unknown[] };
    (before.policies[0] as any).actual = { value: 10 };
    (after.policies[0] as any).actual = { value: 12 };
    before.gallery = [{ title: "人口の推移", source: "国勢調査" }];
    after.gallery = [{ title: "人口の推移", source: "国勢調査（令和2年）" }, { title: "出生数", source: "人口動態統計" }];
    expect(brief(compareData(before, after))).toEqual([
      ["changed", "重点施策 1-1　子どもを産み育てる環境づくりの推進", "value"],
      ["changed", "gallery", "gallery1 › source"],
      ["added", "gallery", "gallery2"],
    ]);
  });
});

describe("the booklet carries what the comparison names", () => {
  it("gives every row of a change to everything an element id the rendered booklet carries, marked once", () => {
    // Change every text and number of the plan: every row's key must be an id on the page.
    const changed = mutate(original) as PlanData;
    const rows = compareData(original, changed);
    expect(rows.length).toBeGreaterThan(1000);
    const marks = draftMarks(rows);
    const booklet = buildModel(changed, { sdgIcon: () => undefined, changes: { since: "テスト", rows, marks } });
    const html = renderHtml(booklet, { htmlDir: DATA, fonts: fontFaces(), edition: "draft" });
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const missing = [...new Set(rows.filter((r) => r.key).map((r) => r.key))].filter((k) => !ids.has(k));
    expect(missing).toEqual([]);
    // ids are unique, and each marked one is marked once; most text marks find their words
    const all = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(all.length).toBe(ids.size);
    expect(html.match(/ data-changed/g)!.length).toBe(marks.length);
    expect(html.match(/<mark class="chg-word">/g)!.length).toBeGreaterThan(500);
  });
});

/** Every string gets "改" appended and every number grows by 1 (ids and years left alone). */
function mutate(value: unknown, key = ""): unknown {
  // A text that places a figure keeps it on a line of its own.
  if (typeof value === "string" && value.includes("[[図")) return `${value}\n\n改`;
  // Identities and declarations stay (a changed key is another item, not a change of it).
  if (typeof value === "string") return ["id", "key", "color", "date", "yearStyle", "stage", "direction", "binding", "url", "keep", "yearKind", "type", "format", "figureNumbers", "image", "file", "property", "csv", "text"].includes(key) ? value : `${value}改`;
  if (typeof value === "number") return ["id", "year", "from", "to", "project", "basicDirection", "digits"].includes(key) || key === "" ? value : value + 1;
  if (Array.isArray(value)) return value.map((v) => mutate(v, ["sdgs", "relatedPlans", "cells", "policies", "parts", "contents"].includes(key) ? "id" : ""));
  if (value instanceof Map) return value;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mutate(v, k)]));
  return value;
}

describe("the committee's words", () => {
  it("name an indicator's actuals by the indicator, a removed one by the name it had, never by its key", () => {
    const before = copy();
    const after = copy();
    const year = Object.keys(before.actuals)[0]!;
    const [key, value] = Object.entries(before.actuals[year as unknown as number]!.values)[0]!;
    const indicator = before.policies.flatMap((p) => p.directions.flatMap((d) => d.indicators)).find((x) => x.key === key)!;
    after.actuals[year as unknown as number]!.values[key] = { ...value, value: value.value + 1 };
    const changed = compareData(before, after).filter((r) => r.group.startsWith("実績値"));
    expect(changed.map((r) => r.item)).toEqual([`成果指標「${indicator.name}」 › 実績値`]);
    // The indicator and its actual removed in the new version: the row names what it measured.
    for (const p of after.policies) for (const d of p.directions) d.indicators = d.indicators.filter((x) => x.key !== key);
    delete after.actuals[year as unknown as number]!.values[key];
    const removed = compareData(before, after).filter((r) => r.group.startsWith("実績値"));
    expect(removed.map((r) => [r.kind, r.item])).toEqual([["removed", `成果指標「${indicator.name}」`]]);
    expect(removed[0]!.before).not.toContain(key);
  });

  it("keep an actual removed for one indicator and one added for another apart: the names are never compared", () => {
    const before = copy();
    const after = copy();
    const year = Number(Object.keys(before.actuals)[0]!);
    // The older version has an actual for `gone` only, the newer for `come` only, of nearly the
    // same value: two of the sample's indicators whose actuals were once taken for one changed.
    const keyOf = (name: string) => before.policies.flatMap((p) => p.directions.flatMap((d) => d.indicators)).find((x) => x.name === name)!.key;
    const [gone, come] = [keyOf("いじめの解消率"), keyOf("経常収支比率")];
    delete before.actuals[year]!.values[come];
    after.actuals[year]!.values[come] = { value: before.actuals[year]!.values[gone]!.value + 4 };
    delete after.actuals[year]!.values[gone];
    const rows = compareData(before, after).filter((r) => r.group.startsWith("実績値"));
    expect(rows.map((r) => r.kind).sort()).toEqual(["added", "removed"]);
  });

  it("are the plan's own terms: a plan that says 基本施策 and 取組 reads so in the 新旧対照表", () => {
    const before = copy();
    const after = copy();
    for (const data of [before, after]) data.plan = { ...data.plan, terms: { ...data.plan.terms, policy: "基本施策", directionShort: "取組", policyArea: "基本目標" } };
    after.policies[0]!.directions[1]!.summary += "（改）";
    const rows = compareData(before, after);
    expect(rows.map((r) => [r.group, r.item])).toEqual([["基本施策 1-1　子どもを産み育てる環境づくりの推進", "取組2 › 内容"]]);
  });

  it("rewrite only plan-press's own words: a removed 政策 and a dropped link read in the plan's terms, and a name holding a term keeps it", () => {
    const before = copy();
    const after = copy();
    const terms = { ...before.plan.terms, policyArea: "基本目標", policyAreaGoal: "目指すまちの姿", policy: "基本施策", project: "リーディングプロジェクト", basicDirection: "施策の柱" };
    for (const data of [before, after]) data.plan = { ...data.plan, terms };
    const gone = after.policyAreas.pop()!;
    after.policies = after.policies.filter((p) => !gone.policies.includes(p.id));
    const linked = after.policies.find((p) => p.directions.some((d) => d.projects.length > 0))!;
    const direction = linked.directions.find((d) => d.projects.length > 0)!;
    direction.projects = [];
    const program = after.policies[0]!.directions[0]!.programs[0]!;
    program.name = "政策推進・重点施策連携事業";
    const rows = compareData(before, after);
    const text = rows.flatMap((r) => [r.group, r.item, r.before, r.after, r.place ?? ""]).join("\n");
    expect(text).not.toMatch(/[\uE000\uE001]/);
    const removed = rows.find((r) => r.kind === "removed" && r.group.startsWith(`基本目標${gone.id}　`))!;
    expect(removed.before).toContain(`目指すまちの姿：${gone.goal}`);
    expect(removed.before).toMatch(new RegExp(`^基本施策：${gone.policies[0]}「`, "m"));
    const link = rows.find((r) => r.group.startsWith(`基本施策 ${linked.id}　`) && r.item.endsWith("対応するリーディングプロジェクト"))!;
    expect(link.before).toMatch(/^リーディングプロジェクト\d+（施策の柱\d+）/);
    // The data's own words are never rewritten.
    expect(rows.find((r) => r.after === "政策推進・重点施策連携事業")?.item).toBe("方針1 › 事業1「政策推進・重点施策連携事業」 › 事業名");
    expect(text).not.toMatch(/政策のゴール|重点プロジェクト|基本的方向|重点施策(?!連携事業)/);
  });
});
