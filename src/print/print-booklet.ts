// Stage 5, print: one Chromium document for the whole booklet. The first print tells where every
// heading landed; the print stage then fills the TOC's page numbers and inserts the blank pages
// that make chapters open on the right and spreads on the left (Chromium ignores
// break-before: left/right), and prints again from the same loaded page. It repeats until the
// printed pages agree with the numbers. Before the first print the previous build's result is
// applied as a hint (when an edit moved no page, one print is enough), or else the pages the
// document takes laid out in page-sized columns (estimate-pages.ts). Either is only a guess;
// every print is checked against its own destinations.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer";
import { PDFDocument, ParseSpeeds } from "pdf-lib";
import { BrowserError, LayoutError } from "../errors.js";
import { isTimeout, openPage, printWithin, withinTime, type BrowserHandle } from "./browser.js";
import { readDestinations } from "./destinations.js";
import { planPagination, type PageStart, type PaginationPlan } from "./pagination.js";
import { estimatePages } from "./estimate-pages.js";
import { flowSheets } from "./flow-sheets.js";
import { measureImages, measurePages, type PageMisfit } from "./measure-pages.js";
import { printedScale } from "./print-scale.js";
import { SERVED_ORIGIN, guardRequests } from "./request-fence.js";
import { checkFonts } from "./font-check.js";
import { withInstalledFonts, withoutInstalledFonts } from "./installed-fonts.js";
import { printParts, type PrintedPart } from "./print-parts.js";

/** What the print stage returns: the bytes and what it learned about them. */
export interface PrintedBooklet {
  pdf: Uint8Array;
  /** The loaded PDF, so finishing does not parse it again. */
  doc: PDFDocument;
  /** Anchor id → 0-based physical page index. */
  pages: Map<string, number>;
  /** Pages before the body (cover, TOC …): body page n is physical page frontPages + n. */
  frontPages: number;
  /** The HTML exactly as printed (TOC numbers and blank pages in place). */
  html: string;
  prints: number;
  /** Pages and spreads (their names) continued on more pages because their text is longer. */
  continued: string[];
  /** Each printed image's resolution at its printed size (pixels per inch). */
  images: Array<{ name: string; ppi: number; printedMm: number }>;
  blockedRequests: string[];
  /** What to apply before the first print next time. */
  hint: PaginationHint;
  /** With partsAt: the booklet again, one PDF per part (pages from–to, 0-based, inclusive). */
  parts: PrintedPart[];
}

/** The blank pages and page numbers of a finished print. */
export interface PaginationHint {
  blanksBefore: string[];
  labels: Record<string, string>;
  /** Binding padding pages before the back cover. */
  pads?: number;
}

export interface PrintOptions {
  /** Where the source HTML file is; relative asset URLs resolve from its folder. */
  htmlFile: string;
  html: string;
  timeout: number;
  /** The anchor of the first body page (page 1). */
  firstBodyAnchor: string;
  hint?: PaginationHint;
  /** Print edition: pad the page count to this multiple with blank pages before `padBefore`. */
  padTo?: number;
  padBefore?: string;
  /** Font families the booklet must be printed in; any other font in the PDF is an error. */
  fontFamilies?: string[];
  /** Web edition: also print the pages from each of these anchors to the next as a file of its own. */
  partsAt?: string[];
  /** Files and folders the page may load besides itself (fonts, icons); the whole project if not given. */
  allowedFiles?: string[];
  /**
   * Only where things land is wanted (the older version's pages): every print untagged, a third
   * faster; the PDF returned is for reading, not for handing out.
   */
  pagesOnly?: boolean;
}

const MAX_PRINTS = 4;
const PX_TO_MM = 25.4 / 96;
/** The type area's width (175 mm, styles/tokens.css --sheet-width) in CSS pixels: pages are laid out at it. */
const CONTENT_WIDTH_PX = Math.floor(175 / PX_TO_MM);

