// Which code points every face of the booklet can draw, kept between runs: opening the fonts
// with fontkit costs a quarter of a second (most of `plan-press check`'s start), and the faces
// are the project's pinned files. The set is stored under node_modules/.cache, keyed by each
// face's path, size and time; a missing, stale or damaged store is computed again.
import { createRequire } from "node:module";
import { statSync } from "node:fs";
import path from "node:path";
import { runOf, type FontFace } from "../fonts.js";
import { FontError } from "../errors.js";
import { CACHE_DIR, readStored, writeStored } from "../cache-store.js";

/** The code points all faces have, as sorted inclusive ranges [from, to, from, to, …], and the families' names. */
export interface StoredCoverage {
  fontName: string;
  ranges: number[];
}

const STORE = path.join(CACHE_DIR, "glyph-coverage.json");

export function storedCoverage(faces: FontFace[], store = STORE): StoredCoverage {
  const key = faces.map((f) => {
    const st = statSync(f.file, { throwIfNoEntry: false });
    return `${f.file} ${st?.size} ${st?.mtimeMs}`;
  }).join("\n");
  const stored = readStored<StoredCoverage>(store, key, (v) => typeof v.fontName === "string" && Array.isArray(v.ranges));
  if (stored) return { fontName: stored.fontName, ranges: stored.ranges };
  const coverage = computeCoverage(faces);
  writeStored(store, key, coverage);
  return coverage;
}

/** Opens the faces with fontkit (loaded only now) and intersects what their character maps draw. */
export function computeCoverage(faces: FontFace[]): StoredCoverage {
  const fontkit = createRequire(import.meta.url)("fontkit") as { openSync(file: string): unknown };
  const fonts = faces.map((face) => {
    try {
      return fontkit.openSync(face.file) as { characterSet: number[]; hasGlyphForCodePoint(cp: number): boolean; familyName: string };
    } catch (cause) {
      throw new FontError(`フォントファイルを読めません: ${face.file}`, { cause });
    }
  });
  // What the first face maps, kept where every face draws it.
  const points = [...new Set(fonts[0]?.characterSet ?? [])].filter((cp) => fonts.every((f) => f.hasGlyphForCodePoint(cp))).sort((a, b) => a - b);
  const ranges: number[] = [];
  for (const cp of points) {
    if (ranges.length > 0 && ranges[ranges.length - 1] === cp - 1) ranges[ranges.length - 1] = cp;
    else ranges.push(cp, cp);
  }
  return { fontName: [...new Set(fonts.map((f) => f.familyName))].join("・"), ranges };
}

/** Whether `cp` lies in one of the sorted ranges. */
export function inRanges(ranges: number[], cp: number): boolean {
  return runOf(ranges, 2, cp) >= 0;
}
