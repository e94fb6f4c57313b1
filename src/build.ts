// The orchestrator: calls the stages in order and owns the browser's lifetime. Stages never
// call each other; each returns plain data for the next.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { checkData } from "./check.js";
import type { PlanData } from "./validate/validate.js";
import type { Diagnostic } from "./validate/diagnostic.js";
import type { EditionView } from "./model/types.js";
import { BINDINGS, BLEED_MM, SLUG_MM, type Binding, type EditionName } from "./editions.js";
import type { BrowserHandle } from "./print/browser.js";
import type { EarlyBrowser } from "./pipeline/early-browser.js";
import type { PaginationHint } from "./print/print-booklet.js";
import type { DocumentInfo } from "./finish/finish-pdf.js";
import { writeAtomic } from "./write/write-output.js";
import { planBuildOutput, type BookletOutput } from "./write/booklet-output.js";
import { fontFaces } from "./fonts.js";
import { DataError } from "./errors.js";
import type { ProgressListener, Stage } from "./progress.js";
import { VERSION } from "./version.js";
import type { RevisionChanges } from "./diff/revision-changes.js";
import type { OutputIntent } from "./finish/pdfx.js";
import type { WebFolder } from "./write/web-folder.js";
import { makeTempDir } from "./write/temp-dirs.js";

export interface BuildOptions {
  dataDir: string;
  outFile: string;
  edition: EditionName;
  browserWsEndpoint?: string;
  /** Milliseconds for launch, load and each print. */
  timeout: number;
  /** Warnings are errors: no PDF while any is left. */
  strict: boolean;
  onProgress?: ProgressListener;
  /** Aborting (Ctrl-C) closes the browser at once and fails the build; nothing is written. */
  signal?: AbortSignal;
  /** Things the user should know while the build goes on (a retry). */
  onNotice?: (message: string) => void;
  /** Draft only: mark what changed since this git revision or data folder, and list it at the front. */
  changesSince?: string;
  /** With changesSince: the older version's name in the documents (default: its edition.yaml's stage, version and date). */
  changesLabel?: string;
  /** Print edition: the binding, overriding the edition file's. */
  binding?: Binding;
  /** Print edition: also convert to CMYK PDF/X-3 with Ghostscript (…-pdfx.pdf). */
  pdfx?: boolean;
  /**
   * For a caller that prints more after the booklet (plan-press diff): the browser is left open
   * in `current` (the caller closes it), so one Chromium serves both.
   */
  browserHolder?: { current?: BrowserHandle };
}

export interface BuildResult {
  outFile: string;
  htmlFile: string;
  pageCount: number;
  bytes: number;
  seconds: number;
  prints: number;
  diagnostics: Diagnostic[];
  /** Pages and spreads continued on more pages because their text is longer. */
  continued: string[];
  blockedRequests: string[];
  /** Anchor → printed page label (for tests and the TOC check). */
  pageLabels: Map<string, string>;
  /** With changesSince: the changes listed and marked. */
  changes?: RevisionChanges;
  /** The edition as printed (title, stage, version, dates). */
  edition: EditionView;
  /** The date written into the PDF (SOURCE_DATE_EPOCH or the edition's date). */
  documentDate: Date;
  /** Web edition: the files written (the booklet first) and the index page. */
  web?: WebFolder;
  /** With pdfx: the press file, its PDF/X version and output intent. */
  pdfx?: { file: string; bytes: number; version: string; intent: OutputIntent };
}

export { checkData } from "./check.js";