/** Prints the booklet HTML to a PDF whose TOC and page starts are right. */
export async function printBooklet(handle: BrowserHandle, options: PrintOptions): Promise<PrintedBooklet> {
  const page = await openPage(handle);
  const blocked: string[] = [];
  let hung = false;
  try {
    // Print media and the page's own width from the start: spreads flow and misfits are
    // measured as they will print.
    await page.emulateMediaType("print");
    await page.setViewport({ width: CONTENT_WIDTH_PX, height: 1000 });
    await openFenced(page, handle, options, blocked);
    const continued = await page.evaluate(flowSheets);
    const misfits = (await page.evaluate(measurePages)).map(toMillimetres);
    if (misfits.length > 0) throw new LayoutError(misfitMessage(misfits));
    const images = await page.evaluate(measureImages);

    const apply = (change: PaginationChange) => page.evaluate(applyPagination, change);
    const fixed = { firstBodyAnchor: options.firstBodyAnchor, padBefore: options.padBefore ?? "" };
    if (options.hint) await apply({ ...fixed, blanksBefore: options.hint.blanksBefore, blanksRemoved: [], labels: options.hint.labels, pads: options.padTo ? (options.hint.pads ?? 0) : 0 });
    // Without a hint, the pages are estimated in the page (a tenth of a print's time) and the
    // first print is already the final one when the estimate holds; if it cannot be made, the
    // first print only measures (untagged is a third faster).
    let tagged = options.hint !== undefined || (await applyEstimate(page, options, fixed, apply));
    for (let prints = 1; prints <= MAX_PRINTS; prints++) {
      const pdf = await printWithin(page, {
        preferCSSPageSize: true,
        printBackground: true,
        tagged: tagged && !options.pagesOnly,
        // Bookmarks are built from the TOC by the finishing stage, nested as the TOC is.
        outline: false,
        timeout: options.timeout,
      });
      // Chromium answers these while the PDF is parsed here (the page as printed, kept if final).
      const collected = page.evaluate(collectStarts);
      const printedHtml = page.content().then((html) => (handle.installedFonts ? withoutInstalledFonts(html, handle.installedFonts) : html));
      printedHtml.catch(() => undefined);
      // Parsed without pausing every 100 objects (pdf-lib's default, for UIs): 0.4 s less for 160 pages.
      const doc = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
      const pages = readDestinations(doc);
      const { starts, pads } = await collected;
      const plan = planPagination({
        starts, pages, pageCount: doc.getPageCount(), firstBodyAnchor: options.firstBodyAnchor,
        padTo: options.padTo, padBefore: options.padBefore, pads,
      });
      const changed = await apply({ ...fixed, blanksBefore: plan.blanksBefore, blanksRemoved: plan.blanksRemoved, labels: plan.labels, pads: plan.pads });
      if (!changed && (tagged || options.pagesOnly)) {
        if (options.fontFamilies) checkFonts(doc, options.fontFamilies);
        // Something too wide that the measurement missed would have shrunk every page.
        const scale = printedScale(doc);
        if (scale < 0.995) throw new LayoutError(`ページ全体が ${Math.round(scale * 100)}% に縮小されて印刷されました（ページの幅より広い内容があります）。PDF は作成していません。前回の PDF はそのままです。長い英数字や URL に区切り（スペースなど）を入れてください。`);
        const html = await printedHtml;
        const hint = { blanksBefore: starts.filter((s) => s.hasBlankBefore).map((s) => s.anchor), labels: plan.labels, pads: plan.pads };
        // Parts come from the same loaded document (print-parts.ts), so they carry exactly the
        // whole booklet's pages.
        const parts = options.partsAt?.length ? await printParts(page, options.partsAt, { pages, pageCount: doc.getPageCount(), frontPages: plan.frontPages }, options.timeout) : [];
        return { pdf, doc, pages, frontPages: plan.frontPages, html, prints, continued, images, blockedRequests: blocked, hint, parts };
      }
      tagged = true;
    }
    throw new BrowserError(`目次のページ番号が ${MAX_PRINTS} 回の印刷で定まりませんでした（不具合です。報告してください）。`);
  } catch (err) {
    // A browser of ours that stopped answering is killed by its owner: closing the tab would only wait.
    if (!handle.remote && isTimeout(err)) hung = true;
    throw err;
  } finally {
    if (!hung) await closePage(page);
  }
}

/** Applies the pagination the in-page estimate predicts; false if there is none to apply. */
async function applyEstimate(page: Page, options: PrintOptions, fixed: { firstBodyAnchor: string; padBefore: string }, apply: (change: PaginationChange) => Promise<boolean>): Promise<boolean> {
  const estimate = await page.evaluate(estimatePages);
  if (!estimate) return false;
  const { starts, pads } = await page.evaluate(collectStarts);
  let plan: PaginationPlan;
  try {
    plan = planPagination({
      starts, pages: new Map(Object.entries(estimate.pages)), pageCount: estimate.pageCount, firstBodyAnchor: options.firstBodyAnchor,
      padTo: options.padTo, padBefore: options.padBefore, pads,
    });
  } catch {
    // An anchor the estimate did not place (a start without a box): the print measures instead.
    return false;
  }
  await apply({ ...fixed, blanksBefore: plan.blanksBefore, blanksRemoved: plan.blanksRemoved, labels: plan.labels, pads: plan.pads });
  return true;
}

/** Prints a document that needs no page numbers resolved (e.g. the 新旧対照表), behind the same fence. */
export async function printDocument(handle: BrowserHandle, options: { htmlFile: string; html: string; timeout: number }): Promise<{ pdf: Uint8Array; blockedRequests: string[] }> {
  const page = await openPage(handle);
  const blocked: string[] = [];
  try {
    await openFenced(page, handle, options, blocked);
    const pdf = await printWithin(page, { preferCSSPageSize: true, printBackground: true, tagged: true, outline: false, timeout: options.timeout });
    return { pdf, blockedRequests: blocked };
  } finally {
    await closePage(page);
  }
}

