// Broken copies of the shipped data: each test edits one file of a fresh copy, as staff would.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const DATA = path.resolve(import.meta.dirname, "../../data");
/** The second plan, another city's in its own terms (tests/fixtures/midorino). */
export const MIDORINO = path.resolve(import.meta.dirname, "../fixtures/midorino");

/** A fresh copy of data/ in a temporary folder. */
export function dataCopy(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-")), "data");
  cpSync(DATA, dir, { recursive: true });
  return dir;
}

/** A fresh copy of the fixture plan in a temporary folder. */
export function fixtureCopy(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-midorino-")), "data");
  cpSync(MIDORINO, dir, { recursive: true });
  return dir;
}

/**
 * The fixture plan as a six-page booklet (cover, TOC, one chapter, colophon): for tests of what
 * happens around a print (a browser that dies, a signal, a write), where the pages do not matter
 * and a whole booklet would only add time.
 */
export function smallPlan(): string {
  const dir = fixtureCopy();
  writeFileSync(path.join(dir, "booklet.yaml"), "parts:\n  - cover\n  - toc\n  - chapter: 序論\n    contents:\n      - text: hajimeni\n  - back-cover\n");
  return dir;
}

/**
 * A temporary root of the test's own, as TMPDIR of the runs it starts: what a killed run leaves
 * there is cleared by the next run the test starts, not by a run of another test file meanwhile
 * (test files run side by side).
 */
export function ownTmp(): string {
  return mkdtempSync(path.join(tmpdir(), "plan-press-tmpdir-"));
}

/** Replaces `from` (which must occur) with `to` in one file of the copy. */
export function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const target = path.join(dir, file);
  const text = readFileSync(target, "utf8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture: ${String(from)} not found in ${file}`);
  writeFileSync(target, next);
}

/** The 1-based line of the first occurrence of `needle` in a data file. */
export function lineOf(dir: string, file: string, needle: string): number {
  const text = readFileSync(path.join(dir, file), "utf8");
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`fixture: ${needle} not in ${file}`);
  return text.slice(0, i).split("\n").length;
}

/**
 * An output path in a fresh temporary folder, with the shipped booklet's pagination hint beside
 * it when there is one (output/, from the Quick start's build): like a member of staff who
 * rebuilds, the build then usually prints once. Tests of the first build use a bare folder.
 */
export function hintedOut(name = "action-plan.pdf", sub = ""): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-out-")), sub);
  mkdirSync(dir, { recursive: true });
  const hint = path.resolve(import.meta.dirname, "../../output/.action-plan.pagination.json");
  if (existsSync(hint)) copyFileSync(hint, path.join(dir, `.${path.basename(name, ".pdf")}.pagination.json`));
  return path.join(dir, name);
}
