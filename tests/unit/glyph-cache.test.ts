// The fonts' coverage kept between runs says what fontkit says of the faces themselves, is
// used again only while the faces are unchanged, and a damaged store is computed again.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fontFaces } from "../../src/fonts.js";
import { computeCoverage, inRanges, storedCoverage } from "../../src/validate/glyph-cache.js";

const faces = fontFaces();
const fontkit = createRequire(import.meta.url)("fontkit") as { openSync(file: string): { hasGlyphForCodePoint(cp: number): boolean } };
const fonts = faces.map((f) => fontkit.openSync(f.file));
const drawnByAll = (cp: number) => fonts.every((f) => f.hasGlyphForCodePoint(cp));

describe("the fonts' stored coverage", () => {
  it("agrees with the faces on every code point of the BMP and on 𠮷, 𩸽 and emoji", () => {
    const { ranges } = computeCoverage(faces);
    for (let cp = 0; cp <= 0xffff; cp++) if (inRanges(ranges, cp) !== drawnByAll(cp)) expect.fail(`U+${cp.toString(16)}`);
    for (const cp of [0x20bb7, 0x29e3d, 0x1f600]) expect(inRanges(ranges, cp), cp.toString(16)).toBe(drawnByAll(cp));
  });

  it("is written once, read back the same, and computed again when damaged or when a face changed", () => {
    const store = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-glyphs-")), "coverage.json");
    const first = storedCoverage(faces, store);
    expect(JSON.parse(readFileSync(store, "utf8")).ranges).toEqual(first.ranges);
    expect(storedCoverage(faces, store)).toEqual(first);
    writeFileSync(store, "{ damaged");
    expect(storedCoverage(faces, store)).toEqual(first);
    const stored = JSON.parse(readFileSync(store, "utf8"));
    writeFileSync(store, JSON.stringify({ ...stored, key: `${stored.key} changed`, ranges: [0x41, 0x41] }));
    expect(storedCoverage(faces, store)).toEqual(first);
  });
});
