// What the render stage keeps between runs (node_modules/.cache) gives what it would compute
// itself: the faces' advance widths as fontkit measures them, and templates that render as
// Handlebars compiles them, strict in the partials too. Each store is used again only while
// what it was made from is unchanged, and a damaged store is made again.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { fontFaces } from "../../src/fonts.js";
import { advanceOf, computeAdvances, storedAdvances } from "../../src/render/advance-store.js";
import { compileTemplates } from "../../src/render/template-cache.js";

const fontkit = createRequire(import.meta.url)("fontkit") as { openSync(file: string): { unitsPerEm: number; glyphForCodePoint(cp: number): { advanceWidth: number } } };
const dir = (name: string) => mkdtempSync(path.join(tmpdir(), `plan-press-${name}-`));

describe("the faces' stored advance widths", () => {
  it("agree with fontkit on every code point of the BMP and on 𠮷, 𩸽 and emoji, in every face", () => {
    for (const face of fontFaces()) {
      const font = fontkit.openSync(face.file);
      const advances = computeAdvances(face.file);
      for (const cp of [...Array.from({ length: 0x10000 }, (_, i) => i), 0x20bb7, 0x29e3d, 0x1f600]) {
        const want = font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm;
        if (advanceOf(advances, cp) !== want) expect.fail(`${path.basename(face.file)} U+${cp.toString(16)}: ${advanceOf(advances, cp)} ≠ ${want}`);
      }
    }
  });

  it("are written once, read back the same, and computed again when damaged or when the face changed", () => {
    const file = fontFaces()[0]!.file;
    const store = dir("advances");
    const first = storedAdvances(file, store);
    const [written] = readdirJson(store);
    expect(written!.runs).toEqual(first.runs);
    expect(storedAdvances(file, store)).toEqual(first);
    const name = path.join(store, readdirNames(store)[0]!);
    writeFileSync(name, "{ damaged");
    expect(storedAdvances(file, store)).toEqual(first);
    const stored = JSON.parse(readFileSync(name, "utf8"));
    writeFileSync(name, JSON.stringify({ ...stored, key: `${stored.key} changed`, runs: [0x41, 0x41, 9] }));
    expect(storedAdvances(file, store)).toEqual(first);
  });
});

describe("the stored compiled templates", () => {
  const partials: Array<[string, string]> = [["row", "<td>{{name}}</td><td>{{value}}</td>"]];
  const main = "<table>{{#each rows}}<tr>{{> row}}</tr>{{/each}}</table>";
  const options = { strict: true, noEscape: false };

  it("render as Handlebars' own compile does, escaped, from the store as when first compiled", () => {
    const store = path.join(dir("templates"), "templates.json");
    const data = { rows: [{ name: "<b>", value: 1 }, { name: "a&b", value: 2 }] };
    const plain = Handlebars.create();
    for (const [name, text] of partials) plain.registerPartial(name, text);
    const want = plain.compile(main, options)(data);
    expect(compileTemplates(Handlebars.create(), main, partials, options, store)(data)).toBe(want);
    expect(readFileSync(store, "utf8")).toContain("<table>");
    expect(compileTemplates(Handlebars.create(), main, partials, options, store)(data)).toBe(want);
  });

  it("are strict in the partials too: a field the data lacks is an error, not a blank", () => {
    const store = path.join(dir("templates"), "templates.json");
    for (let run = 0; run < 2; run++) {
      const template = compileTemplates(Handlebars.create(), main, partials, options, store);
      expect(() => template({ rows: [{ name: "x" }] })).toThrow(/"value" not defined/);
    }
  });

  it("are compiled again when a template changed or the store is damaged", () => {
    const store = path.join(dir("templates"), "templates.json");
    const data = { rows: [{ name: "x", value: 1 }] };
    compileTemplates(Handlebars.create(), main, partials, options, store);
    const changed: Array<[string, string]> = [["row", "<th>{{name}}</th><td>{{value}}</td>"]];
    expect(compileTemplates(Handlebars.create(), main, changed, options, store)(data)).toBe("<table><tr><th>x</th><td>1</td></tr></table>");
    writeFileSync(store, "{ damaged");
    expect(compileTemplates(Handlebars.create(), main, partials, options, store)(data)).toBe("<table><tr><td>x</td><td>1</td></tr></table>");
  });
});

function readdirNames(d: string): string[] {
  return readdirSync(d).filter((n) => n.endsWith(".json"));
}
function readdirJson(d: string): Array<{ runs: number[] }> {
  return readdirNames(d).map((n) => JSON.parse(readFileSync(path.join(d, n), "utf8")));
}
