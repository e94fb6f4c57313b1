// `plan-press diff`: the 新旧対照表 between an older version of the data and the current one, as
// a PDF. The orchestrator of the command: a draft build with the changes (in a scratch folder)
// compares the data and says on which page each changed item lands; the table is then rendered
// and printed as its own small document.
import { copyFileSync, existsSync, rmSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { build, type BuildOptions } from "../build.js";
import { fontFaces } from "../fonts.js";
import { renderShinkyu, type ShinkyuTable } from "../render/render-shinkyu.js";
import { openBrowser, raceGone, type BrowserHandle } from "../print/browser.js";
import { printDocument } from "../print/print-booklet.js";
import { finishPdf } from "../finish/finish-pdf.js";
import { temporarySibling, writeAtomic } from "../write/write-output.js";
import { makeTempDir } from "../write/temp-dirs.js";
import { formatNumber } from "../model/format.js";
import { typedDecimals } from "../validate/schema.js";
import { VERSION } from "../version.js";
import type { ChangeRow } from "./compare.js";
import { markChanges, type Segment } from "./char-diff.js";

export interface DiffOptions extends Pick<BuildOptions, "timeout" | "browserWsEndpoint" | "signal" | "onProgress" | "onNotice"> {
  /** A git revision (HEAD, a tag …) or a folder of older data. */
  from: string;
  /** The current data folder. */
  dataDir: string;
  outFile: string;
}

export interface DiffResult {
  rows: Array<ChangeRow & { page: string }>;
  since: string;
  outFile: string;
  pageCount: number;
  bytes: number;
}

/** Compares, finds each item's page in the new booklet, and prints the table. */
export async function shinkyuTaisho(options: DiffOptions): Promise<DiffResult> {
  const temp = makeTempDir("diff");
  const scratch = temp.dir;
  // The last booklet's page layout, if any, saves the build a print (it is only a hint).
  const outDir = path.dirname(path.resolve(options.outFile));
  const hint = [".action-plan-draft.pagination.json", ".action-plan.pagination.json"].map((n) => path.join(outDir, n)).find((f) => existsSync(f));
  if (hint) copyFileSync(hint, path.join(scratch, ".draft.pagination.json"));
  // The build's browser stays open for the table: one Chromium for the whole command.
  const holder: { current?: BrowserHandle } = {};
  const closeOnAbort = () => void holder.current?.close();
  options.signal?.addEventListener("abort", closeOnAbort);
  try {
    return await compareAndPrint(options, scratch, holder);
  } finally {
    options.signal?.removeEventListener("abort", closeOnAbort);
    temp.dispose();
    await holder.current?.close();
  }
}

async function compareAndPrint(options: DiffOptions, scratch: string, holder: { current?: BrowserHandle }): Promise<DiffResult> {
  const built = await build({
    dataDir: options.dataDir, outFile: path.join(scratch, "draft.pdf"), edition: "draft", changesSince: options.from,
    timeout: options.timeout, strict: false, browserWsEndpoint: options.browserWsEndpoint, browserHolder: holder,
    signal: options.signal, onProgress: options.onProgress, onNotice: options.onNotice,
  });
  const changes = built.changes!;
  const rows = changes.rows.map((row) => ({ ...row, page: row.key ? (built.pageLabels.get(row.key) ?? "") : "—" }));

  const outFile = path.resolve(options.outFile);
  const htmlFile = temporarySibling(outFile.replace(/\.pdf$/i, "") + ".html");
  const e = built.edition;
  const title = `${e.title}（${e.stage}） 新旧対照表`;
  const table: ShinkyuTable = {
    title, head: `${e.title}　新旧対照表`, afterLabel: `${e.stage} ${e.version}（${e.dayLabel}）`, beforeLabel: changes.since,
    count: rows.length, groups: [],
  };
  for (const row of rows) {
    let group = table.groups.at(-1);
    if (!group || group.name !== row.group) table.groups.push((group = { name: row.group, rows: [] }));
    group.rows.push({ item: row.item, page: row.page, numeric: row.numeric, ...segments(row) });
  }
  const html = renderShinkyu(table, { htmlDir: path.dirname(htmlFile), fonts: fontFaces() });

  try {
    writeAtomic(htmlFile, html);
    holder.current ??= await openBrowser({ wsEndpoint: options.browserWsEndpoint, timeout: options.timeout });
    const browser = holder.current;
    options.signal?.throwIfAborted();
    const printed = await raceGone(browser, printDocument(browser, { htmlFile, html, timeout: options.timeout }));
    const doc = await PDFDocument.load(printed.pdf, { updateMetadata: false });
    const pdf = await finishPdf(doc, [], new Map(), 0, {
      title, author: e.author, subject: `${e.title} 新旧対照表（${changes.since}との比較）`, keywords: [...e.keywords, "新旧対照表"],
      creator: `plan-press ${VERSION}`, date: built.documentDate,
      fingerprint: createHash("sha256").update(VERSION).update(html).digest("hex"),
    });
    options.signal?.throwIfAborted();
    writeAtomic(outFile, pdf);
    return { rows, since: changes.since, outFile, pageCount: doc.getPageCount(), bytes: pdf.byteLength };
  } finally {
    rmSync(htmlFile, { force: true });
  }
}

/** Numbers show as values (80 → 85), as typed; text is diffed by character. */
function segments(row: ChangeRow): { before: Segment[]; after: Segment[] } {
  if (row.numeric) {
    const digits = Math.max(typedDecimals(row.before || "0"), typedDecimals(row.after || "0"));
    const show = (v: string) => (v === "" ? [] : [{ text: formatNumber(Number(v), digits), changed: true }, ...(row.unit ? [{ text: row.unit, changed: false }] : [])]);
    return { before: show(row.before), after: show(row.after) };
  }
  return markChanges(row.before, row.after);
}
