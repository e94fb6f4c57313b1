// plan-press sheet export / import: the yearly round trip of actuals through Excel, as the
// departments answer. Both read the plan (refused with its errors if it has any); export writes
// one workbook, import one actuals file, each atomically.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkData } from "../check.js";
import { DataError, UsageError } from "../errors.js";
import { parseFiscalYear } from "../validate/schema.js";
import { fiscalYearLabel } from "../model/format.js";
import { exportSheet } from "../sheet/export-sheet.js";
import { importSheet } from "../sheet/import-sheet.js";
import { writeAtomic } from "../write/write-output.js";
import { printDiagnostics, shown } from "./terminal.js";
import type { PlanData } from "../validate/validate.js";

/** plan-press sheet export|import …; returns the exit code. */
export async function runSheet(args: string[], help: (topic: string) => number): Promise<number> {
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
    const data = plan(dataDir);
    const out = path.resolve(parsed.values.out ?? `output/jisseki-${year}.xlsx`);
    writeAtomic(out, await exportSheet(data, year));
    console.log(`${fiscalYearLabel(year, data.edition.yearStyle)}の実績シート → ${shown(out)}`);
    console.error("各課に送って、黄色の欄（実績・備考、コメント）に入力してもらい、返送されたファイルを plan-press sheet import で取り込みます。");
    return 0;
  }
  if (action === "import") {
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) throw new UsageError("取り込む Excel ファイルを1つ指定してください。例: plan-press sheet import jisseki-2025.xlsx");
    if (!existsSync(file)) throw new UsageError(`ファイルがありません: ${file}`);
    const data = plan(dataDir);
    const result = await importSheet(data, readFileSync(file), shown(path.resolve(file)), year);
    if (!result.yaml) throw new DataError(result.diagnostics, "実績のファイルは書き換えていません。");
    const target = path.join(dataDir, "actuals", `${result.year}.yaml`);
    const before = existsSync(target) ? readFileSync(target, "utf8") : undefined;
    const label = fiscalYearLabel(result.year!, data.edition.yearStyle);
    if (before === result.yaml) {
      console.log(`変更はありません: ${shown(target)} は取り込んだ内容と同じです。`);
      return 0;
    }
    writeAtomic(target, result.yaml);
    console.log(`${label}の実績を取り込みました（実績値 ${result.counts.values} 件、空欄 ${result.counts.blanks} 件、コメント ${result.counts.comments} 件） → ${shown(target)}`);
    return 0;
  }
  throw new UsageError(`sheet の後には export か import を指定してください（いまは「${action}」）。`);
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