/** Builds the booklet PDF (and its HTML) from the data folder. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  // Before anything is read: every file this build writes, decided and checked (write/output-plan.ts).
  const output = planBuildOutput(options);
  // Started once the data is valid, to start while the booklet is rendered; closed here if the
  // build ends before printing.
  const early: { browser?: EarlyBrowser } = {};
  try {
    return await buildPlanned(options, output, started, early);
  } finally {
    await early.browser?.discard();
  }
}

/** The build once its output is planned: read → render → print → finish → write. */
async function buildPlanned(options: BuildOptions, output: BookletOutput, started: number, early: { browser?: EarlyBrowser }): Promise<BuildResult> {
  let mark = started;
  const done = (stage: Stage, detail?: string) => {
    options.signal?.throwIfAborted();
    const now = performance.now();
    options.onProgress?.({ stage, ms: now - mark, detail });
    mark = now;
  };

  const fonts = fontFaces();
  const validation = checkData(options.dataDir, { edition: options.edition });
  if (!validation.data) throw new DataError(validation.diagnostics);
  if (options.strict && validation.diagnostics.length > 0) throw new DataError(validation.diagnostics.map((d) => ({ ...d, severity: "error" as const })));
  // Chromium starts first, while the other stages load and the booklet renders.
  const { earlyBrowser } = await import("./pipeline/early-browser.js");
  const browser = options.browserHolder ? undefined : (early.browser = earlyBrowser(options));
  browser?.start();
  const { convertToPdfx, finishPdf, finishWebParts, printWithBrowser, renderBooklet, resolutionProblems } = await import("./pipeline/print-stages.js");
  const warnings = validation.diagnostics.filter((d) => d.severity === "warning").length;
  done("read", `${validation.files} ファイル、${warnings ? `警告 ${warnings} 件` : "問題なし"}`);

  let changes: RevisionChanges | undefined;
  if (options.changesSince !== undefined) {
    // Only a draft compared with an older version loads the comparison.
    const { changesSince } = await import("./diff/revision-changes.js");
    changes = await changesSince(options.changesSince, options.dataDir, validation.data, validation.glyphs, { ...options, label: options.changesLabel });
    done("compare", `${changes.source} →「${changes.since}」、${changes.rows.length} 項目`);
  }

  const outFile = output.pdf;
  const htmlFile = output.html;
  // The web edition prints smaller copies of the images (removed with their folder when the build ends).
  const imageCount = Object.keys(validation.data.images).length;
  const webImages = options.edition === "web" && imageCount > 0 ? makeTempDir("web") : undefined;
  const staging = output.stage();
  try {
    const imageFiles = webImages ? await (await import("./render/downsample.js")).webImageCopies(imagePaths(validation.data), webImages.dir) : undefined;
    const { booklet, html, allowedFiles } = renderBooklet(validation.data, { edition: options.edition, htmlDir: output.dir, fonts, changes, imageFiles });
    done("render", `${booklet.terms.policy} ${booklet.counts.policies} 件、${Math.round(html.length / 1024)} KB`);

    // Chromium loads the source HTML from a temporary file at the output's depth, so relative asset
    // URLs resolve exactly as they will in the written HTML. Writing it before printing also
    // proves the place writable.
    const sourceHtml = staging.sourceHtml;
    writeAtomic(sourceHtml, html);
    const printed = await printWithBrowser(options, {
      htmlFile: sourceHtml, html, firstBodyAnchor: booklet.firstBodyAnchor, hint: readHint(output.hint),
      fontFamilies: [...new Set(fonts.map((f) => f.family))],
      allowedFiles,
      ...(options.edition === "print" ? { padTo: BINDINGS[options.binding ?? validation.data.edition.binding], padBefore: "back-cover" } : {}),
      ...(options.edition === "web" ? { partsAt: booklet.toc.filter((c) => !c.front).map((c) => c.anchor) } : {}),
    }, browser?.take());
    done("print", `${printed.doc.getPageCount()} ページ、印刷 ${printed.prints} 回`);
    const resolution = resolutionProblems(printed.images, options.edition, (name) => validation.data!.images[name]?.file);
    validation.diagnostics.push(...resolution.filter((d) => d.severity === "warning"));
    if (resolution.some((d) => d.severity === "error")) throw new DataError(resolution);

    const e = validation.data.edition;
    const info: DocumentInfo = {
      title: `${e.title}${e.stage === "策定" ? "" : `（${e.stage}）`}`,
      author: e.author,
      subject: `${e.city} ${e.title}（${booklet.edition.period}）`,
      keywords: e.keywords,
      creator: `plan-press ${VERSION}`,
      date: documentDate(e.date),
      fingerprint: createHash("sha256").update(VERSION).update(printed.html).digest("hex"),
    };
    const pdf = await finishPdf(printed.doc, booklet.toc, printed.pages, printed.frontPages, info, {
      marks: options.edition === "print" ? { trimMm: { width: 210, height: 297 }, bleedMm: BLEED_MM, slugMm: SLUG_MM } : undefined,
    });
    const webParts = await finishWebParts(printed.parts, {
      toc: booklet.toc, pages: printed.pages, frontPages: printed.frontPages, info, baseName: path.basename(outFile, ".pdf"),
    });
    done("finish", webParts.length ? `章ごとのファイル ${webParts.length} 件` : undefined);

    let pdfx: BuildResult["pdfx"];
    let pdfxBytes: Uint8Array | undefined;
    if (options.pdfx) {
      const converted = await convertToPdfx(pdf, {
        title: `${e.title}（印刷用）`, fingerprint: createHash("sha256").update(VERSION).update(printed.html).update("pdfx").digest("hex"),
        date: info.date,
        timeout: options.timeout, signal: options.signal,
      });
      pdfxBytes = converted.pdf;
      pdfx = { file: output.kind === "files" && output.pdfx ? output.pdfx : `${outFile.slice(0, -4)}-pdfx.pdf`, bytes: converted.pdf.byteLength, version: converted.version, intent: converted.intent };
      if (converted.intent.fallback) validation.diagnostics.push(fallbackProfileWarning());
      done("pdfx", `${converted.version}、${converted.intent.condition}`);
    }

    // All of the set or none of it (write/booklet-output.ts).
    options.signal?.throwIfAborted();
    const web: WebFolder | undefined = staging.commit({
      pdf, html: printed.html, hint: JSON.stringify({ version: VERSION, ...printed.hint }), pdfx: pdfxBytes, parts: webParts, edition: booklet.edition,
    });
    done("write");
    const labels = new Map<string, string>();
    for (const [anchor, index] of printed.pages) {
      const n = index - printed.frontPages + 1;
      labels.set(anchor, n >= 1 ? String(n) : "");
    }
    return {
      outFile, htmlFile, pageCount: printed.doc.getPageCount(), bytes: pdf.byteLength,
      seconds: (performance.now() - started) / 1000, prints: printed.prints,
      diagnostics: validation.diagnostics, continued: printed.continued,
      blockedRequests: printed.blockedRequests, pageLabels: labels, changes,
      edition: booklet.edition, documentDate: info.date, pdfx, web,
    };
  } finally {
    staging.dispose();
    webImages?.dispose();
  }
}

