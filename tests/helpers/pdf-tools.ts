// Reading PDFs back with consumers no one here wrote: poppler and qpdf.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";

export const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

/** Text of one physical page (1-based), layout kept. */
export const pageText = (pdf: string, page: number) => layoutPages(pdf)[page - 1] ?? "";

const read = new Map<string, { stamp: string; pages: string[] }>();

/** Every page's text, layout kept: poppler runs once per PDF (and again only if the file changed). */
function layoutPages(pdf: string): string[] {
  const { mtimeMs, size } = statSync(pdf);
  const stamp = `${mtimeMs} ${size}`;
  let known = read.get(pdf);
  if (known?.stamp !== stamp) read.set(pdf, (known = { stamp, pages: run("pdftotext", ["-layout", pdf, "-"]).split("\f") }));
  return known.pages;
}

/**
 * Each page's words with their top-left corner (pt), sorted by text, then place: two printings of
 * the same page compare word for word even when the content streams order them differently.
 */
export function wordsByPage(pdf: string): Array<Array<{ text: string; x: number; y: number }>> {
  return run("pdftotext", ["-bbox", pdf, "-"]).split("<page ").slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
      .map((m) => ({ text: m[3]!, x: Number(m[1]), y: Number(m[2]) }))
      .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.y - b.y || a.x - b.x)),
  );
}

/** How two readings of one page differ (the first difference found), or undefined: the same words within 0.5 pt. */
export function pageDifference(a: Array<{ text: string; x: number; y: number }>, b: Array<{ text: string; x: number; y: number }>): string | undefined {
  if (a.length !== b.length) return `${a.length} words against ${b.length}`;
  for (const [i, w] of a.entries()) {
    const v = b[i]!;
    if (w.text !== v.text) return `「${w.text}」 against 「${v.text}」`;
    if (Math.abs(w.x - v.x) + Math.abs(w.y - v.y) >= 0.5) return `「${w.text}」 at (${w.x}, ${w.y}) against (${v.x}, ${v.y})`;
  }
  return undefined;
}

export interface OutlineItem {
  title: string;
  destpageposfrom1: number;
  kids: OutlineItem[];
}

/** qpdf's reading of bookmarks and page labels. */
export function qpdfJson(pdf: string): { outlines: OutlineItem[]; pagelabels: Array<{ index: number; label: Record<string, unknown> }> } {
  return JSON.parse(run("qpdf", ["--json=2", "--json-key=outlines", "--json-key=pagelabels", pdf]));
}

/** The label a viewer shows for a physical page (1-based), from /PageLabels. */
export function labelOf(labels: Array<{ index: number; label: Record<string, unknown> }>, page: number): string {
  const range = [...labels].reverse().find((l) => l.index <= page - 1)!;
  const n = page - 1 - range.index + Number(range.label["/St"] ?? 1);
  return range.label["/S"] === "/r" ? roman(n) : String(n);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Every bookmark, flattened, with its depth. */
export function flatten(items: OutlineItem[], depth = 1): Array<OutlineItem & { depth: number }> {
  return items.flatMap((i) => [{ ...i, depth }, ...flatten(i.kids, depth + 1)]);
}
