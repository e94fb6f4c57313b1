// The web edition's parts (front matter, then a chapter each), printed from the booklet's loaded
// page. A tagged print costs Chromium a snapshot of the whole document's accessibility tree, even
// for a page range (measured: 4.2 s for 4 of the sample's 162 pages, 4.7 s for all of them), so
// nine chapters printed as ranges cost nine whole booklets. Each part is printed instead with
// everything outside it taken out of the layout (display: none): the snapshot, and the print,
// hold only the part. Taking out what follows a part cannot move its pages (it starts on a fresh
// page and nothing of it depends on what comes after). Taking out what precedes it would
// renumber its pages and could turn a right page into a left one, so it is done only when the part
// starts on a right page (as the document's first page is), with the folio counter carried over.
// Links to pages outside the part go with their targets; in a file of its own they led nowhere.
// Every part printed so is checked against the booklet (its page count, each destination's page);
// one that does not match is printed as a plain range instead.
import type { Page } from "puppeteer";
import { PDFDocument, ParseSpeeds } from "pdf-lib";
import { BrowserError } from "../errors.js";
import { readDestinations } from "./destinations.js";
import { printWithin } from "./browser.js";

/** One part of the booklet printed on its own (web edition: a chapter per file). */
export interface PrintedPart {
  /** The anchor the part starts at ("" for the front matter). */
  anchor: string;
  from: number;
  to: number;
  pdf: Uint8Array;
}

/** Where the booklet's pages are, as its final print found them. */
export interface PrintedPages {
  /** Anchor id → 0-based physical page index. */
  pages: Map<string, number>;
  pageCount: number;
  /** Pages before the body: they carry no folio. */
  frontPages: number;
}

/** Prints one PDF per part, each from its anchor to the next (the front matter first). */
export async function printParts(page: Page, anchors: string[], booklet: PrintedPages, timeout: number): Promise<PrintedPart[]> {
  const ranges = partRanges(anchors, booklet.pages, booklet.pageCount);
  const parts: PrintedPart[] = [];
  for (const [i, range] of ranges.entries()) {
    const isolated = await printIsolated(page, range, ranges[i + 1]?.anchor ?? "", booklet, timeout);
    parts.push({ ...range, pdf: isolated ?? (await printRange(page, `${range.from + 1}-${range.to + 1}`, timeout)) });
  }
  return parts;
}

/** The page ranges from each anchor to the next (the front matter before the first as its own part). */
export function partRanges(anchors: string[], pages: Map<string, number>, pageCount: number): Array<{ anchor: string; from: number; to: number }> {
  if (anchors.length === 0) return [];
  const starts = anchors.map((anchor) => ({ anchor, from: pages.get(anchor) }));
  const missing = starts.find((s) => s.from === undefined);
  if (missing) throw new BrowserError(`分割の位置 #${missing.anchor} が印刷結果に見つかりません（不具合です。報告してください）。`);
  const list = [{ anchor: "", from: 0 }, ...(starts as Array<{ anchor: string; from: number }>)].filter((s, i, all) => i === 0 || s.from > all[i - 1]!.from);
  return list.map((s, i) => ({ anchor: s.anchor, from: s.from, to: (list[i + 1]?.from ?? pageCount) - 1 })).filter((r) => r.to >= r.from);
}

/**
 * The part printed with the rest of the booklet out of the layout, or undefined when that print
 * does not hold exactly the booklet's pages of the part.
 */
async function printIsolated(page: Page, range: { anchor: string; from: number; to: number }, next: string, booklet: PrintedPages, timeout: number): Promise<Uint8Array | undefined> {
  // The document's first page is a right page: only a part that starts on one may lose what precedes it.
  const dropsBefore = range.anchor !== "" && range.from % 2 === 0;
  if (!dropsBefore && next === "") return undefined;
  const first = dropsBefore ? range.from : 0;
  const firstFolio = dropsBefore ? Math.max(0, range.from - booklet.frontPages + 1) : null;
  const length = range.to - range.from + 1;
  const isolated = await page.evaluate(isolatePart, { start: dropsBefore ? range.anchor : "", end: next, firstFolio });
  const pdf = isolated
    ? await printRange(page, `${range.from - first + 1}-${range.to - first + 1}`, timeout).catch((err: unknown) => {
      // Fewer pages than the part: not the booklet's pages (the plain range print follows).
      if (/Page range exceeds page count/.test(String(err))) return undefined;
      throw err;
    })
    : undefined;
  // Reached only when the print did not fail (a failed one stops the build; a hung browser is not asked again).
  await page.evaluate(restoreParts);
  if (!pdf) return undefined;
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  if (doc.getPageCount() !== length) return undefined;
  for (const [anchor, index] of readDestinations(doc)) if (booklet.pages.get(anchor) !== range.from + index) return undefined;
  return pdf;
}

function printRange(page: Page, pageRanges: string, timeout: number): Promise<Uint8Array> {
  return printWithin(page, { preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout, pageRanges });
}

/**
 * In the page: takes out of the layout the element `end` and everything after it, and, with a
 * folio, everything before the element `start`, whose first page then counts on from that folio.
 * False if an element is not there.
 */
function isolatePart({ start, end, firstFolio }: { start: string; end: string; firstFolio: number | null }): boolean {
  const hide = (el: Element) => el.setAttribute("data-part-hidden", "");
  const hideFrom = (el: Element, step: (e: Element) => Element | null) => {
    for (let n: Element | null = el; n && n !== document.body; n = n.parentElement) for (let s = step(n); s; s = step(s)) hide(s);
  };
  const endEl = end ? document.getElementById(end) : null;
  const startEl = start ? document.getElementById(start) : null;
  if ((end && !endEl) || (start && !startEl)) return false;
  if (endEl) {
    hide(endEl);
    hideFrom(endEl, (e) => e.nextElementSibling);
  }
  if (startEl) hideFrom(startEl, (e) => e.previousElementSibling);
  const style = document.createElement("style");
  style.id = "plan-press-part";
  style.textContent = `[data-part-hidden] { display: none !important; }${startEl && firstFolio !== null ? ` @page :first { counter-increment: page ${firstFolio} !important; }` : ""}`;
  document.head.append(style);
  return true;
}

/** In the page: the whole booklet again. */
function restoreParts(): void {
  document.getElementById("plan-press-part")?.remove();
  for (const el of document.querySelectorAll("[data-part-hidden]")) el.removeAttribute("data-part-hidden");
}
