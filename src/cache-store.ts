// What plan-press keeps between runs (font coverage and widths, compiled templates, drawn charts,
// an older version's pages, the fontconfig file): under node_modules/.cache, made again whenever it is
// missing, damaged or made from something else. Each stored value carries the key of what it
// was made from, and is written whole or not at all (other plan-press processes may read it).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./paths.js";

export const CACHE_DIR = path.join(PROJECT_ROOT, "node_modules", ".cache", "plan-press");

/** The value stored in `file` under `key`, if it is there, whole, and passes `valid`. */
export function readStored<T extends object>(file: string, key: string, valid: (value: Partial<T>) => boolean): T | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as Partial<T> & { key?: unknown };
    if (stored && typeof stored === "object" && stored.key === key && valid(stored)) return stored as T;
  } catch {
    // None yet, or unreadable: the caller makes it again.
  }
  return undefined;
}

/** Stores `value` under `key` in `file`; a store that cannot be written (a read-only install) is skipped. */
export function writeStored(file: string, key: string, value: object): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ key, ...value }));
    renameSync(temp, file);
  } catch {
    // Made again next time.
  }
}
