// The measurable rules of Japanese text setting, read back from a PDF's text: a sentence's last
// characters alone on a line, an identifier, figure or year split across lines, and a year
// printed inside brackets inside brackets. Pure functions over poppler's output, so each rule can
// be shown to catch what it must (tests/unit/typesetting-rules.test.ts).
import { run } from "./pdf-tools.js";

/** One line of text as poppler reads it, in its block (a paragraph, a cell, a heading). */
export interface PdfLine {
  page: number;
  block: number;
  text: string;
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Lines of `pdftotext -bbox-layout` output, grouped by page and block; a line's words joined without spaces. */
export function bboxLines(xhtml: string): PdfLine[] {
  const out: PdfLine[] = [];
  let block = 0;
  const pages = xhtml.split(/<page [^>]*>/).slice(1);
  pages.forEach((page, p) => {
    for (const b of page.split(/<block [^>]*>/).slice(1)) {
      block++;
      for (const l of b.split(/<line [^>]*>/).slice(1)) {
        const words = [...l.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => decode(m[1]!));
        if (words.length) out.push({ page: p + 1, block, text: words.join("") });
      }
    }
  });
  return out;
}

/** Every line of the PDF, by block. */
export function pdfLines(pdf: string): PdfLine[] {
  return bboxLines(run("pdftotext", ["-bbox-layout", pdf, "-"]));
}

/** A sentence's end alone on a line: 「す。」「ます。」 — a line of three characters or fewer that ends a sentence. */
export function loneSentenceEnds(lines: PdfLine[]): PdfLine[] {
  return lines.filter((l, i) => {
    const text = l.text.trim();
    const before = lines[i - 1];
    // Only where the line continues a line of the same block (a paragraph's last line).
    return [...text].length <= 3 && /。[）」』]?$/.test(text) && before?.block === l.block && before.page === l.page;
  });
}

/** A unit or counter at a line's start (not a word that starts with one: 人権, 社会). */
const UNIT = /^(?:%|％|人|件|年度|年間|年|か月|か所|箇所|団体|世帯|施設|万人|千人|円|千円|万円|億円|校|園|回|歳|倍|割|点|台|社|戸|日|月|ポイント|km|ha|t)(?![\u4e00-\u9fffA-Za-z])/;
const ERA_END = /(?:令和|平成|昭和)(?:\d{1,2}|元)?$/;

/** Where an identifier, a figure with its unit, a year or a numbered term is split between two lines of a block. */
export function brokenRuns(lines: PdfLine[], numbered: string[] = []): Array<{ page: number; at: string }> {
  const out: Array<{ page: number; at: string }> = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.block !== b.block || a.page !== b.page) continue;
    const end = a.text.trimEnd();
    const start = b.text.trimStart();
    const at = `${end.slice(-8)}／${start.slice(0, 8)}`;
    const broken =
      (/\d-$/.test(end) && /^\d/.test(start)) || // 2-／6
      (/\d$/.test(end) && /^-\d/.test(start)) || // 2／-6
      (/\d[,.]$/.test(end) && /^\d/.test(start)) || (/\d$/.test(end) && /^[,.]\d/.test(start)) || // 1,／234
      (/\d$/.test(end) && UNIT.test(start)) || // 450／人
      ERA_END.test(end) || // 令和／7年度
      (/\d$/.test(end) && /^(?:〜|（)?\d{0,4}(?:年度|年)/.test(start) && /(?:令和|平成|昭和)\d{0,2}$|\d{4}$/.test(end)) || // 2025／年度
      /[（「『]$/.test(end) || // an opening bracket left at a line's end
      numbered.some((t) => end.endsWith(t) && /^\d/.test(start)); // 方針／1
    if (broken) out.push({ page: a.page, at });
  }
  return out;
}

const YEAR = /(?:令和|平成|昭和)(?:\d{1,2}|元)|\d{4}(?:年|（)/;

/** Text inside brackets inside brackets where either holds a year: 「450人（令和11年度（2029年度））」. */
export function nestedYearBrackets(text: string): string[] {
  const out: string[] = [];
  const opens: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "（") opens.push(i);
    else if (c === "）" && opens.length) {
      const from = opens.pop()!;
      // A closed pair inside another open one: the outer's text so far and this pair.
      if (opens.length > 0) {
        const outer = opens[0]!;
        const inner = text.slice(from, i + 1);
        const around = text.slice(outer, i + 1);
        if (YEAR.test(inner) || YEAR.test(around)) out.push(text.slice(Math.max(0, outer - 6), i + 2));
      }
    } else if (c === "\n" && opens.length) {
      // Brackets do not run over a paragraph; a stray one is not nesting.
      opens.length = 0;
    }
  }
  return out;
}

/** Each page's text in reading order, lines of a paragraph joined (a bracket may open on one line and close on the next). */
export function pageTexts(pdf: string): string[] {
  return run("pdftotext", [pdf, "-"]).split("\f").map((page) => page.replace(/([^\n])\n(?=[^\n])/g, "$1"));
}