/** Image name → file, for the web edition's smaller copies. */
function imagePaths(data: PlanData): Record<string, string> {
  return Object.fromEntries(Object.values(data.images).map((image) => [image.name, image.abs]));
}

/** PDF/X made with Ghostscript's generic CMYK profile: the print shop's own is better. */
function fallbackProfileWarning(): Diagnostic {
  return {
    severity: "warning", file: "assets/icc", line: 1, column: 1, field: "",
    message: "印刷所の指定する ICC プロファイルがないため、Ghostscript 付属の CMYK プロファイル（SWOP 相当）で PDF/X にしました",
    hint: "印刷所に指定されたプロファイル（例: JapanColor2001Coated.icc）を assets/icc/ に置くと、それを出力インテントにします（assets/icc/README.md）。",
    en: "no print-shop ICC profile in assets/icc; Ghostscript's default CMYK (SWOP) profile used as output intent",
  };
}

/** Where the last build's pagination is kept (a hint for the next build, never trusted). */
function paginationHintFile(outFile: string): string {
  return path.join(path.dirname(outFile), `.${path.basename(outFile, ".pdf")}.pagination.json`);
}

/** The page numbers of the last booklet written to `outFile` (anchor → label), or none. */
export function lastPageLabels(outFile: string): Record<string, string> {
  return readHint(paginationHintFile(path.resolve(outFile)))?.labels ?? {};
}

function readHint(file: string): PaginationHint | undefined {
  try {
    const hint = JSON.parse(readFileSync(file, "utf8"));
    const plainObject = hint.labels !== null && typeof hint.labels === "object" && !Array.isArray(hint.labels);
    if (hint.version !== VERSION || !Array.isArray(hint.blanksBefore) || !plainObject) return undefined;
    return { blanksBefore: hint.blanksBefore.map(String), labels: hint.labels, pads: Number(hint.pads) || 0 };
  } catch {
    return undefined;
  }
}

/** SOURCE_DATE_EPOCH (reproducible builds) or the edition's date at 00:00 JST. */
function documentDate(isoDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${isoDate}T00:00:00+09:00`);
}
