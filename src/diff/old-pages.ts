// The page a removed item had: the older version's booklet is laid out again (with today's
// templates, as the official edition, whose pages the draft shares) and printed in a scratch
// folder, and the page where each removed item's element landed is read from that print.
// Printing costs 5–15 s, so it is done only when something was removed, untagged (only the
// pages are read from it), and once for the same older version (old-pages-cache.ts).
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { PlanData } from "../validate/validate.js";
import { renderBooklet } from "../pipeline/render-booklet.js";
import { fontFaces } from "../fonts.js";
import { printWithBrowser } from "../pipeline/run-print.js";
import { BrowserError, PlanPressError } from "../errors.js";
import { makeTempDir } from "../write/temp-dirs.js";
import { findExecutable } from "../print/browser.js";
import { printKey, storedPages, storePages } from "./old-pages-cache.js";

export interface OldPrintOptions {
  timeout: number;
  browserWsEndpoint?: string;
  signal?: AbortSignal;
}

/** Element id → its page label in the booklet of `data` (the older version), for each of `ids`. */
export async function oldPages(data: PlanData, ids: string[], options: OldPrintOptions): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const temp = makeTempDir("oldpages");
  try {
    // A change list naming the elements makes each a link target: the print says its page.
    const rows = wanted.map((key) => ({ group: "", item: "", kind: "removed", key, page: "" }));
    const { booklet, html, allowedFiles } = renderBooklet(data, { edition: "official", htmlDir: temp.dir, fonts: fontFaces(), changes: { since: "", rows, marks: [] } });
    // The same older version printed before by this Chromium: its pages are known (old-pages-cache.ts).
    const key = printKey(html, temp.dir, options.browserWsEndpoint === undefined ? findExecutable() : undefined);
    const stored = key ? storedPages(key) : undefined;
    if (stored) return stored;
    const htmlFile = path.join(temp.dir, "old.html");
    writeFileSync(htmlFile, html);
    const printed = await printWithBrowser(options, { htmlFile, html, firstBodyAnchor: booklet.firstBodyAnchor, allowedFiles, pagesOnly: true });
    const labels = new Map<string, string>();
    for (const id of wanted) {
      const index = printed.pages.get(id);
      if (index !== undefined && index >= printed.frontPages) labels.set(id, String(index - printed.frontPages + 1));
    }
    if (key) storePages(key, labels);
    return labels;
  } catch (err) {
    if (options.signal?.aborted || err instanceof PlanPressError) throw err;
    throw new BrowserError(`削除した項目の前の版でのページを求めるため、前の版の冊子を印刷しましたが、失敗しました: ${(err as Error).message}`, { cause: err });
  } finally {
    temp.dispose();
  }
}
