// `plan-press diff`: the 新旧対照表 between an older version of the data and the current one, as
// a PDF. The orchestrator of the command: a draft build with the changes (in a scratch folder)
// compares the data and says on which page each changed item lands; the table is then rendered
// and printed as its own small document. Every scratch file (the build, the table's HTML) is in
// one temporary folder, never beside the output.
import { copyFileSync, existsSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { build, type BuildOptions } from "../build.js";
import { fontFaces } from "../fonts.js";
import { renderShinkyu, type ShinkyuTable } from "../render/render-shinkyu.js";
import { openBrowser, raceGone, type BrowserHandle } from "../print/browser.js";
import { printDocument } from "../print/print-booklet.js";
import { finishPdf } from "../finish/finish-pdf.js";
import { writeAtomic } from "../write/write-output.js";
import { makeTempDir } from "../write/temp-dirs.js";
import { formatNumber } from "../model/format.js";
import { typedDecimals } from "../validate/schema.js";
import { VERSION } from "../version.js";
import { PlanPressError } from "../errors.js";
import type { ChangeRow } from "./compare.js";
import { diffPhrases, type Segment } from "./phrase-diff.js";
import { editionLabel } from "./revision-changes.js";

export interface DiffOptions extends Pick<BuildOptions, "timeout" | "browserWsEndpoint" | "signal" | "onProgress" | "onNotice"> {
  /** A git revision (HEAD, a tag …) or a folder of older data. */
  from: string;
  /** The older version's name in the table (default: its edition.yaml's stage, version and date). */
  label?: string;
  /** The current data folder. */
  dataDir: string;
  outFile: string;
}

export interface DiffResult {
  rows: Array<ChangeRow & { page: string }>;
  /** The older version's name in the table. */
  since: string;
  /** What was read, for the terminal only (may name a git revision). */
  source: string;
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
    dataDir: options.dataDir, outFile: path.join(scratch, "draft.pdf"), edition: "draft", changesSince: options.from, changesLabel: options.label,
    timeout: options.timeout, strict: false, browserWsEndpoint: options.browserWsEndpoint, browserHolder: holder,
    signal: options.signal, onProgress: options.onProgress, onNotice: options.onNotice,
  });
  const changes = built.changes!;
  const rows = changes.rows.map((row) => ({ ...row, page: pageOf(row, built.pageLabels) }));

  const outFile = path.resolve(options.outFile);
  const htmlFile = path.join(scratch, "shinkyu-taisho.html");
  const e = built.edition;
  const title = `${e.title}（${e.stage}） 新旧対照表`;
  const table: ShinkyuTable = {
    title, head: `${e.title}　新旧対照表`, afterLabel: editionLabel(e), beforeLabel: changes.since,
    count: rows.length, groups: [],
  };
  for (const row of rows) {
    let group = table.groups.at(-1);
    if (!group || group.name !== row.group) table.groups.push((group = { name: row.group, rows: [] }));
    group.rows.push({ kind: KIND[row.kind], item: row.item, page: row.page, numeric: row.numeric, ...segments(row) });
  }
  const fonts = fontFaces();
  const html = renderShinkyu(table, { htmlDir: scratch, fonts });

  writeAtomic(htmlFile, html);
  holder.current ??= await openBrowser({ wsEndpoint: options.browserWsEndpoint, timeout: options.timeout });
  const browser = holder.current;
  options.signal?.throwIfAborted();
  // The fence lets the page load its font files by name, as the booklet's does: they may lie
  // outside the project (node_modules linked from elsewhere), where the default fence stops them.
  const page: Parameters<typeof printDocument>[1] & { allowedFiles: string[] } = { htmlFile, html, timeout: options.timeout, allowedFiles: fonts.map((f) => f.file) };
  const printed = await raceGone(browser, printDocument(browser, page));
  if (printed.blockedRequests.length > 0) throw new PlanPressError(`新旧対照表の印刷で、読み込めないファイルがありました: ${printed.blockedRequests.slice(0, 3).join(" ")}`);
  const doc = await PDFDocument.load(printed.pdf, { updateMetadata: false });
  const pdf = await finishPdf(doc, [], new Map(), 0, {
    title, author: e.author, subject: `${e.title} 新旧対照表（${changes.since}との比較）`, keywords: [...e.keywords, "新旧対照表"],
    creator: `plan-press ${VERSION}`, date: built.documentDate,
    fingerprint: createHash("sha256").update(VERSION).update(html).digest("hex"),
  });
  options.signal?.throwIfAborted();
  writeAtomic(outFile, pdf);
  return { rows, since: changes.since, source: changes.source, outFile, pageCount: doc.getPageCount(), bytes: pdf.byteLength };
}

/** Said before the item; a plain change needs no word. */
const KIND: Record<ChangeRow["kind"], string> = { changed: "", added: "新設", removed: "削除", moved: "移動" };

/** The page column: the page in the new booklet; a removed item's page in the old one (旧 p.57); the cover. */
function pageOf(row: ChangeRow, labels: Map<string, string>): string {
  if (row.key) return labels.get(row.key) ?? "";
  if (row.oldPage) return `旧 p.${row.oldPage}`;
  return row.place ?? "—";
}

/** Numbers show as values (80 → 85), as typed; text by changed words. An added or removed item's
 * summary is left plain: its kind and the （新設）/（削除） cell say it, and a struck-through block reads badly. */
function segments(row: ChangeRow): { before: Segment[]; after: Segment[] } {
  if (row.numeric) {
    const digits = Math.max(typedDecimals(row.before || "0"), typedDecimals(row.after || "0"));
    const show = (v: string) => (v === "" ? [] : [{ text: formatNumber(Number(v), digits), changed: true }, ...(row.unit ? [{ text: row.unit, changed: false }] : [])]);
    return { before: show(row.before), after: show(row.after) };
  }
  const whole = (text: string) => (text === "" ? [] : [{ text, changed: false }]);
  if (row.kind === "added" || row.kind === "removed") return { before: whole(row.before), after: whole(row.after) };
  return diffPhrases(row.before, row.after);
}
