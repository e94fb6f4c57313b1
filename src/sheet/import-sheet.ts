// `plan-press sheet import FILE.xlsx`: reads a returned workbook and turns it into the year's
// actuals file. Every row is checked against the plan: an unknown or doubled key, a missing row,
// a locked cell that was changed, text where a number belongs — each reported with its
// sheet!cell in Japanese. Nothing is written unless the whole workbook is right.
import ExcelJS from "exceljs";
import { applyChanges, mergeCell, sameEntry, sameText, type ActualsChanges, type Entry } from "./merge-actuals.js";
import type { PlanData } from "../validate/validate.js";
import { parseNumber } from "../validate/schema.js";
import type { Diagnostic } from "../validate/diagnostic.js";
import { fiscalYearLabel } from "../model/format.js";
import { pastYears, sheetColumns, sheetRows } from "../progress/sheet-rows.js";
import { ACTUALS_SHEET, BASE_SHEET, COMMENTS_SHEET, COMMENT_COLUMNS, INFO_MARK, INFO_SHEET } from "./export-sheet.js";

export interface SheetImport {
  year?: number;
  /** The actuals file's new text (when the workbook had no error and changes something). */
  yaml?: string;
  changes?: ActualsChanges;
  diagnostics: Diagnostic[];
  counts: { values: number; blanks: number; comments: number; changed?: { added: number; updated: number; removed: number; comments: number } };
}

