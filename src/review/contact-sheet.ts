// `plan-press pages`: PNG images of every page (poppler's pdftoppm) and contact sheets of the
// booklet laid out in spreads as it will be bound, drawn by Chromium: one overview of all pages as
// thumbnails, and — when the pages are rendered at a reading resolution (--dpi 100 or more) —
// sheets of a few spreads each at that resolution, to review typesetting page by page.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer";
import { PlanPressError } from "../errors.js";
import { openBrowser, openPage } from "../print/browser.js";

export interface ContactSheetResult {
  pages: number;
  /** The overview of every page. */
  sheet: string;
  /** Sheets of a few spreads each at the pages' resolution (with --dpi 100 or more). */
  sheets: string[];
}

export interface ContactSheetOptions {
  /** Resolution of the page images (default 40: thumbnails; 150 to read the type). */
  dpi?: number;
}

export const DEFAULT_DPI = 40;
/** From this resolution on, the pages are worth reading: detail sheets are made too. */
export const READING_DPI = 100;
/** Spreads on one detail sheet: two rows of two. */
const SPREADS_PER_SHEET = 4;

/** Renders images of `pdf` into `outDir`, an overview contact sheet and, at reading resolution, detail sheets. */
export async function contactSheet(pdf: string, outDir: string, timeout: number, signal?: AbortSignal, options: ContactSheetOptions = {}): Promise<ContactSheetResult> {
  const dpi = options.dpi ?? DEFAULT_DPI;
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/^page-\d+\.png$|^contact-sheet-\d+\.png$/.test(f)) rmSync(path.join(outDir, f));
  try {
    execFileSync("pdftoppm", ["-png", "-r", String(dpi), pdf, path.join(outDir, "page")], { stdio: ["ignore", "ignore", "pipe"] });
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === "ENOENT";
    throw new PlanPressError(
      missing ? "pdftoppm がありません。sudo apt-get install poppler-utils（または npm run setup）を実行してください。" : `PDF を画像にできません: ${pdf}`,
      { cause },
    );
  }
  const files = readdirSync(outDir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
  // Page 1 is a right-hand page: it stands alone, then spreads pair even (left) with odd (right).
  const spreads: Array<Array<string | undefined>> = [[undefined, files[0]]];
  for (let i = 1; i < files.length; i += 2) spreads.push([files[i], files[i + 1]]);
  const sheet = path.join(outDir, "contact-sheet.png");
  const sheets: string[] = [];
  const browser = await openBrowser({ timeout });
  // Ctrl-C closes the browser at once; the awaits below then fail and the finally cleans up.
  const closeOnAbort = () => void browser.close();
  signal?.addEventListener("abort", closeOnAbort);
  const htmlFile = path.join(outDir, "contact-sheet.html");
  try {
    signal?.throwIfAborted();
    const page = await openPage(browser);
    await shoot(page, htmlFile, sheet, overviewHtml(spreads), 6 * 260 + 24, timeout);
    if (dpi >= READING_DPI) {
      // An A4 page at the chosen resolution, in CSS pixels one to one with the image's.
      const width = Math.round((210 / 25.4) * dpi);
      for (let i = 0; i < spreads.length; i += SPREADS_PER_SHEET) {
        signal?.throwIfAborted();
        const file = path.join(outDir, `contact-sheet-${String(sheets.length + 1).padStart(2, "0")}.png`);
        await shoot(page, htmlFile, file, detailHtml(spreads.slice(i, i + SPREADS_PER_SHEET), width), 4 * width + 80, timeout);
        sheets.push(file);
      }
    }
  } finally {
    signal?.removeEventListener("abort", closeOnAbort);
    await browser.close();
    rmSync(htmlFile, { force: true });
  }
  return { pages: files.length, sheet, sheets };
}

async function shoot(page: Page, htmlFile: string, png: string, html: string, width: number, timeout: number): Promise<void> {
  writeFileSync(htmlFile, html);
  await page.setViewport({ width, height: 800 });
  await page.goto(pathToFileURL(htmlFile).href, { waitUntil: "load", timeout });
  await page.screenshot({ path: png as `${string}.png`, fullPage: true });
}

const number = (f: string) => Number(/\d+/.exec(f)![0]);

/** Every page as a thumbnail, six spreads to a row. */
function overviewHtml(spreads: Array<Array<string | undefined>>): string {
  const cell = (f: string | undefined) => (f ? `<figure><img src="${f}"><figcaption>${number(f)}</figcaption></figure>` : `<figure class="empty"></figure>`);
  return `<!doctype html><meta charset="utf-8"><style>
    body { margin: 12px; background: #6b7280; font: 11px sans-serif; }
    main { display: grid; grid-template-columns: repeat(6, auto); gap: 14px 18px; justify-content: start; }
    .spread { display: flex; gap: 1px; }
    figure { margin: 0; width: 120px; } figure.empty { visibility: hidden; }
    img { width: 120px; display: block; background: #fff; box-shadow: 0 1px 3px #0006; }
    figcaption { color: #fff; text-align: center; }
  </style><main>${spreads.map((s) => `<div class="spread">${s.map(cell).join("")}</div>`).join("")}</main>`;
}

/** A few spreads at the pages' own resolution, two to a row, each page with its number. */
function detailHtml(spreads: Array<Array<string | undefined>>, width: number): string {
  const cell = (f: string | undefined) => (f ? `<figure><img src="${f}"><figcaption>${number(f)}</figcaption></figure>` : `<figure class="empty"></figure>`);
  return `<!doctype html><meta charset="utf-8"><style>
    body { margin: 20px; background: #6b7280; font: 28px sans-serif; }
    main { display: grid; grid-template-columns: repeat(2, auto); gap: 30px 40px; justify-content: start; }
    .spread { display: flex; gap: 2px; }
    figure { margin: 0; width: ${width}px; } figure.empty { visibility: hidden; }
    img { width: ${width}px; display: block; background: #fff; box-shadow: 0 2px 6px #0006; }
    figcaption { color: #fff; text-align: center; padding-top: 6px; }
  </style><main>${spreads.map((s) => `<div class="spread">${s.map(cell).join("")}</div>`).join("")}</main>`;
}
