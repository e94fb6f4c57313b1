// The comparable tree: the plan data as the comparison (compare.ts) walks it, and the one table
// that says, for every list, how its items are identified, numbered and named, and where the
// booklet prints them. The walk is generic (objects → fields, lists → items matched by
// identity, everything else a value), so a field the data gains is compared without a line
// here; field names are in field-labels.ts.
//
// Contract, for adapting this module when PlanData changes:
// - comparableTree(data) returns plain objects, arrays and values. Every PlanData field is in it
//   (`...rest`); only `files` (where records came from) is left out, and files of the data
//   (images, the district map) are compared by what shows of them, not by where they lie.
// - Arrays of objects are lists of items: ITEMS[pattern] says how their items are identified
//   (a declared number, a stable id, or by position and content). Arrays of values are one value.
// - Objects named in RECORDS are keyed by names from the data (Markdown chapters): their entries
//   are items identified by their key.
// - A reference to another record is a Ref: compared by what it points to, shown by its name.
// - Patterns name places in the tree: "policyAreas[].policies[].vision"; "texts.*".
import type { PlanData } from "../validate/validate.js";
import {
  areaKey, basicDirectionKey, directionKey, districtKey, indicatorKey, policyKey, programKey, projectKey, projectTargetKey, textKey,
} from "../model/change-keys.js";
import { T } from "../validate/in-terms.js";

/** A reference to another record: compared by `ref`, shown by `name` (renaming a 個別計画 is one change, not one per policy citing it). */
export class Ref {
  constructor(
    readonly ref: string,
    readonly name: string,
  ) {}
}

/** The ancestors of a place: each list item or record entry with its position (0-based) or key. */
export type Trail = Array<{ pattern: string; item: any; index: number; key?: string }>;

/** Where the booklet prints an item: an element (its id; `markable` when the draft may mark it), or a place with no page number. */
export type Where = { key: string; part?: string; markable: boolean } | { place: string };

export interface ItemSpec {
  /** What one item is: 重点施策, 方針, 事業 … */
  noun: string;
  /**
   * The item's declared identity. "number": a number staff may change (2-3 → 3-7), and a change
   * is a move. "stable": an id that never shows (a 地区's id), so items with equal ids are one item.
   * Without it, items are identified by their name and content, and numbered by position.
   */
  id?: { of: (item: any, key?: string) => string; kind: "number" | "stable" };
  /** Its name, which identifies it when its number or position changed. */
  name?: (item: any) => string;
  /** Its number: 2-3, 方針2, 事業1. `n` is its 1-based position. */
  number: (item: any, n: number, key?: string) => string;
  /** How the rows below it call it: 方針2, 事業1「…」 (default: its number). */
  label?: (item: any, n: number) => string;
  /** When its rows form a group of their own, the group's heading. */
  group?: (item: any, key?: string) => string;
  /** What a move is: a change of its declared number, of its order among the others, or nothing (its order is a field). */
  moves: "number" | "order" | "none";
  /** Where it is printed, from its trail (itself last). */
  where: (trail: Trail) => Where;
}

const at = (trail: Trail, pattern: string) => trail.findLast((t) => t.pattern === pattern)!;
const n = (trail: Trail, pattern: string) => at(trail, pattern).index + 1;
const POLICY = "policyAreas[].policies[]";
const DIRECTION = `${POLICY}.directions[]`;
const pid = (t: Trail) => at(t, POLICY).item.id as string;

