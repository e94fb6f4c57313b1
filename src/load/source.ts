// Where things are in the user's files: display paths and line/column lookups.
import path from "node:path";
import { isMap, isPair, isScalar, isSeq, type Node } from "yaml";
import type { YamlSource } from "./load-data.js";

/** A path as the user typed it relative to where they stand, absolute if outside. */
export function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
}

/** 1-based line and column of an index into a string. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}

/**
 * Line and column of a field path in a YAML file. `key: true` points at the key itself (for an
 * unknown field); a path that does not exist points at its deepest existing parent.
 */
export function locate(
  source: YamlSource,
  fieldPath: readonly PropertyKey[],
  options: { key?: boolean } = {},
): { line: number; column: number } {
  let node: Node | null | undefined = source.doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < fieldPath.length; i++) {
    const key = fieldPath[i];
    let next: Node | null | undefined;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (pair) {
        keyOffset = (pair.key as Node).range?.[0];
        next = pair.value as Node | null;
      }
    } else if (isSeq(node) && typeof key === "number") {
      next = node.items[key] as Node | undefined;
    }
    if (next === undefined) break;
    const last = i === fieldPath.length - 1;
    if (last && options.key && keyOffset !== undefined) {
      offset = keyOffset;
      break;
    }
    // A key with an empty value: point at the key.
    offset = next?.range?.[0] ?? keyOffset ?? offset;
    node = next;
  }
  const pos = source.lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** The field path of a node met by yaml's visit(), list positions included (directions[2].title). */
export function nodePath(ancestry: readonly unknown[], node: unknown): PropertyKey[] {
  const chain = [...ancestry, node];
  const out: PropertyKey[] = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const here = chain[i];
    const next = chain[i + 1];
    if (isPair(here) && isScalar(here.key) && here.value === next) out.push(here.key.value as PropertyKey);
    else if (isSeq(here)) out.push(here.items.indexOf(next as never));
  }
  return out;
}
