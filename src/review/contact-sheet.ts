// `plan-press pages`: PNG thumbnails of every page (poppler's pdftoppm) and one contact sheet of
// the booklet laid out in spreads as it will be bound, drawn by Chromium.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PlanPressError } from "../errors.js";
import { openBrowser } from "../print/browser.js";

export interface ContactSheetResult {
  pages: number;
  sheet: string;
}

/** Renders thumbnails of `pdf` into `outDir` and a contact sheet of spreads. */
export async function contactSheet(pdf: string, outDir: string, timeout: number, signal?: AbortSignal): Promise<ContactSheetResult> {
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) if (/^page-\d+\.png$/.test(f)) rmSync(path.join(outDir, f));
  try {
    execFileSync("pdftoppm", ["-png", "-r", "40", pdf, path.join(outDir, "page")], { stdio: ["ignore", "ignore", "pipe"] });
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
  const cell = (f: string | undefined) =>
    f ? `<figure><img src="${f}"><figcaption>${Number(/\d+/.exec(f)![0])}</figcaption></figure>` : `<figure class="empty"></figure>`;
  const html = `<!doctype html><meta charset="utf-8"><style>
    body { margin: 12px; background: #6b7280; font: 11px sans-serif; }
    main { display: grid; grid-template-columns: repeat(6, auto); gap: 14px 18px; justify-content: start; }
    .spread { display: flex; gap: 1px; }
    figure { margin: 0; width: 120px; } figure.empty { visibility: hidden; }
    img { width: 120px; display: block; background: #fff; box-shadow: 0 1px 3px #0006; }
    figcaption { color: #fff; text-align: center; }
  </style><main>${spreads.map((s) => `<div class="spread">${s.map(cell).join("")}</div>`).join("")}</main>`;
  const htmlFile = path.join(outDir, "contact-sheet.html");
  writeFileSync(htmlFile, html);
  const sheet = path.join(outDir, "contact-sheet.png");
  const browser = await openBrowser({ timeout });
  // Ctrl-C closes the browser at once; the awaits below then fail and the finally cleans up.
  const closeOnAbort = () => void browser.close();
  signal?.addEventListener("abort", closeOnAbort);
  try {
    signal?.throwIfAborted();
    const page = await browser.browser.newPage();
    await page.setViewport({ width: 6 * 260 + 24, height: 800 });
    await page.goto(pathToFileURL(htmlFile).href, { waitUntil: "load", timeout });
    await page.screenshot({ path: sheet as `${string}.png`, fullPage: true });
  } finally {
    signal?.removeEventListener("abort", closeOnAbort);
    await browser.close();
    rmSync(htmlFile, { force: true });
  }
  return { pages: files.length, sheet };
}
