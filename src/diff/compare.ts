// What changed between two versions of the plan data: one row per change, in the order of the
// new plan. Complete by construction: both versions are walked together as comparable trees
// (plan-tree.ts), objects field by field, lists item by item (match-items.ts), so every item of
// either version is paired, or reported as added or removed; a pair reports its move and every
// changed field. Items that left one list for another of the same kind (a 重点施策 moved to
// another 政策, a 事業 to another 方針) are found afterwards and reported as one move.
// Pure: both sides are validated PlanData. Numbers are compared as values (85 and 85.0 are the
// same value); text as the booklet prints it (a re-wrapped paragraph is no change).
import type { PlanData } from "../validate/validate.js";
import type { YearStyle } from "../model/format.js";
import { partId } from "../model/change-keys.js";
import { ITEMS, RECORDS, comparableTree, type ItemSpec, type Trail, type Where } from "./plan-tree.js";
import { FIELDS, GROUPS, type FieldSpec } from "./field-labels.js";
import { inTerms } from "../validate/in-terms.js";
import { ELSEWHERE, bestPairs, matchItems, type Entry } from "./match-items.js";
import { canonical, isItemList, isObject, show, summary } from "./values.js";

export { reading } from "./values.js";

export type ChangeKind = "changed" | "added" | "removed" | "moved";

/** One change: a row of the 新旧対照表 and an item of the draft's change list. */
export interface ChangeRow {
  /** Group heading: 政策1　○○政策 / 重点施策 1-1　… / 重点プロジェクト1　… */
  group: string;
  /** The item, e.g. 目指す姿, 方針2 › 成果指標1「…」 › 目標値, 方針2 › 事業3「…」, 重点施策（2-3 → 3-6）. */
  item: string;
  kind: ChangeKind;
  before: string;
  after: string;
  /** Numbers compared as values: the row says 80 → 85, not a text difference. */
  numeric: boolean;
  /** The unit of a numeric row (人, %), printed after the value. */
  unit?: string;
  /** How the draft marks it: the changed words, the whole (small) element, or a bar beside it. */
  mark: "words" | "whole" | "bar";
  /** Id of the element showing it in the new booklet, for its page ("" when it is gone, or printed on no numbered page). */
  key: string;
  /** Whether the draft marks the element `key` (a chapter's anchor, for its page only, is not marked). */
  markable: boolean;
  /** Where it is printed when that page has no number: 表紙. */
  place?: string;
  /** Removed: its element in the old booklet, whose page is the page it had. */
  oldKey?: string;
  /** Removed: the page it had in the old booklet (set by revision-changes.ts). */
  oldPage?: string;
  /** Removed: the element of what held it, which the draft marks with a bar. */
  markAt?: string;
}

/** One version's position in the walk. */
interface Side {
  trail: Trail;
  group: string;
  /** Item labels below the group: 方針2, 成果指標1「…」. */
  path: string[];
  /** Numbers from the group's item down: 1-1, 方針2, 事業3 (what a move changes). */
  numbers: string[];
  where: Where;
}

type Pending = { type: "added" | "removed"; pattern: string; item: unknown; side: Side; spec: ItemSpec; holder?: Where };
type Event = ChangeRow | Pending | Event[];

const ROOT: Side = { trail: [], group: "", path: [], numbers: [], where: { place: "" } };

/** Every change between `before` and `after`, in the order of the new plan. */
export function compareData(before: PlanData, after: PlanData): ChangeRow[] {
  const walker = new Walker(after.edition.yearStyle);
  const events: Event[] = [];
  walker.fields(comparableTree(before), comparableTree(after), "", ROOT, ROOT, events);
  walker.pairMoves(events);
  const label = inTerms(after.plan.terms);
  return walker.rows(events).map((row) => ({
    ...row, group: label(row.group), item: label(row.item), before: label(row.before), after: label(row.after), ...(row.place !== undefined ? { place: label(row.place) } : {}),
  }));
}

class Walker {
  constructor(private readonly style: YearStyle) {}