/** Checks a returned workbook against the plan and makes the actuals file of its year. */
export async function importSheet(data: PlanData, bytes: Uint8Array, fileName: string, requestedYear: number | undefined, currentText: (year: number) => string | undefined): Promise<SheetImport> {
  const diagnostics: Diagnostic[] = [];
  const counts: SheetImport["counts"] = { values: 0, blanks: 0, comments: 0 };
  const problem = (sheet: string, row: number, col: number, message: string, hint: string, en: string) =>
    diagnostics.push({ severity: "error", file: fileName, line: row, column: col, field: `${sheet}!${cellName(row, col)}`, message, hint, en });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    diagnostics.push({ severity: "error", file: fileName, line: 1, column: 1, field: "", message: "Excel のファイル（.xlsx）として読めません", hint: "plan-press sheet export で書き出したファイルを、Excel の形式（.xlsx）のまま保存して返送してもらってください。", en: "not an xlsx workbook" });
    return { diagnostics, counts };
  }
  const ws = wb.getWorksheet(ACTUALS_SHEET);
  if (!ws) {
    diagnostics.push({ severity: "error", file: fileName, line: 1, column: 1, field: "", message: `シート「${ACTUALS_SHEET}」がありません`, hint: "plan-press sheet export で書き出したファイルを使ってください（シートの名前は変えないでください）。", en: "actuals sheet missing" });
    return { diagnostics, counts };
  }
  const year = workbookYear(wb, ws, data, requestedYear, diagnostics, fileName);
  if (year === undefined) return { diagnostics, counts };

  const style = data.edition.yearStyle;
  const columns = sheetColumns(year, pastYears(data, year), style);
  columns.forEach((c, i) => {
    const found = text(ws.getCell(1, i + 1).value);
    if (found !== c.header) problem(ACTUALS_SHEET, 1, i + 1, `見出しが「${c.header}」ではありません（いまは「${found}」）`, "列を入れ替えたり、追加・削除したりしないでください。書き出したときの並びに戻してください。", "header changed");
  });
  if (diagnostics.length > 0) return { diagnostics, counts };

  const expected = new Map(sheetRows(data, year).map((r) => [r.key, r]));
  const seen = new Map<string, number>();
  const inSheet = new Map<string, { entry: Entry; row: number }>();
  const keyCol = columns.findIndex((c) => c.id === "key") + 1;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = columns.map((_, i) => row.getCell(i + 1).value);
    if (cells.every((v) => text(v) === "")) continue;
    const key = text(row.getCell(keyCol).value);
    const want = expected.get(key);
    if (!want) {
      problem(ACTUALS_SHEET, r, keyCol, `キー「${key}」の指標は、この計画にありません`, "行を追加せず、書き出したときの行だけを使ってください。", `unknown key ${key}`);
      continue;
    }
    if (seen.has(key)) {
      problem(ACTUALS_SHEET, r, keyCol, `キー「${key}」の行が2つあります（${seen.get(key)} 行目と同じ）`, "重複した行を削除してください。", `duplicate key ${key}`);
      continue;
    }
    seen.set(key, r);
    const shown: Record<string, unknown> = { ...want, ...Object.fromEntries(Object.entries(want.past).map(([y, v]) => [`past-${y}`, v])) };
    columns.forEach((c, i) => {
      if (!c.locked || c.id === "key") return;
      const now = text(cells[i]);
      const was = text(shown[c.id] ?? "");
      const same = c.id.startsWith("past-") ? (parseNumber(now) ?? now) === (parseNumber(was) ?? was) : now === was;
      if (!same) problem(ACTUALS_SHEET, r, i + 1, `変更できない欄「${c.header}」が変更されています（元の値:「${was}」、いまの値:「${now}」）`, "この欄は元に戻してください。内容の誤りは、企画担当課に連絡してください。", "locked cell changed");
    });
    const actualCol = columns.findIndex((c) => c.id === "actual");
    const noteCol = columns.findIndex((c) => c.id === "note");
    const raw = cells[actualCol];
    const note = text(cells[noteCol]);
    if (text(raw) === "") {
      counts.blanks++;
      continue;
    }
    const value = number(raw);
    if (value === undefined) {
      problem(ACTUALS_SHEET, r, actualCol + 1, `実績値の欄に数値ではない文字「${text(raw)}」が入力されています`, "半角数字だけを入力してください（単位や「約」は書かず、説明は備考の欄に書きます）。まだ分からないときは空欄にします。", "text in a number cell");
      continue;
    }
    counts.values++;
    inSheet.set(key, { entry: note ? { value, note } : { value }, row: r });
  }
  for (const [key, row] of expected) {
    if (!seen.has(key)) problem(ACTUALS_SHEET, ws.rowCount + 1, keyCol, `キー「${key}」（${row.name}）の行がありません`, "削除した行を元に戻してください（書き出し直したファイルから行をコピーできます）。", `row ${key} missing`);
  }
  const comments = readComments(wb, data, problem, counts);
  if (diagnostics.length > 0) return { year, diagnostics, counts };

  // Only what was changed in this workbook since its export goes into the file (merge-actuals.ts).
  const base = exportedValues(wb);
  const inFile = data.actuals[year];
  const changes: ActualsChanges = { values: [], comments: [] };
  const actualColumn = columns.findIndex((c) => c.id === "actual") + 1;
  const conflict = (sheet: string, row: number, col: number, what: string, mine: string, theirs: string, was: string) =>
    problem(sheet, row, col,
      `${what}「${mine || "（空欄）"}」を取り込めません。実績ファイルの値が、このシートを書き出した後に「${was || "（空欄）"}」から「${theirs || "（空欄）"}」に変わっています`,
      `どちらが正しいか確かめてください。Excel の値が正しければ実績ファイル（${inFile?.file ?? `actuals/${year}.yaml`}）のこの値を Excel と同じにし、ファイルの値が正しければ Excel のこの欄をファイルと同じにしてから、もう一度取り込みます。`,
      "changed in both the workbook and the file");
  const shownEntry = (e: Entry | undefined) => (e ? `${e.value}${e.note ? `（備考: ${e.note}）` : ""}` : "");
  for (const [key, row] of seen) {
    const sheet = inSheet.get(key)?.entry;
    const file = inFile?.values[key];
    const merged = mergeCell<Entry>({ ...(base ? { base: { value: base.values.get(key) } } : {}), sheet, file }, sameEntry);
    if (merged.kind === "set") changes.values.push({ key, entry: merged.value });
    if (merged.kind === "conflict") conflict(ACTUALS_SHEET, row, actualColumn, "実績値", shownEntry(sheet), shownEntry(file), shownEntry(base?.values.get(key)));
  }
  for (const { policy, row, fields } of comments) {
    COMMENT_COLUMNS.slice(3).forEach((c, i) => {
      const sheet = fields[c.id];
      const file = inFile?.comments[policy]?.[c.id as "evaluation"];
      const merged = mergeCell<string>({ ...(base ? { base: { value: base.comments.get(policy)?.[c.id] } } : {}), sheet, file }, sameText);
      if (merged.kind === "set") changes.comments.push({ policy, field: c.id, text: merged.value });
      if (merged.kind === "conflict") conflict(COMMENTS_SHEET, row, i + 4, c.header, sheet ?? "", file ?? "", base?.comments.get(policy)?.[c.id] ?? "");
    });
  }
  if (diagnostics.length > 0) return { year, diagnostics, counts };
  const header = [
    "# yaml-language-server: $schema=../../schema/actuals.schema.json",
    `# ${fiscalYearLabel(year, style)}の実績値。plan-press sheet import で「${fileName.replace(/^.*[\\/]/, "")}」から作成しました。`,
    "# 値を直すときは、このファイルを直接直すか、Excel で直して取り込み直してください。",
  ].join("\n");
  const touched = changes.values.length + changes.comments.length;
  const added = changes.values.filter((c) => c.entry && !inFile?.values[c.key]).length;
  const removed = changes.values.filter((c) => !c.entry).length;
  counts.changed = { added, updated: changes.values.length - added - removed, removed, comments: changes.comments.length };
  if (touched === 0) return { year, diagnostics, counts, changes };
  return { year, yaml: applyChanges(currentText(year), header, year, changes), diagnostics, counts, changes };
}

