// What changed between two versions of the plan data: one row per changed item, in plan order,
// numbers compared as values. Pure: both sides are validated PlanData. Each row names the
// element that shows the item in the new booklet (model/change-keys.ts), for its page number
// and the draft's change marks.
import type { PlanData } from "../validate/validate.js";
import type { DirectionData, IndicatorData, PolicyData, ProjectData } from "../validate/schema.js";
import { fiscalYearLabel } from "../model/format.js";
import { joinsWithoutSpace } from "../render/markdown.js";
import {
  areaKey, basicDirectionKey, directionKey, districtKey, indicatorKey, partId, policyKey, programKey, projectKey,
  projectTargetKey, textKey,
} from "../model/change-keys.js";

/** One row of the 新旧対照表. */
export interface ChangeRow {
  /** Group heading: 政策1 子育て・教育政策 / 重点施策 1-1 … / 重点プロジェクト1 … */
  group: string;
  /** The item, e.g. 目指す姿, 方針2 › 成果指標1「…」 › 目標値. */
  item: string;
  before: string;
  after: string;
  /** Numbers compared as values: the row says 80 → 85, not a character diff. */
  numeric: boolean;
  /** The unit of a numeric row (人, %), printed after the value. */
  unit?: string;
  /** Id of the element showing the item in the new booklet ("" when it is gone with its page). */
  key: string;
}

type Value = string | number | undefined;
/** [item, before, after, element id, unit of a figure] */
type Pair = [string, Value, Value, string, string?];
type YearLabel = (y?: number) => string | undefined;

/** Every changed item between `before` and `after`, in the order of the new plan. */
export function compareData(before: PlanData, after: PlanData): ChangeRow[] {
  const rows: ChangeRow[] = [];
  const style = after.edition.yearStyle;
  const year: YearLabel = (y) => (y === undefined ? undefined : fiscalYearLabel(y, style));
  const add = (group: string, pairs: Pair[]) => {
    for (const [item, rawA, rawB, key, unit] of pairs) {
      const a = reading(rawA);
      const b = reading(rawB);
      if (a === b) continue;
      const numeric = typeof a === "number" || typeof b === "number";
      rows.push({ group, item, before: a === undefined ? "" : String(a), after: b === undefined ? "" : String(b), numeric, key, ...(numeric && unit ? { unit } : {}) });
    }
  };

  const text = (name: keyof PlanData["texts"]) =>
    add(`本文　${heading(after.texts[name])}`, [["本文", before.texts[name], after.texts[name], textKey(name)]]);

  // In the booklet's order: はじめに, 計画の体系, 地区別計画, 重点プロジェクト, 重点施策.
  for (const name of ["purpose", "period", "management", "structure", "districts"] as const) text(name);
  for (const district of after.districts) {
    const old = before.districts.find((d) => d.id === district.id);
    const key = districtKey(district.id);
    add(`地区別計画　${district.name}`, [
      ["地区名", old?.name, district.name, partId(key, "name")],
      ["地区の将来像", old?.vision, district.vision, partId(key, "vision")],
      ["地区の特性", old?.features, district.features, partId(key, "features")],
      ...list("主な取組", old?.initiatives ?? [], district.initiatives, partId(key, "initiatives")),
    ]);
  }
  for (const removed of before.districts.filter((d) => !after.districts.some((n) => n.id === d.id))) {
    add(`地区別計画　${removed.name}`, [["地区（削除）", removed.name, undefined, ""]]);
  }
  text("projects");
  for (const project of after.projects) {
    const old = before.projects.find((p) => p.id === project.id);
    add(`重点プロジェクト${project.id}　${project.name}`, projectPairs(old, project, year));
  }
  for (const area of after.policyAreas) {
    const old = before.policyAreas.find((a) => a.id === area.id);
    const key = areaKey(area.id);
    add(`政策${area.id}　${area.name}`, [["名称", old?.name, area.name, partId(key, "name")], ["政策のゴール", old?.goal, area.goal, partId(key, "goal")]]);
    for (const policy of after.policies.filter((p) => areaOf(p) === area.id)) {
      const oldPolicy = before.policies.find((p) => p.id === policy.id);
      add(`重点施策 ${policy.id}　${policy.title}`, policyPairs(oldPolicy, policy, year));
    }
    for (const removed of before.policies.filter((p) => areaOf(p) === area.id && !after.policies.some((q) => q.id === p.id))) {
      add(`重点施策 ${removed.id}　${removed.title}`, [["重点施策（削除）", removed.title, undefined, ""]]);
    }
  }
  return rows;
}

