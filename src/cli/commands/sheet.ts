// plan-press sheet export / import: the yearly round trip of actuals through Excel, as the
// departments answer. Both read the plan (refused with its errors if it has any); export writes
// one workbook, import one actuals file, each atomically.
import { lstatSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkData } from "../../check.js";
import { DataError, UsageError } from "../../errors.js";
import { parseFiscalYear } from "../../validate/schema.js";
import { fiscalYearLabel } from "../../model/format.js";
import { writeAtomic, writeNew } from "../../write/write-output.js";
import { notRegular, planNewFile } from "../../write/output-plan.js";
import { readDataBytes } from "../../load/read-file.js";
import type { Diagnostic } from "../../validate/diagnostic.js";
import { printDiagnostics, shown } from "../terminal.js";
import { help } from "../command-line.js";
import type { PlanData } from "../../validate/validate.js";

/** plan-press sheet export|import …; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  if (!action || action === "--help" || action === "-h") return help("sheet");
  let parsed;
  try {
    parsed = parseArgs({
      args: rest, allowPositionals: true, strict: true,
      options: { data: { type: "string", default: "data" }, year: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (err) {
    throw new UsageError(`オプションが正しくありません: ${(err as Error).message}`);
  }
  if (parsed.values.help) return help("sheet");
  const year = parsed.values.year === undefined ? undefined : yearOption(parsed.values.year);
  const dataDir = path.resolve(parsed.values.data!);
  if (action === "export") {
    if (year === undefined) throw new UsageError("--year で実績の年度を指定してください。例: plan-press sheet export --year 2025");
    // Decided and checked before the plan is read: a new file, never over an earlier workbook.
    const out = planNewFile(parsed.values.out ?? "output/", `jisseki-${year}.xlsx`, ".xlsx", [{ path: dataDir, label: "データのフォルダ" }]);
    const data = plan(dataDir);
    const { exportSheet } = await import("../../sheet/export-sheet.js");
    writeNew(out, await exportSheet(data, year));
    console.log(`${fiscalYearLabel(year, data.edition.yearStyle)}の実績シート → ${shown(out)}`);
    console.error("各課に送って、黄色の欄（実績・備考、コメント）に入力してもらい、返送されたファイルを plan-press sheet import で取り込みます。");
    console.error("複数の課から返送されたときは、1つずつ取り込みます（それぞれの課が変えた欄だけが実績のファイルに入ります）。");
    return 0;
  }
  if (action === "import") {
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) throw new UsageError("取り込む Excel ファイルを1つ指定してください。例: plan-press sheet import jisseki-2025.xlsx");
    const workbook = readWorkbook(file);
    const data = plan(dataDir);
    const target = (y: number) => path.join(dataDir, "actuals", `${y}.yaml`);
    const current = (y: number) => actualsText(target(y));
    const { importSheet } = await import("../../sheet/import-sheet.js");
    const result = await importSheet(data, workbook, shown(path.resolve(file)), year, current);
    if (result.diagnostics.length > 0 || result.year === undefined) throw new DataError(result.diagnostics, "実績のファイルは書き換えていません。");
    const label = fiscalYearLabel(result.year, data.edition.yearStyle);
    const actualsFile = target(result.year);
    if (!result.yaml) {
      console.log(`変更はありません: ${shown(actualsFile)} には、このファイルの内容がすでに入っています。`);
      return 0;
    }
    // The file must still be what the merge started from (someone may have saved it meanwhile).
    const before = current(result.year);
    if (before !== actualsText(actualsFile)) throw new UsageError(`${shown(actualsFile)} が取り込みの途中で変更されました。実績のファイルは書き換えていません。もう一度取り込んでください。`);
    writeAtomic(actualsFile, result.yaml);
    const c = result.counts.changed!;
    const parts = [c.added && `追加 ${c.added} 件`, c.updated && `修正 ${c.updated} 件`, c.removed && `削除 ${c.removed} 件`, c.comments && `コメント ${c.comments} 欄`].filter(Boolean);
    console.log(`${label}の実績を取り込みました（${parts.join("、")}） → ${shown(actualsFile)}`);
    console.error("このファイルで変えられていない欄は、実績のファイルのまま残しています。");
    return 0;
  }
  throw new UsageError(`sheet の後には export か import を指定してください（いまは「${action}」）。`);
}

/** The workbook's bytes: a regular file of reasonable size (a FIFO or a device is refused, not read). */
function readWorkbook(file: string): Uint8Array {
  const diagnostics: Diagnostic[] = [];
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw new UsageError(`ファイルがありません: ${file}`);
  }
  const bytes = readDataBytes(real, path.dirname(real), shown(path.resolve(file)), diagnostics, MAX_WORKBOOK_BYTES);
  if (!bytes) throw new DataError(diagnostics, "実績のファイルは書き換えていません。");
  return bytes;
}

/** Returned workbooks are well under a megabyte; anything far larger is not one. */
const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

/** The actuals file's text, undefined when there is none; refused when it is a link or not a regular file (it is replaced whole). */
function actualsText(file: string): string | undefined {
  const stat = lstatSync(file, { throwIfNoEntry: false });
  if (!stat) return undefined;
  if (!stat.isFile()) throw new UsageError(`${shown(file)} ${notRegular(stat)}実績のファイルは書き換えられるよう、ファイルそのものを置いてください。実績のファイルは書き換えていません。`);
  return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
}

/** The plan, or its errors (a sheet of a broken plan would be wrong). */
function plan(dataDir: string): PlanData {
  const result = checkData(dataDir);
  if (!result.data) throw new DataError(result.diagnostics, "計画のデータを直してから、もう一度実行してください。");
  printDiagnostics(result.diagnostics.filter((d) => d.severity === "warning" && !d.file.includes("sdgs-icons")));
  return result.data;
}

function yearOption(value: string): number {
  const year = parseFiscalYear(value);
  if (year === undefined) throw new UsageError(`--year に年度（2025、2025年度、令和7年度）を指定してください（いまは「${value}」）。`);
  return year;
}