/** Every list and record of the comparable tree, by pattern. */
export const ITEMS: Record<string, ItemSpec> = {
  edition: { noun: "計画の概要", number: () => "表紙", group: () => "表紙・計画の概要", moves: "none", where: () => ({ place: "表紙" }) },
  "texts.*": {
    noun: "本文", id: { of: (_, key) => key!, kind: "stable" }, number: (text) => heading(text), group: (text) => `本文　${heading(text)}`,
    moves: "none", where: (t) => ({ key: textKey(t.at(-1)!.key!), markable: true }),
  },
  "districts[]": {
    noun: "地区", id: { of: (d) => d.id, kind: "stable" }, name: (d) => d.name, number: (d) => d.name, group: (d) => `${T.districtPlan}　${d.name}`,
    moves: "none", where: (t) => ({ key: districtKey(t.at(-1)!.item.id), part: "name", markable: true }),
  },
  "projects[]": {
    noun: T.project, id: { of: (p) => String(p.id), kind: "number" }, name: (p) => p.name, number: (p) => `${T.project}${p.id}`,
    group: (p) => `${T.project}${p.id}　${p.name}`, moves: "number", where: (t) => ({ key: projectKey(t.at(-1)!.item.id), part: "name", markable: true }),
  },
  "projects[].targets[]": {
    noun: T.projectTarget, name: (x) => x.name, number: (_, i) => `${T.projectTarget}${i}`, label: (x, i) => `${T.projectTarget}${i}「${x.name}」`, moves: "order",
    where: (t) => ({ key: projectTargetKey(at(t, "projects[]").item.id, n(t, "projects[].targets[]")), part: "name", markable: true }),
  },
  "projects[].basicDirections[]": {
    noun: T.basicDirection, name: (b) => b.title, number: (_, i) => `${T.basicDirection}${i}`, label: (b, i) => `${T.basicDirection}${i}「${b.title}」`, moves: "order",
    where: (t) => ({ key: basicDirectionKey(at(t, "projects[]").item.id, n(t, "projects[].basicDirections[]")), markable: true }),
  },
  "policyAreas[]": {
    noun: T.policyArea, id: { of: (a) => String(a.id), kind: "number" }, name: (a) => a.name, number: (a) => `${T.policyArea}${a.id}`,
    group: (a) => `${T.policyArea}${a.id}　${a.name}`, moves: "number", where: (t) => ({ key: areaKey(t.at(-1)!.item.id), part: "name", markable: true }),
  },
  [POLICY]: {
    noun: T.policy, id: { of: (p) => p.id, kind: "number" }, name: (p) => p.title, number: (p) => p.id, group: (p) => `${T.policy} ${p.id}　${p.title}`,
    moves: "number", where: (t) => ({ key: policyKey(pid(t)), part: "title", markable: true }),
  },
  [DIRECTION]: {
    noun: T.directionShort, name: (d) => d.title, number: (_, i) => `${T.directionShort}${i}`, moves: "order",
    where: (t) => ({ key: directionKey(pid(t), n(t, DIRECTION)), part: "title", markable: true }),
  },
  [`${DIRECTION}.programs[]`]: {
    noun: "事業", name: (p) => p.name, number: (_, i) => `事業${i}`, label: (p, i) => `事業${i}「${p.name}」`, moves: "order",
    where: (t) => ({ key: programKey(pid(t), n(t, DIRECTION), n(t, `${DIRECTION}.programs[]`)), markable: true }),
  },
  [`${DIRECTION}.indicators[]`]: {
    noun: T.indicator, name: (x) => x.name, number: (_, i) => `${T.indicator}${i}`, label: (x, i) => `${T.indicator}${i}「${x.name}」`, moves: "order",
    where: (t) => ({ key: indicatorKey(pid(t), n(t, DIRECTION), n(t, `${DIRECTION}.indicators[]`)), part: "name", markable: true }),
  },
  // The 個別計画一覧 is one table: a plan's page is the chapter's, and its rows carry no marks.
  "relatedPlans[]": {
    noun: T.relatedPlanList, id: { of: (p) => p.id, kind: "stable" }, name: (p) => p.name, number: (p) => p.name, group: (p) => `${T.relatedPlanList}　${p.name}`,
    moves: "order", where: () => ({ key: "related-plans", markable: false }),
  },
  // A goal's title and colour show in every 重点施策's SDGs icons.
  "sdgs[]": {
    noun: "SDGs のゴール", id: { of: (g) => String(g.id), kind: "stable" }, name: (g) => g.title, number: (g) => `ゴール${g.id}`,
    group: (g) => `SDGs　ゴール${g.id}「${g.title}」`, moves: "none", where: () => ({ place: `各${T.policy}の SDGs` }),
  },
};

