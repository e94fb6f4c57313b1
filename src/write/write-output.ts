// Stage 7, write: atomically. A temporary file in the same folder is renamed over the target, so
// a failure at any point leaves the previous booklet byte-identical and no partial file behind.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Writes bytes to `target` via a temporary sibling file and rename. */
export function writeAtomic(target: string, data: Uint8Array | string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = temporarySibling(target);
  try {
    writeFileSync(temp, data);
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

/** A hidden temporary name beside `target`, unique to this process; keeps the extension
 * (Chromium decides by it that a file is HTML). */
export function temporarySibling(target: string): string {
  const ext = path.extname(target);
  return path.join(path.dirname(target), `.${path.basename(target, ext)}.${process.pid}.tmp${ext}`);
}
