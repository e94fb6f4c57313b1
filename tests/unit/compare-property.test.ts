// Issue 11's property: random edits to a copy of the plan — add, remove, move, change, at every
// level (edition, Markdown chapters, 地区, 重点プロジェクト and their 数値目標 and 基本的方向, 政策,
// 重点施策, 方針, 事業, 成果指標, 個別計画, SDGs goals) — are each reported exactly once, and
// nothing else is reported. An unchanged copy gives no row.
//
// Edits never overlap in a way that makes one absorb another (removing a 重点施策 after editing
// its 方針, editing inside an added item, moving the same item twice, or two reorderings of one
// list that may cancel out). Each edit says how its row is recognised: by kind and by the
// element of the item in the new booklet (or in the old one, for a removal), computed from where
// the item ends up, or by its unique token.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkData } from "../../src/build.js";
import { compareData, type ChangeRow } from "../../src/diff/compare.js";
import type { PlanData } from "../../src/validate/validate.js";
import {
  areaKey, basicDirectionKey, directionKey, districtKey, indicatorKey, policyKey, programKey, projectKey, projectTargetKey, textKey,
} from "../../src/model/change-keys.js";
import { DATA } from "../helpers/data-copy.js";

const base = checkData(DATA).data!;
const clone = (): PlanData => structuredClone(base);

type Obj = Record<string, any>;
type Expect = (row: ChangeRow, after: PlanData) => boolean;
interface State {
  data: PlanData;
  /** Each record's element id in the old booklet (before any edit). */
  oldKey: Map<Obj, string>;
  /** Items edited, moved or removed; ancestors of edits (they may not be removed); items added; lists reordered. */
  edited: Set<Obj>;
  moved: Set<Obj>;
  busy: Set<Obj>;
  fresh: Set<Obj>;
  reordered: Set<unknown[]>;
  /** Each list's own items before any edit: a reordering must change their order. */
  members: Map<unknown[], Set<Obj>>;
  claims: Set<string>;
  n: number;
}

/** Every record of the plan with its element id (as now numbered) and its ancestors. */
function records(data: PlanData): Array<{ obj: Obj; key: string; up: Obj[] }> {
  const out: Array<{ obj: Obj; key: string; up: Obj[] }> = [];
  for (const a of data.policyAreas) out.push({ obj: a, key: areaKey(a.id), up: [] });
  for (const p of data.policies) {
    const area = data.policyAreas.find((a) => a.id === Number(p.id.split("-")[0]))!;
    out.push({ obj: p, key: policyKey(p.id), up: [area] });
    p.directions.forEach((d, i) => {
      out.push({ obj: d, key: directionKey(p.id, i + 1), up: [area, p] });
      d.programs.forEach((x, k) => out.push({ obj: x, key: programKey(p.id, i + 1, k + 1), up: [area, p, d] }));
      d.indicators.forEach((x, k) => out.push({ obj: x, key: indicatorKey(p.id, i + 1, k + 1), up: [area, p, d] }));
    });
  }
  for (const p of data.projects) {
    out.push({ obj: p, key: projectKey(p.id), up: [] });
    p.targets.forEach((t, k) => out.push({ obj: t, key: projectTargetKey(p.id, k + 1), up: [p] }));
    p.basicDirections.forEach((b, k) => out.push({ obj: b, key: basicDirectionKey(p.id, k + 1), up: [p] }));
  }
  for (const d of data.districts) out.push({ obj: d, key: districtKey(d.id), up: [] });
  return out;
}
const keyNow = (data: PlanData, obj: Obj) => records(data).find((r) => r.obj === obj)?.key ?? "(gone)";
const of = (key: string, base: string) => key === base || key.startsWith(`${base}-`);

/** Deterministic pseudo-random text from a seed: rare kana, unlike any text of the plan. */
function noise(seed: number, length = 16): string {
  const pool = "ゐゑヰヱヴヵヶゎヮぢヂ";
  let x = seed * 2654435761 + 1;
  return Array.from({ length }, () => pool[(x = (x * 1103515245 + 12345) >>> 0) % pool.length]).join("");
}

