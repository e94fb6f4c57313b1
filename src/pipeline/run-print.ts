// The shared end of every document's pipeline: print → finish → write. It owns the browser for
// the print (launch, one retry after a crash or hang, close on every path, Ctrl-C closing it at
// once) and writes atomically, so each document — booklet, 新旧対照表, progress report — gets the
// same TOC numbers, bookmarks, page labels, font check and safety without repeating them.
import path from "node:path";
import { rmSync } from "node:fs";
import { isTimeout, openBrowser, raceGone, type BrowserHandle } from "../print/browser.js";
import { printBooklet, type PrintedBooklet, type PrintOptions } from "../print/print-booklet.js";
import { finishPdf, type DocumentInfo } from "../finish/finish-pdf.js";
import { temporarySibling, writeAtomic } from "../write/write-output.js";
import { checkTargets, type SinglePlan } from "../write/output-plan.js";
import { fontFaces } from "../fonts.js";
import { PROJECT_ROOT } from "../paths.js";
import { BrowserError, PlanPressError } from "../errors.js";
import type { TocEntry } from "../model/types.js";
import type { ProgressListener } from "../progress.js";

/** What every command's print needs from the command line. */
export interface RunOptions {
  /** Milliseconds for launch, load and each print. */
  timeout: number;
  browserWsEndpoint?: string;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  onNotice?: (message: string) => void;
  /**
   * For a caller that prints more than once (plan-press diff): the browser in `current` is used
   * (or one opened and left there), and the caller closes it, so one Chromium serves every print.
   */
  browserHolder?: { current?: BrowserHandle };
}

/**
 * Prints a paginated document (TOC, anchors, chapters) with a fresh browser (or the one
 * `started`, which it then owns), retried once after a fault.
 */
export async function printWithBrowser(options: RunOptions, print: Omit<PrintOptions, "timeout">, started?: Promise<BrowserHandle>): Promise<PrintedBooklet> {
  let browser: BrowserHandle | undefined;
  const closeOnAbort = () => void browser?.close();
  options.signal?.addEventListener("abort", closeOnAbort);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        // A held browser serves every print of the command (the older version's booklet, the new
        // one, the table); each print that opened its own and left it held was never closed.
        const held = options.browserHolder?.current;
        if (held && !held.browser.connected) await held.close();
        const launch = () => (attempt === 1 && started ? started : openBrowser({ wsEndpoint: options.browserWsEndpoint, timeout: options.timeout }));
        browser = held?.browser.connected ? held : await launch();
        if (options.browserHolder) options.browserHolder.current = browser;
        options.signal?.throwIfAborted();
        return await raceGone(browser, printBooklet(browser, { ...print, timeout: options.timeout }));
      } catch (err) {
        if (options.signal?.aborted) throw err;
        const fault = browserFault(err, options.timeout, browser !== undefined && !browser.browser.connected);
        // A browser that stopped answering is killed, not asked to close (two more waits).
        await browser?.close({ hung: isTimeout(err) });
        browser = undefined;
        if (options.browserHolder) options.browserHolder.current = undefined;
        if (!fault || attempt >= 2) throw fault ?? err;
        options.onNotice?.(`${fault.message.split("\n")[0]} もう一度だけ試します。`);
      }
    }
  } finally {
    options.signal?.removeEventListener("abort", closeOnAbort);
    if (!options.browserHolder) await browser?.close();
  }
}

/** Prints `html` as one finished PDF, written atomically to the output the command planned; returns what it learned. */
export async function printDocumentSet(options: RunOptions & { html: string; output: SinglePlan; toc: TocEntry[]; firstBodyAnchor: string; info: DocumentInfo }): Promise<{ pageCount: number; bytes: number; pageLabels: Map<string, string> }> {
  const outFile = options.output.pdf;
  // Loaded from beside the output, so relative URLs (fonts) resolve as from the output's folder.
  const source = temporarySibling(outFile.replace(/\.pdf$/i, "") + ".html");
  try {
    writeAtomic(source, options.html);
    const fonts = fontFaces();
    const printed = await printWithBrowser(options, {
      htmlFile: source, html: options.html, firstBodyAnchor: options.firstBodyAnchor,
      fontFamilies: [...new Set(fonts.map((f) => f.family))],
      allowedFiles: [...fonts.map((f) => f.file), path.join(PROJECT_ROOT, "assets")],
    });
    options.onProgress?.({ stage: "print", ms: 0, detail: `${printed.doc.getPageCount()} ページ` });
    const pdf = await finishPdf(printed.doc, options.toc, printed.pages, printed.frontPages, options.info);
    options.signal?.throwIfAborted();
    // Still ours, just before it is replaced (write/output-plan.ts).
    checkTargets(options.output);
    writeAtomic(outFile, pdf);
    const pageLabels = new Map<string, string>();
    for (const [anchor, index] of printed.pages) {
      const n = index - printed.frontPages + 1;
      pageLabels.set(anchor, n >= 1 ? String(n) : "");
    }
    return { pageCount: printed.doc.getPageCount(), bytes: pdf.byteLength, pageLabels };
  } finally {
    rmSync(source, { force: true });
  }
}

/**
 * Plain words for a browser that hung or died (retriable); undefined for anything else. An
 * error we raised ourselves (no browser found, bad pagination) is not a browser fault.
 */
export function browserFault(err: unknown, timeout: number, browserGone = false): BrowserError | undefined {
  if (err instanceof BrowserError) return err.retriable ? err : undefined;
  if (!(err instanceof Error) || err instanceof PlanPressError) return undefined;
  if (browserGone || /detached|Target closed|Session closed|Connection closed|browser has disconnected|crash|ECONNRESET|socket hang up/i.test(err.message)) {
    return new BrowserError("Chromium が印刷の途中で終了しました（クラッシュまたは強制終了）。", { cause: err, retriable: true });
  }
  if (isTimeout(err)) {
    return new BrowserError(`Chromium が ${Number((timeout / 1000).toFixed(1))} 秒以内に応答しませんでした（止まっている可能性があります）。大きな冊子では --timeout で待ち時間を延ばせます。`, { cause: err, retriable: true });
  }
  return undefined;
}
