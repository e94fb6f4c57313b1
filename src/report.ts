// `plan-press report --year YYYY`: the yearly progress report, to the booklet's standard (true
// TOC, bookmarks, page labels, fonts checked, deterministic, written atomically). It runs the
// same stages as the booklet through the shared runner: load → validate → model → render →
// print → finish → write.
import path from "node:path";
import { createHash } from "node:crypto";
import { checkData } from "./check.js";
import { DataError } from "./errors.js";
import { fontFaces } from "./fonts.js";
import { reportModel } from "./progress/report-model.js";
import { renderReport } from "./render/render-report.js";
import { VERSION } from "./version.js";
import { fiscalYearLabel } from "./model/format.js";
import { printDocumentSet, type RunOptions } from "./pipeline/run-print.js";
import type { Diagnostic } from "./validate/diagnostic.js";
import type { SinglePlan } from "./write/output-plan.js";

export interface ReportOptions extends RunOptions {
  dataDir: string;
  /** Where the report goes, decided and checked before anything is read (write/output-plan.ts). */
  output: SinglePlan;
  year: number;
}

export interface ReportResult {
  outFile: string;
  pageCount: number;
  bytes: number;
  seconds: number;
  diagnostics: Diagnostic[];
  /** Indicators per status, for the terminal. */
  total: Record<string, number>;
  pageLabels: Map<string, string>;
}

/** Builds the progress report of `year`. */
export async function report(options: ReportOptions): Promise<ReportResult> {
  const started = performance.now();
  const checked = checkData(options.dataDir);
  if (!checked.data) throw new DataError(checked.diagnostics, "報告書は作成していません（前回の報告書はそのままです）。");
  const data = checked.data;
  const diagnostics = checked.diagnostics.filter((d) => d.severity === "warning" && !d.file.includes("sdgs-icons"));
  if (!data.actuals[options.year]) {
    diagnostics.push({
      severity: "warning", file: path.join(path.relative(process.cwd(), options.dataDir) || ".", "actuals", `${options.year}.yaml`), line: 1, column: 1, field: "",
      message: `${fiscalYearLabel(options.year, data.edition.yearStyle)}の実績値がありません（すべて「未把握」になります）`,
      hint: `plan-press sheet export --year ${options.year} で照会し、返送された Excel を plan-press sheet import で取り込んでください。`,
      en: "no actuals for the year",
    });
  }
  const view = reportModel(data, options.year);
  const outFile = options.output.pdf;
  const fonts = fontFaces();
  const html = renderReport(view, { htmlDir: path.dirname(outFile), fonts });
  const printed = await printDocumentSet({
    ...options, html, output: options.output, toc: view.toc, firstBodyAnchor: view.firstBodyAnchor,
    info: {
      title: `${view.title}${data.edition.stage === "策定" ? "" : `（${data.edition.stage}）`}`,
      author: data.edition.author,
      subject: `${data.edition.city} ${data.edition.title} 進行管理（${view.yearLabel}）`,
      keywords: [...data.edition.keywords, "進行管理"],
      creator: `plan-press ${VERSION}`,
      date: documentDate(data.edition.date),
      fingerprint: createHash("sha256").update(VERSION).update(html).digest("hex"),
    },
  });
  return {
    outFile, pageCount: printed.pageCount, bytes: printed.bytes, seconds: (performance.now() - started) / 1000,
    diagnostics, total: view.summary.total, pageLabels: printed.pageLabels,
  };
}

/** SOURCE_DATE_EPOCH (reproducible builds) or the edition's date at 00:00 JST. */
function documentDate(isoDate: string): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${isoDate}T00:00:00+09:00`);
}