/** A new record shaped like `template`, every text and number replaced. */
function fresh(template: unknown, token: string, seed: number): any {
  let k = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return `${token}${noise(seed + k++)}`;
    if (typeof v === "number") return 100 + ((seed * 7 + k++ * 13) % 900);
    if (typeof v === "boolean") return v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([n, x]) => [n, walk(x)]));
    return v;
  };
  return walk(template);
}

const pick = <T>(xs: T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);

/** The lists records live in, by kind, with their owners. */
function lists(data: PlanData): Record<string, Array<{ owner: Obj | undefined; list: Obj[] }>> {
  const policies = data.policies;
  return {
    direction: policies.map((p) => ({ owner: p, list: p.directions })),
    program: policies.flatMap((p) => p.directions.map((d) => ({ owner: d, list: d.programs }))),
    indicator: policies.flatMap((p) => p.directions.map((d) => ({ owner: d, list: d.indicators }))),
    target: data.projects.map((p) => ({ owner: p, list: p.targets })),
    basicDirection: data.projects.map((p) => ({ owner: p, list: p.basicDirections })),
  };
}

const TEXT_FIELDS: Array<[string, (d: PlanData) => Obj[], string[]]> = [
  ["area", (d) => d.policyAreas, ["name", "goal"]],
  ["policy", (d) => d.policies, ["title", "vision", "issues"]],
  ["direction", (d) => d.policies.flatMap((p) => p.directions), ["title", "summary"]],
  ["program", (d) => d.policies.flatMap((p) => p.directions.flatMap((x) => x.programs)), ["name", "description"]],
  ["indicator", (d) => d.policies.flatMap((p) => p.directions.flatMap((x) => x.indicators)), ["name", "definition", "rationale"]],
  ["project", (d) => d.projects, ["name", "summary", "aim"]],
  ["target", (d) => d.projects.flatMap((p) => p.targets), ["name"]],
  ["basicDirection", (d) => d.projects.flatMap((p) => p.basicDirections), ["title", "overview"]],
  ["district", (d) => d.districts, ["name", "vision", "features"]],
];

type Edit = (s: State, a: number, b: number, c: number) => Expect | undefined;
const up = (s: State, obj: Obj) => records(s.data).find((r) => r.obj === obj)?.up ?? [];
const touch = (s: State, obj: Obj) => {
  s.edited.add(obj);
  for (const a of up(s, obj)) s.busy.add(a);
};
const editable = (s: State, obj: Obj) => !s.fresh.has(obj) && !up(s, obj).some((a) => s.fresh.has(a));
const removable = (s: State, obj: Obj) => editable(s, obj) && !s.edited.has(obj) && !s.moved.has(obj) && !s.busy.has(obj);

/** Moves list[from] to `to` if that changes the order of the list's own items; else leaves the list as it was. */
function reorderMembers(s: State, list: Obj[], from: number, to: number): boolean {
  const own = s.members.get(list) ?? new Set();
  const ranks = () => list.filter((x) => own.has(x));
  const before = ranks();
  const [obj] = list.splice(from, 1);
  list.splice(to, 0, obj!);
  const after = ranks();
  if (before.every((x, k) => after[k] === x)) {
    list.splice(to, 1);
    list.splice(from, 0, obj!);
    return false;
  }
  return true;
}
/** Items may leave a list only while it has not been reordered (leaving could undo the new order). */
const leavable = (s: State, list: unknown[]) => !s.reordered.has(list);

