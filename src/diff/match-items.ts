// Which item of the old list is which item of the new one. Every item of either list ends up
// paired, removed or added; a pair whose number or order changed is a move. Identity comes from
// the list's spec (plan-tree.ts): a stable id pairs by id; otherwise an item keeps its number or
// position and name, or is found by its name, or by its content (a renamed 方針 whose text is
// mostly the same is the same 方針; a 重点施策 moved to another 政策 is found by its content).
import { Ref, type ItemSpec } from "./plan-tree.js";

export interface Entry {
  item: unknown;
  /** The entry's key in a record (Markdown chapters). */
  key?: string;
}

export interface Matching {
  /** [old index, new index], in new order. */
  pairs: Array<[number, number]>;
  removed: number[];
  added: number[];
  /** New indices of the pairs that moved. */
  moved: Set<number>;
}

/** Similarity at which an item at its old number or position is still the same item. */
const SAME_PLACE = 0.5;
/** Similarity at which an item found elsewhere is the same item (moved, perhaps edited). */
export const ELSEWHERE = 0.6;

/** Pairs the items of two lists (see the header). */
export function matchItems(before: Entry[], after: Entry[], spec: ItemSpec): Matching {
  const freeA = new Set(before.keys());
  const freeB = new Set(after.keys());
  const pairs: Array<[number, number]> = [];
  const pair = (i: number, j: number) => {
    pairs.push([i, j]);
    freeA.delete(i);
    freeB.delete(j);
  };
  const id = (e: Entry) => spec.id?.of(e.item, e.key);
  const name = (e: Entry) => (spec.name ? spec.name(e.item) : flatText(e.item));
  // The old item at the same number (declared) or position (undeclared) as new item j.
  const samePlace = (j: number) => {
    if (!spec.id) return freeA.has(j) ? j : -1;
    const i = before.findIndex((e, k) => freeA.has(k) && id(e) === id(after[j]!));
    return i;
  };

  if (spec.id?.kind === "stable") {
    for (const j of [...freeB]) {
      const i = samePlace(j);
      if (i >= 0) pair(i, j);
    }
  } else {
    for (const j of [...freeB]) {
      const i = samePlace(j);
      if (i >= 0 && name(before[i]!) === name(after[j]!)) pair(i, j);
    }
    // The same name, when no other free item has it: renumbered or reordered.
    for (const j of [...freeB]) {
      const same = [...freeA].filter((i) => name(before[i]!) === name(after[j]!));
      const rivals = [...freeB].filter((k) => name(after[k]!) === name(after[j]!));
      if (same.length === 1 && rivals.length === 1) pair(same[0]!, j);
    }
  }
  // By content, most similar first: at its own number or position a little likeness suffices,
  // elsewhere more is needed (so an edited item is not taken for its removed neighbour).
  const restA = [...freeA];
  const restB = [...freeB];
  const scored: Array<[number, number, number]> = [];
  for (const j of restB) {
    const own = spec.id?.kind === "stable" ? -1 : samePlace(j);
    for (const i of restA) {
      const s = similarity(before[i]!.item, after[j]!.item);
      if (s >= (i === own ? SAME_PLACE : ELSEWHERE)) scored.push([s, i, j]);
    }
  }
  scored.sort((x, y) => y[0] - x[0] || x[2] - y[2] || x[1] - y[1]);
  for (const [, i, j] of scored) if (freeA.has(i) && freeB.has(j)) pair(i, j);
  pairs.sort((x, y) => x[1] - y[1]);
  return {
    pairs,
    removed: [...freeA].sort((x, y) => x - y),
    added: [...freeB].sort((x, y) => x - y),
    moved: movedPairs(pairs, before, after, spec, id),
  };
}

/** Pairs of the two lists (indices into them) with similarity ≥ `threshold`, most similar first, each item once. */
export function bestPairs(as: unknown[], bs: unknown[], threshold: number): Array<[number, number]> {
  const scored: Array<[number, number, number]> = [];
  as.forEach((a, i) => bs.forEach((b, j) => {
    const s = similarity(a, b);
    if (s >= threshold) scored.push([s, i, j]);
  }));
  scored.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [, i, j] of scored) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    out.push([i, j]);
  }
  return out;
}

function movedPairs(pairs: Array<[number, number]>, before: Entry[], after: Entry[], spec: ItemSpec, id: (e: Entry) => string | undefined): Set<number> {
  if (spec.moves === "number") return new Set(pairs.filter(([i, j]) => id(before[i]!) !== id(after[j]!)).map(([, j]) => j));
  if (spec.moves === "none") return new Set();
  // Items that keep their order among the others have not moved, even when an item before them
  // was added or removed (方針3 becoming 方針2 is no move): the moved ones are those outside the
  // longest run of pairs in the same order on both sides; of equally long runs, the one keeping
  // most items at their own number (in [A, B, C] → [C, B, A], B stays and A and C moved).
  const kept = keptInOrder(pairs);
  return new Set(pairs.filter((_, k) => !kept.has(k)).map(([, j]) => j));
}

/** Positions (in `pairs`, sorted by new index) of the longest chain increasing in old index too. */
function keptInOrder(pairs: Array<[number, number]>): Set<number> {
  const weight = (k: number) => 1000 + (pairs[k]![0] === pairs[k]![1] ? 1 : 0);
  const best: number[] = [];
  const prev: number[] = [];
  pairs.forEach(([i], k) => {
    best[k] = weight(k);
    prev[k] = -1;
    for (let m = 0; m < k; m++) {
      if (pairs[m]![0] < i && best[m]! + weight(k) > best[k]!) {
        best[k] = best[m]! + weight(k);
        prev[k] = m;
      }
    }
  });
  const out = new Set<number>();
  let k = best.length ? best.indexOf(Math.max(...best)) : -1;
  for (; k >= 0; k = prev[k]!) out.add(k);
  return out;
}

/** Every value of an item as one text: what its content is, for similarity. */
export function flatText(value: unknown): string {
  if (value instanceof Ref) return value.ref;
  if (Array.isArray(value)) return value.map(flatText).join("\n");
  if (value && typeof value === "object") return Object.values(value).map(flatText).join("\n");
  return value === undefined ? "" : String(value);
}

const bigramCache = new WeakMap<object, Map<string, number>>();

/** How alike two items are, 0–1: the Dice coefficient of their texts' character pairs. */
export function similarity(a: unknown, b: unknown): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const c of x.values()) total += c;
  for (const [g, c] of y) {
    total += c;
    shared += Math.min(c, x.get(g) ?? 0);
  }
  return total === 0 ? 1 : (2 * shared) / total;
}

function bigrams(value: unknown): Map<string, number> {
  const cached = value && typeof value === "object" ? bigramCache.get(value) : undefined;
  if (cached) return cached;
  const text = flatText(value).replace(/\s+/g, "");
  const out = new Map<string, number>();
  for (let k = 0; k + 1 < text.length; k++) out.set(text.slice(k, k + 2), (out.get(text.slice(k, k + 2)) ?? 0) + 1);
  if (text.length === 1) out.set(text, 1);
  if (value && typeof value === "object") bigramCache.set(value, out);
  return out;
}