/** What the workbook's open cells held when it was exported, or undefined when its hidden sheet was lost. */
function exportedValues(wb: ExcelJS.Workbook): { values: Map<string, Entry | undefined>; comments: Map<string, Record<string, string | undefined>> } | undefined {
  const sheet = wb.getWorksheet(BASE_SHEET);
  if (!sheet) return undefined;
  const values = new Map<string, Entry | undefined>();
  const comments = new Map<string, Record<string, string | undefined>>();
  for (let r = 1; r <= sheet.rowCount; r++) {
    const cells = [1, 2, 3, 4, 5].map((c) => sheet.getRow(r).getCell(c).value);
    const id = text(cells[1]);
    if (text(cells[0]) === "actual") {
      const value = number(cells[2]);
      const note = text(cells[3]);
      values.set(id, value === undefined ? undefined : note ? { value, note } : { value });
    } else if (text(cells[0]) === "comment") {
      comments.set(id, Object.fromEntries(COMMENT_COLUMNS.slice(3).map((c, i) => [c.id, text(cells[i + 2]) || undefined])));
    }
  }
  return { values, comments };
}

/** The 評価・課題・今後の方向 of each 重点施策, checked like the actuals. */
function readComments(
  wb: ExcelJS.Workbook, data: PlanData,
  problem: (sheet: string, row: number, col: number, message: string, hint: string, en: string) => void,
  counts: SheetImport["counts"],
): Array<{ policy: string; row: number; fields: Record<string, string | undefined> }> {
  const cs = wb.getWorksheet(COMMENTS_SHEET);
  const out: Array<{ policy: string; row: number; fields: Record<string, string | undefined> }> = [];
  if (!cs) return out;
  const policies = new Map(data.policies.map((p) => [p.id, p]));
  for (let r = 2; r <= cs.rowCount; r++) {
    const cells = COMMENT_COLUMNS.map((_, i) => text(cs.getRow(r).getCell(i + 1).value));
    if (cells.every((c) => c === "")) continue;
    const policy = policies.get(cells[0]!);
    if (!policy) {
      problem(COMMENTS_SHEET, r, 1, `重点施策「${cells[0]}」は、この計画にありません`, "行を追加せず、書き出したときの行だけを使ってください。", "unknown policy");
      continue;
    }
    const expected = [policy.id, policy.title, policy.department ?? ""];
    for (let i = 1; i < 3; i++) {
      if (cells[i] !== expected[i]) problem(COMMENTS_SHEET, r, i + 1, `変更できない欄「${COMMENT_COLUMNS[i]!.header}」が変更されています（元の値:「${expected[i]}」）`, "この欄は元に戻してください。", "locked cell changed");
    }
    const fields = Object.fromEntries(COMMENT_COLUMNS.slice(3).map((c, i) => [c.id, cells[i + 3] || undefined]));
    if (Object.values(fields).some((v) => v !== undefined)) counts.comments++;
    out.push({ policy: policy.id, row: r, fields });
  }
  return out;
}

/** The year the workbook is for: from its hidden info sheet, else its 実績 column's head; --year must agree. */
function workbookYear(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, data: PlanData, requested: number | undefined, diagnostics: Diagnostic[], fileName: string): number | undefined {
  const info = wb.getWorksheet(INFO_SHEET);
  let year = info && text(info.getCell(1, 1).value) === INFO_MARK ? Number(text(info.getCell(2, 1).value)) : undefined;
  if (!year) {
    // A program that drops hidden sheets: the year is in the head of the column to fill in.
    for (let c = 1; c <= ws.columnCount; c++) {
      const head = text(ws.getCell(1, c).value);
      const y = [...new Set(Array.from({ length: 80 }, (_, k) => 1990 + k))].find((y) => head === `${fiscalYearLabel(y, data.edition.yearStyle)}実績`);
      if (y && ws.getCell(1, c + 1) && text(ws.getCell(1, c + 1).value) === "備考") year = y;
    }
  }
  const fail = (message: string, hint: string) => {
    diagnostics.push({ severity: "error", file: fileName, line: 1, column: 1, field: "", message, hint, en: "workbook year" });
    return undefined;
  };
  if (!year) return fail("どの年度の実績シートか分かりません", "plan-press sheet export で書き出したファイルを使うか、--year で年度を指定してください。");
  if (requested !== undefined && requested !== year) return fail(`このファイルは ${fiscalYearLabel(year, data.edition.yearStyle)}の実績シートです（--year ${requested} と違います）`, "--year を確かめるか、省略してください。");
  return year;
}

/** A cell's value as the text a person sees (formulas by their result, rich text joined). */
function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    const v = value as { result?: unknown; richText?: Array<{ text: string }>; text?: string };
    if ("result" in v) return text(v.result);
    if (v.richText) return v.richText.map((p) => p.text).join("").trim();
    if (typeof v.text === "string") return v.text.trim();
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value).trim();
}

/** A number typed, computed by a formula, or written as digits (全角 too); undefined for any other text. */
function number(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (value && typeof value === "object" && "result" in (value as object)) return number((value as { result: unknown }).result);
  if (typeof value === "string") return parseNumber(value);
  return undefined;
}

/** Row 12, column 11 → "K12". */
export function cellName(row: number, col: number): string {
  let name = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return `${name}${row}`;
}
