// Text for the booklet's SVG diagrams: SVG does not wrap lines, so they are measured here with the
// booklet's own fonts (the same TrueType files Chromium prints with) and broken between phrases,
// as the HTML text is (word-break: auto-phrase), never before closing punctuation.
import Handlebars from "handlebars";
import { fontFaces } from "../fonts.js";
import { advanceOf, storedAdvances, type StoredAdvances } from "./advance-store.js";

const faces = new Map<string, StoredAdvances>();
const widths = new Map<string, number>();

/** A face of the booklet: Gothic regular (400) or bold (700), or Mincho ("serif", vision statements). */
export type Weight = 400 | 700 | "serif";

function face(weight: Weight): StoredAdvances {
  const key = String(weight);
  let f = faces.get(key);
  if (!f) {
    const file = fontFaces().find((x) => (weight === "serif" ? x.family === "BIZ UDPMincho" : x.family === "BIZ UDPGothic" && x.weight === weight))!.file;
    f = storedAdvances(file);
    faces.set(key, f);
  }
  return f;
}

/** The width of a text in the diagram's units (mm) at a font size in mm. */
export function textWidth(text: string, size: number, weight: Weight = 400): number {
  let em = 0;
  for (const ch of text) {
    const key = `${weight}:${ch}`;
    let w = widths.get(key);
    if (w === undefined) widths.set(key, (w = advanceOf(face(weight), ch.codePointAt(0)!)));
    em += w;
  }
  return em * size;
}

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });
const HIRAGANA = /^[\u3041-\u309f]/;
const CLOSING = /^[）」』〕］｝〉》】、。，．・：；！？ー)\]]/u;
const OPENING = /[（「『〔［｛〈《【(]$/u;
const PHRASE_END = /[\u3041-\u309f、。，．・：；！？）」』〕］｝〉》】\s]$/u;

/** The text cut into phrases: a break may fall only after a particle or punctuation, before a content word. */
export function phrases(text: string): string[] {
  // Balancing a line (wrapText) cuts the same text a dozen times.
  let out = cut.get(text);
  if (!out) {
    if (cut.size > 5000) cut.clear();
    cut.set(text, (out = cutPhrases(text)));
  }
  return [...out];
}

const cut = new Map<string, string[]>();

function cutPhrases(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    const prev = out.at(-1);
    const breakable = prev !== undefined && PHRASE_END.test(prev) && !HIRAGANA.test(segment) && !CLOSING.test(segment) && !OPENING.test(prev);
    if (prev === undefined || breakable) out.push(segment);
    else out[out.length - 1] = prev + segment;
  }
  return out;
}

/**
 * Lines of at most `width` (mm) at `size` (mm), broken between phrases (between words or
 * characters only when a phrase is longer than a line) and balanced, as `text-wrap: balance`
 * sets a heading: as many lines as needed, each about as long, so none is left with a word alone.
 */
export function wrapText(text: string, width: number, size: number, weight: Weight = 400): string[] {
  const { lines, split } = greedy(text, width, size, weight);
  if (lines.length < 2) return lines;
  let low = 0;
  let high = width;
  let best = lines;
  // The narrowest measure that still takes no more lines.
  for (let i = 0; i < 12; i++) {
    const mid = (low + high) / 2;
    const trial = greedy(text, mid, size, weight);
    // Never balanced into breaking a word that the measure kept whole.
    if (trial.lines.length <= lines.length && split >= trial.split && trial.lines.every((l) => textWidth(l, size, weight) <= mid + 0.01)) {
      best = trial.lines;
      high = mid;
    } else {
      low = mid;
    }
  }
  return best;
}

/** Lines filled as far as they go; `split` counts the words broken between characters. */
function greedy(text: string, width: number, size: number, weight: Weight): { lines: string[]; split: number } {
  const lines: string[] = [];
  let split = 0;
  let line = "";
  const fits = (s: string) => textWidth(s, size, weight) <= width;
  for (const phrase of phrases(text.trim())) {
    if (fits(line + phrase)) {
      line += phrase;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    line = "";
    if (fits(phrase)) {
      line = phrase;
      continue;
    }
    // A phrase longer than a line is broken between its words, and a word longer than a line
    // between characters (never before closing punctuation).
    for (const { segment } of segmenter.segment(phrase)) {
      if (line && fits(line + segment)) {
        line += segment;
        continue;
      }
      if (line && fits(segment) && !CLOSING.test(segment)) {
        lines.push(line);
        line = segment;
        continue;
      }
      for (const ch of segment) {
        if (line && !fits(line + ch) && !CLOSING.test(ch)) {
          lines.push(line);
          line = "";
          split++;
        }
        line += line === "" ? ch.trimStart() : ch;
      }
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return { lines, split };
}

/** Lines of text as SVG: one <text> per line, the first baseline at y (mm), `lead` apart. */
export function svgLines(lines: string[], x: number, y: number, opts: { size: number; lead: number; cls: string; anchor?: "start" | "middle" | "end" }): string {
  const anchor = opts.anchor && opts.anchor !== "start" ? ` text-anchor="${opts.anchor}"` : "";
  return lines
    .map((l, i) => `<text class="${opts.cls}" x="${r(x)}" y="${r(y + i * opts.lead)}" font-size="${r(opts.size)}"${anchor}>${Handlebars.escapeExpression(l)}</text>`)
    .join("");
}

/** A coordinate rounded to 0.01 mm (short, stable output). */
export function r(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Points to millimetres (type sizes are thought in points, the diagrams drawn in mm). */
export const pt = (points: number) => (points * 25.4) / 72;
