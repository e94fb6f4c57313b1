// The advance widths of one face, kept between runs (cache-store.ts): the diagrams' text is
// measured with the booklet's own fonts (svg-text.ts), and opening three CJK faces with fontkit
// took a fifth of a second of every build. The faces are the project's pinned files: their
// widths are keyed by the file's path, size and time.
import { createRequire } from "node:module";
import { statSync } from "node:fs";
import path from "node:path";
import { FontError } from "../errors.js";
import { CACHE_DIR, readStored, writeStored } from "../cache-store.js";
import { runOf } from "../fonts.js";

/** Advance widths in em: runs of code points [from, to, em, …] and the width of a code point the face lacks. */
export interface StoredAdvances {
  runs: number[];
  missing: number;
}

/** The face's advances, from the store or (once) from the font file. */
export function storedAdvances(file: string, storeDir = CACHE_DIR): StoredAdvances {
  const st = statSync(file, { throwIfNoEntry: false });
  const key = `${file} ${st?.size} ${st?.mtimeMs}`;
  const store = path.join(storeDir, `advances-${path.basename(file, path.extname(file))}.json`);
  const stored = readStored<StoredAdvances>(store, key, (v) => Array.isArray(v.runs) && v.runs.length % 3 === 0 && typeof v.missing === "number");
  if (stored) return { runs: stored.runs, missing: stored.missing };
  const advances = computeAdvances(file);
  writeStored(store, key, advances);
  return advances;
}

interface FontkitFont {
  unitsPerEm: number;
  characterSet: number[];
  glyphForCodePoint(cp: number): { advanceWidth: number };
}

/** Every mapped code point's advance (what fontkit gives for it), in runs of equal width. */
export function computeAdvances(file: string): StoredAdvances {
  const fontkit = createRequire(import.meta.url)("fontkit") as { openSync(file: string): unknown };
  let font: FontkitFont;
  try {
    font = fontkit.openSync(file) as FontkitFont;
  } catch (cause) {
    throw new FontError(`フォントファイルを読めません: ${file}`, { cause });
  }
  const em = (cp: number) => font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
  const runs: number[] = [];
  for (const cp of [...new Set(font.characterSet)].sort((a, b) => a - b)) {
    const w = em(cp);
    const n = runs.length;
    if (n > 0 && runs[n - 2] === cp - 1 && runs[n - 1] === w) runs[n - 2] = cp;
    else runs.push(cp, cp, w);
  }
  // A code point outside the character map is drawn (and measured) as the face's .notdef glyph.
  return { runs, missing: em(0x10fffe) };
}

/** The width in em of `cp` from stored runs. */
export function advanceOf(advances: StoredAdvances, cp: number): number {
  const run = runOf(advances.runs, 3, cp);
  return run >= 0 ? advances.runs[3 * run + 2]! : advances.missing;
}