function policyPairs(old: PolicyData | undefined, p: PolicyData, year: YearLabel): Pair[] {
  const key = policyKey(p.id);
  const pairs: Pair[] = [
    ["名称", old?.title, p.title, partId(key, "title")],
    ["目指す姿", old?.vision, p.vision, partId(key, "vision")],
    ["現状と課題", old?.issues, p.issues, partId(key, "issues")],
  ];
  const n = Math.max(old?.directions.length ?? 0, p.directions.length);
  for (let d = 1; d <= n; d++) {
    const a = old?.directions[d - 1];
    const b = p.directions[d - 1];
    // A 方針 that is gone is marked where its neighbours are: on the policy's title.
    const dKey = b ? directionKey(p.id, d) : undefined;
    const at = `方針${d}`;
    pairs.push(
      [`${at} › 名称`, a?.title, b?.title, dKey ? partId(dKey, "title") : partId(key, "title")],
      [`${at} › 内容`, a?.summary, b?.summary, dKey ? partId(dKey, "summary") : partId(key, "title")],
      [`${at} › 対応する重点プロジェクト`, projectLinks(a), projectLinks(b), dKey ? partId(dKey, "title") : partId(key, "title")],
    );
    const programs = Math.max(a?.programs.length ?? 0, b?.programs.length ?? 0);
    for (let k = 1; k <= programs; k++) {
      const pa = a?.programs[k - 1];
      const pb = b?.programs[k - 1];
      pairs.push([
        `${at} › 事業${k}`, pa && `${pa.name}：${pa.description}`, pb && `${pb.name}：${pb.description}`,
        pb ? programKey(p.id, d, k) : dKey ? partId(dKey, "title") : partId(key, "title"),
      ]);
    }
    const indicators = Math.max(a?.indicators.length ?? 0, b?.indicators.length ?? 0);
    for (let k = 1; k <= indicators; k++) {
      const ia = a?.indicators[k - 1];
      const ib = b?.indicators[k - 1];
      const iKey = ib ? indicatorKey(p.id, d, k) : undefined;
      const fallback = dKey ? partId(dKey, "title") : partId(key, "title");
      const part = (name: string) => (iKey ? partId(iKey, name) : fallback);
      pairs.push(...indicatorPairs(`${at} › 成果指標${k}「${(ib ?? ia)!.name}」`, ia, ib, year, part));
    }
  }
  pairs.push(
    ["SDGsゴール", old?.sdgs.join("、"), p.sdgs.join("、"), partId(key, "sdgs")],
    ["関連計画", old?.relatedPlans.join("、"), p.relatedPlans.join("、"), partId(key, "plans")],
  );
  return pairs;
}

/** A measured figure's rows (成果指標, 数値目標): name, unit, baseline and target with their years. */
type Measured = Pick<IndicatorData, "name" | "unit" | "baseline" | "target">;
function measuredPairs(at: string, a: Measured | undefined, b: Measured | undefined, year: YearLabel, part: (name: string) => string): Pair[] {
  return [
    [`${at} › 指標名`, a?.name, b?.name, part("name")],
    [`${at} › 単位`, a?.unit, b?.unit, part("unit")],
    [`${at} › 現状値`, a?.baseline.value, b?.baseline.value, part("baseline"), (b ?? a)!.unit],
    [`${at} › 現状値の年度`, year(a?.baseline.year), year(b?.baseline.year), part("baseline")],
    [`${at} › 目標値`, a?.target.value, b?.target.value, part("target"), (b ?? a)!.unit],
    [`${at} › 目標値の年度`, year(a?.target.year), year(b?.target.year), part("target")],
  ];
}