  /** An object's fields (or a record's entries), both versions together. */
  fields(a: any, b: any, pattern: string, A: Side, B: Side, out: Event[]): void {
    if (RECORDS.has(pattern)) {
      const keys = (o: any) => Object.keys(o ?? {});
      this.list(keys(a).map((key) => ({ item: a[key], key })), keys(b).map((key) => ({ item: b[key], key })), `${pattern}.*`, A, B, out);
      return;
    }
    const names = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    for (const name of names) {
      const at = pattern ? `${pattern}.${name}` : name;
      const spec = ITEMS[at];
      if (spec && !Array.isArray(a?.[name] ?? b?.[name])) {
        this.pair(a?.[name], b?.[name], at, enter(A, at, spec, a?.[name], 0), enter(B, at, spec, b?.[name], 0), out);
      } else this.value(a?.[name], b?.[name], at, pattern === "" ? top(A, at) : A, pattern === "" ? top(B, at) : B, out);
    }
  }

  value(a: unknown, b: unknown, pattern: string, A: Side, B: Side, out: Event[]): void {
    if (isItemList(a, pattern) || isItemList(b, pattern)) {
      const entries = (v: unknown) => (Array.isArray(v) ? v.map((item) => ({ item })) : []);
      this.list(entries(a), entries(b), `${pattern}[]`, A, B, out);
    } else if (RECORDS.has(pattern) || isObject(a) || isObject(b)) {
      this.fields(a, b, pattern, A, B, out);
    } else this.leaf(a, b, pattern, A, B, out);
  }

  /** A list's items, in the new order; removed items where they stood among the others. */
  list(as: Entry[], bs: Entry[], pattern: string, A: Side, B: Side, out: Event[]): void {
    const spec = ITEMS[pattern] ?? fallbackSpec(pattern, B.where);
    const m = matchItems(as, bs, spec);
    const oldOf = new Map(m.pairs.map(([i, j]) => [j, i]));
    const removed = [...m.removed];
    const side = (S: Side, e: Entry, index: number) => enter(S, pattern, spec, e.item, index, e.key);
    const flush = (upTo: number) => {
      while (removed.length > 0 && removed[0]! < upTo) {
        const i = removed.shift()!;
        out.push({ type: "removed", pattern, item: as[i]!.item, side: side(A, as[i]!, i), spec, holder: B.where });
      }
    };
    bs.forEach((e, j) => {
      const i = oldOf.get(j);
      if (i === undefined) return void out.push({ type: "added", pattern, item: e.item, side: side(B, e, j), spec });
      flush(i);
      const [A2, B2] = [side(A, as[i]!, i), side(B, e, j)];
      if (m.moved.has(j)) out.push(moveRow(spec, A2, B2));
      this.pair(as[i]!.item, e.item, pattern, A2, B2, out);
    });
    flush(Infinity);
  }

  /** One item in both versions: its fields, or its value when it is one (a Markdown chapter). */
  pair(a: unknown, b: unknown, pattern: string, A: Side, B: Side, out: Event[]): void {
    if (isObject(a) || isObject(b)) this.fields(a, b, pattern, A, B, out);
    else this.leaf(a, b, pattern, A, B, out);
  }

  leaf(a: unknown, b: unknown, pattern: string, A: Side, B: Side, out: Event[]): void {
    const field: FieldSpec | undefined = FIELDS[pattern];
    if (field?.identity || field?.ignore || canonical(a) === canonical(b)) return;
    const label = field?.label ?? pattern.split(".").at(-1)!;
    const own = ITEMS[pattern] !== undefined; // the item is its own value (a chapter's text)
    const numeric = (typeof a === "number" || typeof b === "number") && field?.show !== "year";
    const unit = numeric ? unitOf(B.trail) ?? unitOf(A.trail) : undefined;
    const where = elementOf(B.where, field?.part);
    out.push({
      group: B.group, item: [...B.path, ...(own ? [] : [label])].join(" › ") || label, kind: "changed",
      before: show(a, field, this.style), after: show(b, field, this.style), numeric, ...(unit ? { unit } : {}),
      mark: typeof b === "string" || Array.isArray(b) ? "words" : "whole", ...where,
    });
  }

  /** Items that left one list and joined another of the same kind: one move each (and their field changes). */
  pairMoves(events: Event[]): void {
    for (;;) {
      const pending = flat(events).filter((e): e is Pending => "type" in e && (e.type === "added" || e.type === "removed"));
      let found = false;
      for (const pattern of new Set(pending.map((p) => p.pattern))) {
        const gone = pending.filter((p) => p.pattern === pattern && p.type === "removed");
        const come = pending.filter((p) => p.pattern === pattern && p.type === "added");
        for (const [i, j] of bestPairs(gone.map((p) => p.item), come.map((p) => p.item), ELSEWHERE)) {
          const [A, B] = [gone[i]!, come[j]!];
          const moved: Event[] = [moveRow(B.spec, A.side, B.side)];
          this.pair(A.item, B.item, pattern, A.side, B.side, moved);
          replace(events, A, []);
          replace(events, B, moved);
          found = true;
        }
      }
      if (!found) return;
    }
  }