/** Loads the HTML file into `page` behind the request fence and waits for its fonts. */
async function openFenced(page: Page, handle: BrowserHandle, options: { htmlFile: string; html: string; timeout: number; allowedFiles?: string[] }, blocked: string[]): Promise<void> {
  page.setDefaultTimeout(options.timeout);
  await guardRequests(page, handle.remote, options, blocked);
  // Our own browser has the faces installed: the page asks for them by name (installed-fonts.ts).
  if (handle.installedFonts) writeFileSync(options.htmlFile, withInstalledFonts(options.html, handle.installedFonts));
  const url = handle.remote ? SERVED_ORIGIN + pathToFileURL(options.htmlFile).pathname : pathToFileURL(options.htmlFile).href;
  const response = await page.goto(url, { waitUntil: "load", timeout: options.timeout });
  if (response && !response.ok() && !url.startsWith("file:")) throw new BrowserError(`冊子の HTML を読み込めません（${response.status()}）`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** A misfit in millimetres, as staff measure text on the page. */
function toMillimetres(m: PageMisfit): PageMisfit & { millimetres: number } {
  return { ...m, millimetres: Math.max(1, Math.round(m.px * PX_TO_MM)) };
}

/** Each misfit in words: which page, which file, how much, and what to do. */
export function misfitMessage(misfits: Array<PageMisfit & { millimetres: number }>): string {
  const lines = misfits.map((m) => {
    const at = `${m.name}${m.file ? `（${m.file}）` : ""}`;
    const text = m.text ? `「${m.text}…」` : "";
    return m.axis === "vertical"
      ? `  ・${at}: ${text}がページに収まらず、約 ${m.millimetres} mm はみ出しています。次のページに送れない1つのまとまり（表の1行、長い見出しなど）です。短くするか、分けてください。`
      : `  ・${at}: ${text}がページの幅を約 ${m.millimetres} mm 超えています。長い英数字や URL に区切り（スペースなど）を入れるか、短くしてください。`;
  });
  return ["ページに収まらない内容があります。PDF は作成していません（前回の PDF はそのままです）:", ...lines].join("\n");
}

/** In the page: every element that must start on a given side, in document order, and the padding pages. */
function collectStarts(): { starts: PageStart[]; pads: number } {
  const starts = [...document.querySelectorAll<HTMLElement>("[data-start]")].map((el) => ({
    anchor: el.id,
    side: el.dataset.start as PageStart["side"],
    hasBlankBefore: el.previousElementSibling?.classList.contains("blank-page") ?? false,
  }));
  return { starts, pads: document.querySelectorAll(".pad-page").length };
}

/** What the print stage changes in the loaded page between prints. */
interface PaginationChange {
  blanksBefore: string[];
  blanksRemoved: string[];
  labels: Record<string, string>;
  firstBodyAnchor: string;
  /** Padding pages wanted before `padBefore` (print edition). */
  pads: number;
  padBefore: string;
}

/**
 * In the page: insert or remove blank pages and set page numbers; true if anything changed. The
 * blank before the body's first page is front matter: it must not count in the folios.
 */
function applyPagination({ blanksBefore, blanksRemoved, labels, firstBodyAnchor, pads, padBefore }: PaginationChange): boolean {
  let changed = false;
  for (const anchor of blanksRemoved) {
    const blank = document.getElementById(anchor)?.previousElementSibling;
    if (blank?.classList.contains("blank-page")) {
      blank.remove();
      changed = true;
    }
  }
  for (const anchor of blanksBefore) {
    const el = document.getElementById(anchor);
    if (!el || el.previousElementSibling?.classList.contains("blank-page")) continue;
    const blank = document.createElement("div");
    blank.className = anchor === firstBodyAnchor ? "blank-page blank-page--front" : "blank-page";
    blank.setAttribute("aria-hidden", "true");
    el.before(blank);
    changed = true;
  }
  // Padding pages go before the back cover's own blank page, so that one stays its neighbour.
  const existing = document.querySelectorAll(".pad-page");
  if (existing.length !== pads) {
    for (const pad of existing) pad.remove();
    const end = document.getElementById(padBefore);
    const before = end?.previousElementSibling?.classList.contains("blank-page") ? end.previousElementSibling : end;
    for (let i = 0; i < pads && before; i++) {
      const pad = document.createElement("div");
      pad.className = "pad-page";
      pad.setAttribute("aria-hidden", "true");
      before.before(pad);
    }
    changed = true;
  }
  for (const el of document.querySelectorAll<HTMLElement>("[data-page-of]")) {
    const label = labels[el.dataset.pageOf ?? ""] ?? "";
    if (el.textContent !== label) {
      el.textContent = label;
      changed = true;
    }
  }
  return changed;
}

/**
 * Closes the tab, waiting at most 2 s: after a timeout the browser may be hung, and its answer
 * would otherwise be awaited for the whole protocol timeout again before the retry (or the
 * error) could begin. The browser itself is closed, or killed, by its owner.
 */
async function closePage(page: Page): Promise<void> {
  await withinTime(2_000, page.close()).catch(() => undefined);
}