function indicatorPairs(at: string, a: IndicatorData | undefined, b: IndicatorData | undefined, year: YearLabel, part: (name: string) => string): Pair[] {
  return [
    ...measuredPairs(at, a, b, year, part),
    [`${at} › 方向`, a?.direction, b?.direction, part("direction")],
    [`${at} › 累計`, a && (a.cumulative ? "累計" : "単年度"), b && (b.cumulative ? "累計" : "単年度"), part("name")],
    [`${at} › 指標の説明`, a?.definition, b?.definition, part("note")],
    [`${at} › 算出方法`, a?.calculation, b?.calculation, part("note")],
    [`${at} › 目標値設定の根拠`, a?.rationale, b?.rationale, part("note")],
  ];
}

function projectPairs(old: ProjectData | undefined, p: ProjectData, year: YearLabel): Pair[] {
  const key = projectKey(p.id);
  const pairs: Pair[] = [
    ["名称", old?.name, p.name, partId(key, "name")],
    ["勘案する国総合戦略の施策の方向", old?.nationalStrategy.join("、"), p.nationalStrategy.join("、"), partId(key, "strategy")],
    ["主な内容", old?.summary, p.summary, partId(key, "summary")],
    ["地域の実情・課題認識", old?.situation, p.situation, partId(key, "situation")],
    ["取組の方向性・目指す地域の姿", old?.aim, p.aim, partId(key, "aim")],
  ];
  const targets = Math.max(old?.targets.length ?? 0, p.targets.length);
  for (let k = 1; k <= targets; k++) {
    const a = old?.targets[k - 1];
    const b = p.targets[k - 1];
    const tKey = b ? projectTargetKey(p.id, k) : undefined;
    const part = (name: string) => (tKey ? partId(tKey, name) : partId(key, "name"));
    const at = `数値目標${k}「${(b ?? a)!.name}」`;
    pairs.push(...measuredPairs(at, a, b, year, part));
  }
  const basics = Math.max(old?.basicDirections.length ?? 0, p.basicDirections.length);
  for (let k = 1; k <= basics; k++) {
    const a = old?.basicDirections[k - 1];
    const b = p.basicDirections[k - 1];
    pairs.push([
      `基本的方向${k}`, a && `${a.title}：${a.overview}`, b && `${b.title}：${b.overview}`,
      b ? basicDirectionKey(p.id, k) : partId(key, "name"),
    ]);
  }
  pairs.push(["関連計画", old?.relatedPlans.join("、"), p.relatedPlans.join("、"), partId(key, "plans")]);
  return pairs;
}

/** 「重点プロジェクト1（基本的方向2）、…」 for a 方針's declared links. */
function projectLinks(d: DirectionData | undefined): string | undefined {
  return d?.projects.map((l) => `重点プロジェクト${l.project}（基本的方向${l.basicDirection}）`).join("、");
}

function list(label: string, a: string[], b: string[], key: string): Pair[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, k) => [`${label}${k + 1}`, a[k], b[k], key] as Pair);
}

function areaOf(policy: PolicyData): number {
  return Number(policy.id.split("-")[0]);
}

/** The first line of a Markdown text without its "# ". */
function heading(markdown: string): string {
  return markdown.trimStart().split("\n")[0]!.replace(/^#+\s*/, "").trim();
}

/** Text as the booklet prints it: a paragraph's lines joined (no space between Japanese), one
 * line per paragraph; so a re-wrapped paragraph is no change, and the table reads as the page. */
export function reading(value: Value): Value {
  if (typeof value !== "string") return value;
  return value
    .trim()
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => line.trim())
        .reduce((text, line) => (text === "" ? line : text + (joinsWithoutSpace(text.slice(-1), line.charAt(0)) ? "" : " ") + line), ""),
    )
    .join("\n");
}