  rows(events: Event[]): ChangeRow[] {
    return flat(events).map((e) => {
      if (!("type" in e && (e.type === "added" || e.type === "removed"))) return e as ChangeRow;
      const where = e.side.where;
      const text = summary(e.item, e.pattern, this.style);
      const name = e.side.path.join(" › ") || e.spec.noun;
      if (e.type === "added") return { group: e.side.group, item: name, kind: "added", before: "", after: text, numeric: false, mark: "whole", ...elementOf(where) };
      const holder = e.holder && "key" in e.holder && e.holder.markable ? partId(e.holder.key, e.holder.part) : undefined;
      return {
        group: e.side.group, item: name, kind: "removed", before: text, after: "", numeric: false, mark: "bar", key: "", markable: false,
        ...("key" in where ? { oldKey: partId(where.key, where.part) } : { place: where.place }), ...(holder ? { markAt: holder } : {}),
      };
    });
  }
}

/** The side inside an item: its group, label, number and element. */
function enter(S: Side, pattern: string, spec: ItemSpec, item: any, index: number, key?: string): Side {
  const trail = [...S.trail, { pattern, item, index, key }];
  const number = spec.number(item, index + 1, key);
  const where = spec.where(trail);
  if (spec.group) return { trail, group: spec.group(item, key), path: [], numbers: [number], where };
  return { trail, group: S.group, path: [...S.path, spec.label?.(item, index + 1) ?? number], numbers: [...S.numbers, number], where };
}

/** The heading of a top-level field's rows (undefined: none is known, a gap in the tables). */
export function topGroup(pattern: string): string | undefined {
  return GROUPS[pattern] ?? FIELDS[pattern]?.label ?? ITEMS[`${pattern}[]`]?.noun ?? ITEMS[pattern]?.noun;
}

/** A top-level field that is no item of its own: its rows form a group named after it. */
function top(S: Side, pattern: string): Side {
  return { ...S, group: topGroup(pattern) ?? pattern };
}

function moveRow(spec: ItemSpec, A: Side, B: Side): ChangeRow {
  let common = 0;
  while (common < Math.min(A.numbers.length, B.numbers.length) - 1 && A.numbers[common] === B.numbers[common]) common++;
  const from = A.numbers.slice(common).join(" › ");
  const to = B.numbers.slice(common).join(" › ");
  const name = B.path.join(" › ") || spec.noun;
  return {
    group: B.group, item: `${name}（${from} → ${to}）`, kind: "moved", before: A.numbers.join(" › "), after: B.numbers.join(" › "),
    numeric: false, mark: "bar", ...elementOf(B.where),
  };
}

/** A list nobody described yet (data gained it): items by position and content, printed where their holder is. */
function fallbackSpec(pattern: string, holder: Where): ItemSpec {
  const noun = FIELDS[pattern.replace(/\[\]$/, "")]?.label ?? pattern.replace(/\[\]$/, "").split(".").at(-1)!;
  return { noun, number: (_, i) => `${noun}${i}`, moves: "order", where: () => holder };
}

function elementOf(where: Where, part?: string): Pick<ChangeRow, "key" | "markable" | "place"> {
  if (!("key" in where)) return { key: "", markable: false, place: where.place };
  return { key: partId(where.key, part ?? where.part), markable: where.markable };
}

function unitOf(trail: Trail): string | undefined {
  const unit = trail.at(-1)?.item?.unit;
  return typeof unit === "string" && unit !== "" ? unit : undefined;
}

function flat(events: Event[]): Array<ChangeRow | Pending> {
  return events.flatMap((e) => (Array.isArray(e) ? flat(e) : [e]));
}

/** Puts `by` where `target` is, in the nested event lists. */
function replace(events: Event[], target: Pending, by: Event[]): boolean {
  for (let k = 0; k < events.length; k++) {
    const e = events[k]!;
    if (e === target) {
      events[k] = by;
      return true;
    }
    if (Array.isArray(e) && replace(e, target, by)) return true;
  }
  return false;
}