/** Objects whose keys are names from the data, not fields: each entry is an item. */
export const RECORDS = new Set(["texts", "figures", "images", "actuals", "actuals.*.values", "actuals.*.comments"]);

/** Where the 実績値 show: the progress report, not the booklet. */
const REPORT = "進行管理（実績値）";

Object.assign(ITEMS, {
  "edition.longTermVision.plans[]": {
    noun: "計画", name: (p: { name: string }) => p.name, number: (_: unknown, i: number) => `計画${i}`, moves: "order", where: () => ({ key: "ch-1", markable: false }),
  },
  "figures.*": {
    noun: "図表", id: { of: (_: unknown, key?: string) => key!, kind: "stable" }, name: (f: { caption: string }) => f.caption, number: (f: { caption: string }) => f.caption,
    group: (f: { caption: string }) => `図表　${f.caption}`, moves: "none", where: (t: Trail) => ({ key: `figure-${t.at(-1)!.key}`, markable: false }),
  },
  "figures.*.series[]": {
    noun: "系列", name: (s: { name: string }) => s.name, number: (_: unknown, i: number) => `系列${i}`, label: (s: { name: string }) => `系列「${s.name}」`, moves: "order",
    where: (t: Trail) => ({ key: `figure-${at(t, "figures.*").key}`, markable: false }),
  },
  "images.*": {
    noun: "画像", id: { of: (_: unknown, key?: string) => key!, kind: "stable" }, number: (_: unknown, __: number, key?: string) => key!, group: (_: unknown, key?: string) => `画像　${key}`,
    moves: "none", where: () => ({ place: "画像" }),
  },
  "actuals.*": {
    noun: "年度の実績", id: { of: (a: { year: number }) => String(a.year), kind: "stable" }, number: (a: { year: number }) => `${a.year}年度の実績`,
    group: (a: { year: number }) => `実績値　${a.year}年度`, moves: "none", where: () => ({ place: REPORT }),
  },
  "actuals.*.values.*": {
    noun: "実績値", id: { of: (_: unknown, key?: string) => key!, kind: "stable" }, number: (v: { [MEASURE]?: string }, __: number, key?: string) => v[MEASURE] ?? `指標 ${key}`, moves: "none", where: () => ({ place: REPORT }),
  },
  "actuals.*.comments.*": {
    noun: "評価・課題・今後の方向", id: { of: (_: unknown, key?: string) => key!, kind: "stable" }, number: (_: unknown, __: number, key?: string) => `${T.policy} ${key} の評価`, moves: "none",
    where: () => ({ place: REPORT }),
  },
} satisfies Record<string, ItemSpec>);
// Indicators and targets have a stable key: a reworded or reordered one is the same indicator.
ITEMS[`${DIRECTION}.indicators[]`]!.id = { of: (x) => x.key, kind: "stable" };
ITEMS["projects[].targets[]"]!.id = { of: (x) => x.key, kind: "stable" };

/** A booklet part as one line: 表紙, 章「はじめに」（text: purpose、period-chart）… */
function partLine(part: PlanData["booklet"]["parts"][number]): string {
  if (typeof part === "string") return part;
  if ("chapter" in part) {
    const contents = part.contents.map((c) => (typeof c === "string" ? c : `text: ${c.text}`)).join("、");
    return `章「${part.chapter}」${part.numbered ? "" : "（番号なし）"}${part.head ? `（柱: ${part.head}）` : ""}: ${contents}`;
  }
  return `text: ${part.text}${part.numbered ? "" : "（番号なし）"}`;
}

/** An indicator's past values as one value, a line a year (2020年度: 1,335). */
function pastValues<T extends { history?: Array<{ year: number; value: number }> }>(x: T): Omit<T, "history"> & { history?: string[] } {
  const { history, ...rest } = x;
  return history ? { ...rest, history: history.map((h) => `${h.year}年度: ${h.value}`) } : rest;
}

/** A district's shape from the city's map, as one comparable value (a digest, not every point). */
function shapeDigest(shape: unknown): string | undefined {
  if (!shape) return undefined;
  const json = JSON.stringify(shape);
  let h = 0;
  for (let i = 0; i < json.length; i++) h = (h * 31 + json.charCodeAt(i)) >>> 0;
  return `地図の図形（${json.split("[").length} 点、${h.toString(16)}）`;
}

