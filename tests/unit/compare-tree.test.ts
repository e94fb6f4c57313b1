// The comparable tree's tables are complete: every field of the schema, and every place of the
// sample data's tree, has a Japanese name for the committee (or is declared an identity or a
// typing detail), and every list of records says how its items are identified. A field added
// to the schema without a name here fails this test; it is still compared meanwhile.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { checkData } from "../../src/build.js";
import { fileKinds } from "../../src/validate/schema.js";
import { ITEMS, RECORDS, Ref, comparableTree } from "../../src/diff/plan-tree.js";
import { FIELDS } from "../../src/diff/field-labels.js";
import { topGroup } from "../../src/diff/compare.js";
import { DATA } from "../helpers/data-copy.js";

/** Where each file kind's records sit in the comparable tree, and how to reach them in its schema. */
const PLACES: Record<keyof typeof fileKinds, { pattern: string; path: string[] }> = {
  edition: { pattern: "edition", path: [] },
  policyArea: { pattern: "policyAreas[]", path: [] },
  policy: { pattern: "policyAreas[].policies[]", path: [] },
  project: { pattern: "projects[]", path: [] },
  district: { pattern: "districts[]", path: [] },
  relatedPlans: { pattern: "relatedPlans[]", path: ["plans", "[]"] },
  sdgs: { pattern: "sdgs[]", path: ["goals", "[]"] },
  plan: { pattern: "plan", path: [] },
  booklet: { pattern: "booklet", path: [] },
  figure: { pattern: "figures.*", path: [] },
  actuals: { pattern: "actuals.*", path: [] },
};

/** Patterns of every value and list in a zod schema (objects → fields, arrays → "[]"). */
function schemaPatterns(schema: z.ZodType, at: string, out: Set<string>): void {
  const def = (schema as any)._zod.def;
  switch (def.type) {
    case "pipe":
      // A transformed object (現状値 with its year) is walked as typed; a transformed value is a value.
      return (def.in as any)._zod.def.type === "object" ? schemaPatterns(def.in, at, out) : void out.add(at);
    case "optional":
    case "default":
    case "nullable":
      return schemaPatterns(def.innerType, at, out);
    case "object":
      for (const [name, field] of Object.entries(def.shape)) schemaPatterns(field as z.ZodType, at ? `${at}.${name}` : name, out);
      return;
    case "array":
      if ((def.element as any)._zod.def.type === "object") return schemaPatterns(def.element, `${at}[]`, out);
      return void out.add(at); // a list of values is one value
    default:
      out.add(at);
  }
}

/** Patterns of every value and list in the comparable tree of some data. */
function treePatterns(value: unknown, at: string, out: Set<string>): void {
  if (RECORDS.has(at)) {
    for (const v of Object.values(value as object)) treePatterns(v, `${at}.*`, out);
  } else if (Array.isArray(value) && value.some((v) => v && typeof v === "object" && !(v instanceof Ref))) {
    out.add(`${at}[]`);
    for (const v of value) treePatterns(v, `${at}[]`, out);
  } else if (value && typeof value === "object" && !Array.isArray(value) && !(value instanceof Ref)) {
    for (const [name, v] of Object.entries(value)) treePatterns(v, at ? `${at}.${name}` : name, out);
  } else out.add(at);
}

/** Every schema field's place in the comparable tree. */
function schemaTreePatterns(): Set<string> {
  const out = new Set<string>();
  for (const [kind, { schema }] of Object.entries(fileKinds) as Array<[keyof typeof fileKinds, { schema: z.ZodType }]>) {
    const place = PLACES[kind];
    expect(place, `file kind ${kind} has no place in the comparable tree`).toBeDefined();
    const found = new Set<string>();
    schemaPatterns(schema, "", found);
    const prefix = place.path.join(".").replace(".[]", "[]");
    for (const p of found) {
      if (p.endsWith("[]")) continue;
      const rel = prefix ? p.slice(prefix.length + 1) : p;
      out.add(rel ? `${place.pattern}.${rel}` : place.pattern);
    }
  }
  return out;
}

describe("the comparable tree's tables", () => {
  it("name every field of every schema in Japanese", () => {
    const unnamed = [...schemaTreePatterns()].filter((pattern) => {
      // A list of links the tree turns into references, or of ids it turns into the records themselves, is named as a whole.
      const asValue = pattern.replace(/\[\]\.[^[]*$/, "");
      return !FIELDS[pattern]?.label && !(asValue !== pattern && FIELDS[asValue]?.label && !ITEMS[`${asValue}[]`]);
    });
    expect(unnamed).toEqual([]);
  });

  it("name every place of the sample's tree, and identify the items of every list", () => {
    const patterns = new Set<string>();
    treePatterns(comparableTree(checkData(DATA).data!), "", patterns);
    const lists = [...patterns].filter((p) => p.endsWith("[]"));
    const values = [...patterns].filter((p) => !p.endsWith("[]"));
    expect(values.filter((p) => !FIELDS[p]?.label)).toEqual([]);
    expect(lists.filter((p) => !ITEMS[p])).toEqual([]);
    // every described list and field exists: no stale row in the tables
    // (a row may name a field the sample leaves out, a record as a whole, or a declared list the tree turns into its items)
    const schema = schemaTreePatterns();
    const stale = Object.keys(FIELDS).filter((p) => !patterns.has(p) && !schema.has(p) && !RECORDS.has(p) && !patterns.has(`${p}[]`));
    expect(stale).toEqual([]);
    // Markdown chapters are a record of items, each with its own group
    expect(ITEMS["texts.*"]!.group!("# 計画の目的\n本文")).toBe("本文　計画の目的");
  });

  it("head the rows of every top-level field in the committee's words, never by the data's key", () => {
    const tree = comparableTree(checkData(DATA).data!);
    // A record or list whose items head their own rows (政策1…, 図表…, 実績値 2025年度) needs none.
    const ownHeadings = (key: string) => Boolean(ITEMS[`${key}.*`]?.group ?? ITEMS[`${key}[]`]?.group ?? ITEMS[key]?.group);
    const headings = Object.keys(tree).filter((key) => !ownHeadings(key)).map((key) => [key, topGroup(key)]);
    expect(headings.length).toBeGreaterThan(1);
    expect(headings.filter(([, heading]) => !heading || !/[^\x00-\x7F]/.test(heading))).toEqual([]);
  });

  it("keep every PlanData field but where records came from", () => {
    const data = checkData(DATA).data!;
    const tree = comparableTree(data);
    const expected = Object.keys(data).filter((k) => !["files", "policies", "districtShapes"].includes(k));
    expect(Object.keys(tree).sort()).toEqual(expected.sort());
    // 重点施策 are kept, each under its 政策
    const nested = (tree.policyAreas as Array<{ policies: unknown[] }>).flatMap((a) => a.policies);
    expect(nested).toHaveLength(data.policies.length);
  });
});
