// A character the fonts lack would print as tofu (or fall back to a system font that changes
// pagination and embeds as Type 3): refuse it with its place in the data.
import { visit } from "yaml";
import type { LoadedData } from "../load/load-data.js";
import { lineColumn, nodePath } from "../load/source.js";
import { cleanText, codePointLabel } from "../load/text-hygiene.js";
import type { FontFace } from "../fonts.js";
import { inRanges, storedCoverage } from "./glyph-cache.js";
import { fieldPath, type Diagnostic } from "./diagnostic.js";

/** Which code points the booklet's text font can draw. */
export interface GlyphCoverage {
  has(codePoint: number): boolean;
  fontName: string;
}

/**
 * Coverage of every face of the booklet: a character is printable only if all of them have it
 * (the same text may be set in Gothic, bold or Mincho — 目指す姿 — and a face without it falls
 * back to a system font that the print stage refuses).
 */
export function glyphCoverage(faces: FontFace[]): GlyphCoverage {
  // The faces are the project's pinned files: opened once per process (the preview and the
  // older version of a diff check again and again).
  const key = faces.map((f) => f.file).join("\n");
  let coverage = opened.get(key);
  if (!coverage) opened.set(key, (coverage = openCoverage(faces)));
  return coverage;
}

const opened = new Map<string, GlyphCoverage>();

function openCoverage(faces: FontFace[]): GlyphCoverage {
  const { fontName, ranges } = storedCoverage(faces);
  return {
    fontName,
    // Line ends and tabs are layout, not glyphs.
    has: (cp) => cp === 0x0a || cp === 0x09 || inRanges(ranges, cp),
  };
}

/** An error for each character (once per file) that the font cannot draw. */
export function checkGlyphs(loaded: LoadedData, coverage: GlyphCoverage): Diagnostic[] {
  const out: Diagnostic[] = [];
  const problem = (file: string, line: number, column: number, field: string, ch: string): Diagnostic => ({
    severity: "error", file, line, column, field,
    message: `文字「${ch}」（${codePointLabel(ch)}）は冊子のフォント（${coverage.fontName}）にないため印刷できません`,
    hint: "別の文字に置き換えてください（外字・異体字は常用の字体に、絵文字は言葉に）。",
    en: `glyph ${codePointLabel(ch)} missing from the font`,
  });
  for (const source of loaded.yaml) {
    const seen = new Set<string>();
    visit(source.doc, {
      Scalar(_k, node, ancestry) {
        if (typeof node.value !== "string") return;
        for (const ch of node.value) {
          if (coverage.has(ch.codePointAt(0)!) || seen.has(ch)) continue;
          seen.add(ch);
          const raw = source.text.slice(node.range?.[0] ?? 0, node.range?.[1] ?? 0);
          const pos = source.lines.linePos((node.range?.[0] ?? 0) + Math.max(raw.indexOf(ch), 0));
          const field = fieldPath(nodePath(ancestry, node));
          out.push(problem(source.file, pos.line, pos.col, field, ch));
        }
      },
    });
  }
  for (const m of loaded.markdown) {
    const seen = new Set<string>();
    let index = 0;
    // Positions are in the file as written; characters the cleaning replaces are not printed.
    for (const ch of m.raw) {
      if (!coverage.has(ch.codePointAt(0)!) && !seen.has(ch) && cleanText(ch).fixes.length === 0) {
        seen.add(ch);
        const { line, column } = lineColumn(m.raw, index);
        out.push(problem(m.file, line, column, "", ch));
      }
      index += ch.length;
    }
  }
  return out;
}