const EDITS: Record<string, Edit> = {
  changeText(s, a, b, c) {
    const [, all, fields] = TEXT_FIELDS[a % TEXT_FIELDS.length]!;
    const obj = pick(all(s.data).filter((o) => editable(s, o) && !s.edited.has(o)), b);
    if (!obj) return;
    const field = fields[c % fields.length]!;
    const token = `〔変${s.n++}〕`;
    const text: string = obj[field];
    const at = c % (text.length + 1);
    obj[field] = text.slice(0, at) + token + text.slice(at);
    touch(s, obj);
    return (row, after) => row.kind === "changed" && of(row.key, keyNow(after, obj)) && row.after.includes(token);
  },
  changeNumber(s, a, b) {
    const all = [...s.data.policies.flatMap((p) => p.directions.flatMap((d) => d.indicators)), ...s.data.projects.flatMap((p) => p.targets)];
    const obj = pick(all.filter((o) => editable(s, o) && !s.edited.has(o)), a);
    if (!obj) return;
    if (b % 3 === 0 && "cumulative" in obj) {
      obj.cumulative = !obj.cumulative;
      touch(s, obj);
      return (row, after) => row.kind === "changed" && row.key === `${keyNow(after, obj)}-name` && row.after === (obj.cumulative ? "累計" : "単年度");
    }
    const value = obj.target.value + 1000 + s.n++;
    obj.target.value = value;
    touch(s, obj);
    return (row, after) => row.kind === "changed" && row.numeric && row.key === `${keyNow(after, obj)}-target` && row.after === String(value);
  },
  remove(s, a, b) {
    const kinds = ["area", "policy", "direction", "program", "indicator", "project", "target", "basicDirection", "district"];
    const kind = kinds[a % kinds.length]!;
    if (kind === "area") {
      const area = pick(s.data.policyAreas.filter((x) => removable(s, x)), b);
      if (!area) return;
      const inside = s.data.policies.filter((p) => Number(p.id.split("-")[0]) === area.id);
      if (inside.some((p) => !removable(s, p))) return;
      const old = s.oldKey.get(area)!;
      s.data.policyAreas = s.data.policyAreas.filter((x) => x !== area);
      s.data.policies = s.data.policies.filter((p) => !inside.includes(p));
      return (row) => row.kind === "removed" && row.oldKey === `${old}-name`;
    }
    if (kind === "policy" || kind === "project" || kind === "district") {
      const key = ({ policy: "policies", project: "projects", district: "districts" } as const)[kind];
      const obj = pick((s.data[key] as Obj[]).filter((x) => removable(s, x)), b);
      if (!obj) return;
      const old = s.oldKey.get(obj)!;
      for (const x of up(s, obj)) s.busy.add(x);
      (s.data as any)[key] = (s.data[key] as Obj[]).filter((x) => x !== obj);
      return (row) => row.kind === "removed" && !!row.oldKey && of(row.oldKey, old);
    }
    const holders = lists(s.data)[kind]!.filter((h) => h.owner && editable(s, h.owner));
    const holder = pick(holders.filter((h) => leavable(s, h.list) && h.list.some((x) => removable(s, x))), b);
    if (!holder) return;
    const obj = pick(holder.list.filter((x) => removable(s, x)), b >> 3)!;
    const old = s.oldKey.get(obj)!;
    touch(s, obj);
    holder.list.splice(holder.list.indexOf(obj), 1);
    return (row) => row.kind === "removed" && !!row.oldKey && of(row.oldKey, old);
  },
  add(s, a, b, c) {
    const kinds = ["area", "policy", "direction", "program", "indicator", "project", "target", "basicDirection", "district"];
    const kind = kinds[a % kinds.length]!;
    const token = `〔新${s.n++}〕`;
    if (kind === "area" || kind === "policy") {
      const areaId = kind === "area" ? Math.max(...s.data.policyAreas.map((x) => x.id), 0) + 1 : pick(s.data.policyAreas.filter((x) => editable(s, x)), b)?.id;
      if (areaId === undefined) return;
      const number = Math.max(0, ...s.data.policies.filter((p) => p.id.startsWith(`${areaId}-`)).map((p) => Number(p.id.split("-")[1]))) + 1;
      const policy = { ...fresh(base.policies[c % base.policies.length], token, c), id: `${areaId}-${number}` };
      s.data.policies.push(policy);
      s.data.policies.sort((x, y) => x.id.localeCompare(y.id, "ja", { numeric: true }));
      s.fresh.add(policy);
      if (kind === "policy") {
        for (const x of up(s, policy)) s.busy.add(x);
        return (row, after) => row.kind === "added" && row.key === `${keyNow(after, policy)}-title`;
      }
      const area = { ...fresh(base.policyAreas[0], token, c), id: areaId };
      s.data.policyAreas.push(area);
      s.fresh.add(area);
      return (row) => row.kind === "added" && row.key === `${areaKey(areaId)}-name`;
    }
    if (kind === "project" || kind === "district") {
      const obj = kind === "project"
        ? { ...fresh(base.projects[0], token, c), id: Math.max(...s.data.projects.map((p) => p.id)) + 1 }
        : { ...fresh(base.districts[0], token, c), id: `new${s.n}` };
      (kind === "project" ? s.data.projects : s.data.districts).push(obj as any);
      s.fresh.add(obj);
      return (row, after) => row.kind === "added" && of(row.key, keyNow(after, obj));
    }
    const holder = pick(lists(s.data)[kind]!.filter((h) => h.owner && editable(s, h.owner)), b);
    if (!holder) return;
    const template = lists(base)[kind]!.find((h) => h.list.length > 0)!.list[0];
    const obj = fresh(template, token, c);
    holder.list.splice(c % (holder.list.length + 1), 0, obj);
    s.fresh.add(obj);
    for (const x of up(s, obj)) s.busy.add(x);
    return (row, after) => row.kind === "added" && of(row.key, keyNow(after, obj));
  },
  reorder(s, a, b, c) {
    const kinds = ["direction", "program", "indicator", "target", "basicDirection"];
    const holders = lists(s.data)[kinds[a % kinds.length]!]!.filter((h) => h.owner && editable(s, h.owner) && h.list.length >= 2 && !s.reordered.has(h.list));
    const holder = pick(holders, b);
    if (!holder) return;
    const from = c % holder.list.length;
    const to = (from + 1 + ((c >> 4) % (holder.list.length - 1))) % holder.list.length;
    const obj = holder.list[from];
    if (s.moved.has(obj!) || s.fresh.has(obj!) || !s.members.get(holder.list)?.has(obj!)) return;
    if (!reorderMembers(s, holder.list, from, to)) return;
    s.reordered.add(holder.list);
    s.moved.add(obj!);
    for (const x of [...up(s, obj!)]) s.busy.add(x);
    const list = holder.list;
    return (row, after) => row.kind === "moved" && list.some((x) => of(row.key, keyNow(after, x)));
  },
  moveAcross(s, a, b, c) {
    if (a % 2 === 0) {
      // A 重点施策 to another 政策 (or renumbered in its own), at the end of it.
      const policy = pick(s.data.policies.filter((p) => editable(s, p) && !s.moved.has(p)), b);
      const area = pick(s.data.policyAreas.filter((x) => editable(s, x)), c);
      if (!policy || !area) return;
      const number = Math.max(0, ...s.data.policies.filter((p) => p.id.startsWith(`${area.id}-`)).map((p) => Number(p.id.split("-")[1]))) + 1;
      for (const x of up(s, policy)) s.busy.add(x);
      policy.id = `${area.id}-${number}`;
      s.data.policies.sort((x, y) => x.id.localeCompare(y.id, "ja", { numeric: true }));
      s.moved.add(policy);
      for (const x of up(s, policy)) s.busy.add(x);
      return (row) => row.kind === "moved" && row.key === `${policyKey(policy.id)}-title`;
    }
    // A 事業 or 成果指標 to a 方針 of another (or the same) 重点施策.
    const kind = (a >> 1) % 2 === 0 ? "program" : "indicator";
    const holders = lists(s.data)[kind]!.filter((h) => h.owner && editable(s, h.owner));
    const from = pick(holders.filter((h) => leavable(s, h.list) && h.list.some((x) => editable(s, x) && !s.moved.has(x))), b);
    if (!from) return;
    const obj = pick(from.list.filter((x) => editable(s, x) && !s.moved.has(x)), c >> 3)!;
    // Not next to a twin (the sample has the same 成果指標 in 4-3 and 5-3): which is which would be a guess.
    const to = pick(holders.filter((h) => h !== from && !h.list.some((x) => x.name === obj.name)), c);
    if (!to) return;
    for (const x of up(s, obj)) s.busy.add(x);
    from.list.splice(from.list.indexOf(obj), 1);
    to.list.splice((c >> 5) % (to.list.length + 1), 0, obj);
    s.moved.add(obj);
    for (const x of up(s, obj)) s.busy.add(x);
    return (row, after) => row.kind === "moved" && of(row.key, keyNow(after, obj));
  },
  plan(s, a, b) {
    // 個別計画: renamed, its department changed, removed, added, or moved in the list.
    const plans = s.data.relatedPlans;
    const op = a % 5;
    const token = `〔計${s.n++}〕`;
    if (op === 3) {
      const plan = { ...fresh(plans[0], token, b), id: `new-${s.n}` };
      plans.splice(b % (plans.length + 1), 0, plan);
      s.fresh.add(plan);
      return (row) => row.kind === "added" && row.group.includes(token);
    }
    const plan = pick(plans.filter((p) => !s.fresh.has(p) && !s.edited.has(p) && !s.moved.has(p)), b);
    if (!plan) return;
    if (op === 0) {
      plan.name += token;
      s.edited.add(plan);
      return (row) => row.kind === "changed" && row.item === "計画名" && row.after.includes(token);
    }
    if (op === 1) {
      plan.department += token;
      s.edited.add(plan);
      return (row) => row.kind === "changed" && row.item === "所管課" && row.after.includes(token);
    }
    const name = plan.name;
    if (op === 2) {
      if (!leavable(s, plans)) return;
      plans.splice(plans.indexOf(plan), 1);
      return (row) => row.kind === "removed" && row.group === `個別計画　${name}`;
    }
    if (s.reordered.has(plans) || plans.length < 2) return;
    const from = plans.indexOf(plan);
    const to = (from + 1 + (b % (plans.length - 1))) % plans.length;
    if (!reorderMembers(s, plans, from, to)) return;
    s.reordered.add(plans);
    s.moved.add(plan);
    return (row) => row.kind === "moved" && row.group.startsWith("個別計画　");
  },
  whole(s, a, b) {
    // The edition, a Markdown chapter (changed, removed, added), an SDGs goal.
    const token = `〔全${s.n++}〕`;
    const op = a % 6;
    if (op === 0 || op === 1) {
      const field = (["futureVision", "title", "version", "subtitle"] as const)[b % 4];
      if (s.claims.has(field)) return;
      s.claims.add(field);
      s.data.edition[field] += token;
      return (row) => row.kind === "changed" && row.group === "表紙・計画の概要" && row.after.includes(token);
    }
    if (op === 2) {
      if (s.claims.has("period")) return;
      s.claims.add("period");
      s.data.edition.period.to += 1;
      return (row) => row.kind === "changed" && row.item === "計画期間の終了年度";
    }
    const names = Object.keys(s.data.texts).filter((n) => !s.claims.has(`text:${n}`));
    const name = pick(names, b);
    if (op === 3 && name) {
      s.claims.add(`text:${name}`);
      (s.data.texts as Record<string, string>)[name] += `\n\n追加の一文です${token}。`;
      return (row) => row.kind === "changed" && row.key === textKey(name) && row.after.includes(token);
    }
    if (op === 4 && name && !Object.keys(base.texts).includes(`x${name}`)) {
      s.claims.add(`text:${name}`);
      const heading = s.data.texts[name as keyof PlanData["texts"]].split("\n")[0]!.replace(/^#+\s*/, "");
      delete (s.data.texts as Record<string, string>)[name];
      return (row) => row.kind === "removed" && row.group === `本文　${heading}`;
    }
    if (op === 5) {
      const goal = pick(s.data.sdgs.filter((g) => !s.claims.has(`sdg:${g.id}`)), b);
      if (!goal) return;
      s.claims.add(`sdg:${goal.id}`);
      goal.title += token;
      return (row) => row.kind === "changed" && row.group.includes(token) && row.item === "タイトル";
    }
    (s.data.texts as Record<string, string>)[`added${s.n}`] = `# 新しい章${token}\n\n本文です。`;
    return (row) => row.kind === "added" && row.group.includes(token);
  },
};

const editArb = fc.record({
  op: fc.constantFrom(...Object.keys(EDITS)),
  a: fc.nat(1000),
  b: fc.nat(100000),
  c: fc.nat(100000),
});

/** A perfect matching of rows to edits (each edit one row, each row one edit), by augmenting paths. */
function matches(rows: ChangeRow[], expects: Expect[], after: PlanData): boolean {
  if (rows.length !== expects.length) return false;
  const ok = expects.map((e) => rows.map((r) => e(r, after)));
  const rowOf: number[] = rows.map(() => -1);
  const assign = (e: number, seen: Set<number>): boolean => {
    for (let r = 0; r < rows.length; r++) {
      if (!ok[e]![r] || seen.has(r)) continue;
      seen.add(r);
      if (rowOf[r] === -1 || assign(rowOf[r]!, seen)) {
        rowOf[r] = e;
        return true;
      }
    }
    return false;
  };
  return expects.every((_, e) => assign(e, new Set()));
}

/**
 * Each 政策 declares its 重点施策, as staff keep it when they add, remove or renumber one: the
 * edits above change ids (the 政策 a 重点施策 belongs to is its number's first part) and this
 * brings the declarations along, in the order of the numbers.
 */
function declare(data: PlanData): void {
  for (const area of data.policyAreas) area.policies = data.policies.filter((p) => Number(p.id.split("-")[0]) === area.id).map((p) => p.id);
}

describe("the comparison, on random edits of the plan", () => {
  it("reports nothing for an unchanged copy", () => {
    expect(compareData(base, clone())).toEqual([]);
  });

  it("reports each edit exactly once and nothing else", () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 7 }), (edits) => {
        const data = clone();
        const state: State = {
          data, oldKey: new Map(records(data).map((r) => [r.obj, r.key])),
          edited: new Set(), moved: new Set(), busy: new Set(), fresh: new Set(), reordered: new Set(), claims: new Set(), n: 0,
          members: new Map([...Object.values(lists(data)).flat().map((h) => h.list), data.relatedPlans].map((l) => [l as unknown[], new Set(l as Obj[])])),
        };
        const expects = edits.map((e) => EDITS[e.op]!(state, e.a, e.b, e.c)).filter((e): e is Expect => e !== undefined);
        declare(state.data);
        const rows = compareData(base, state.data);
        if (process.env.PROPERTY_STATS) console.log(`applied ${expects.length}/${edits.length} rows ${rows.length} kinds ${[...new Set(rows.map((r) => r.kind))].join(",")}`);
        const ok = matches(rows, expects, state.data);
        if (process.env.PROPERTY_DEBUG) console.log(rows.map((r) => expects.map((e) => (e(r, state.data) ? 1 : 0)).join("")));
        if (!ok) {
          const shown = rows.map((r) => `${r.kind} | ${r.group} | ${r.item} | ${r.key || r.oldKey || r.place} | ${r.after.slice(0, 30)}`);
          throw new Error(`${expects.length} edits (${edits.map((e) => e.op).join(", ")}), ${rows.length} rows:\n${shown.join("\n")}`);
        }
      }),
      // PROPERTY_RUNS=5000 for a longer search; PROPERTY_SEED and PROPERTY_PATH replay a failure.
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? 200),
        ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED), path: process.env.PROPERTY_PATH } : {}),
      },
    );
  }, 1_800_000);
});