/** The plan data as the comparison walks it, in the booklet's order; see the contract above. */
export function comparableTree(data: PlanData): Record<string, unknown> {
  const { files: _files, edition, texts, districts, projects, policyAreas, policies, relatedPlans, sdgs, figures, images, districtShapes, actuals, booklet, ...rest } = data;
  const planName = new Map(relatedPlans.map((p) => [p.id, p.name]));
  const plans = (ids: string[]) => ids.map((id) => new Ref(id, planName.get(id) ?? id));
  const byId = new Map(policies.map((p) => [p.id, p]));
  // Validation refuses a 重点施策 no 政策 declares; were one here, it would escape the comparison.
  const orphan = policies.find((p) => !policyAreas.some((a) => a.policies.includes(p.id)));
  if (orphan) throw new Error(`comparison: 重点施策 ${orphan.id} has no 政策`);
  return {
    edition,
    texts,
    districts: districts.map((d) => ({ ...d, ...(districtShapes?.[d.id] ? { shape: shapeDigest(districtShapes[d.id]) } : {}) })),
    projects: projects.map((p) => ({ ...p, targets: p.targets.map(pastValues), relatedPlans: plans(p.relatedPlans) })),
    // A 重点施策 is printed under the 政策 that declares it: nested so, a 政策 removed with its
    // 重点施策 is one removal, and a 重点施策 moved to another 政策 is one move.
    policyAreas: policyAreas.map((area) => ({
      ...area,
      policies: area.policies
        .map((id) => byId.get(id)!)
        .map((p) => ({
          ...p,
          directions: p.directions.map((d) => ({
            ...d,
            indicators: d.indicators.map(pastValues),
            projects: d.projects.map((l) => new Ref(`${l.project}-${l.basicDirection}`, `${T.project}${l.project}（${T.basicDirection}${l.basicDirection}）`)),
          })),
          relatedPlans: plans(p.relatedPlans),
        })),
    })),
    relatedPlans,
    sdgs,
    // Files, not text: compared by what the page shows of them (their size), never by where they lie.
    figures: Object.fromEntries(Object.entries(figures).map(([id, { id: _id, ...f }]) => [id, f])),
    images: Object.fromEntries(Object.entries(images).map(([name, i]) => [name, { format: i.format, width: i.width, height: i.height, bytes: i.bytes }])),
    // An actual names its indicator as the committee knows it, from the version it belongs to (a
    // removed indicator's actuals by the name it had): the key is the data's, not the committee's.
    actuals: Object.fromEntries(Object.entries(actuals).map(([year, { file: _file, ...a }]) => [year, { ...a, values: named(a.values, measures(data)) }])),
    // The booklet's parts as the committee reads them: one line a part.
    booklet: { ...booklet, parts: booklet.parts.map(partLine) },
    ...rest,
  };
}

/** Each indicator's and target's key → how the committee reads it: 成果指標「…」, 数値目標「…」. */
function measures(data: PlanData): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of data.policies) for (const d of p.directions) for (const x of d.indicators) out.set(x.key, `${T.indicator}「${x.name}」`);
  for (const p of data.projects) for (const x of p.targets) out.set(x.key, `${T.projectTarget}「${x.name}」`);
  return out;
}

/**
 * What an actual measures, under a symbol: the walk, the matching of items by their content and
 * the summaries see only string keys, so the name is never compared (an actual removed for one
 * indicator and one added for another stay a removal and an addition).
 */
const MEASURE = Symbol("measure");

/** A year's values, each with the name of what it measures. */
function named<V extends object>(values: Record<string, V>, names: Map<string, string>): Record<string, V & { [MEASURE]?: string }> {
  return Object.fromEntries(Object.entries(values).map(([key, v]) => [key, names.has(key) ? { ...v, [MEASURE]: names.get(key)! } : v]));
}

/** The first line of a Markdown text without its "# ". */
export function heading(markdown: string): string {
  return markdown.trimStart().split("\n")[0]!.replace(/^#+\s*/, "").trim();
}
