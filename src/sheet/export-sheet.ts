// `plan-press sheet export --year YYYY`: the workbook departments fill in each year. One row per
// indicator and project target; every column but the year's 実績 and 備考 is locked (the sheet is
// protected without a password, so nobody changes them by accident); the 実績 cells accept
// numbers only. A second sheet takes each 重点施策's 評価・課題・今後の方向.
import ExcelJS from "exceljs";
import type { PlanData } from "../validate/validate.js";
import { fiscalYearLabel } from "../model/format.js";
import { pastYears, sheetColumns, sheetRows } from "../progress/sheet-rows.js";

export const ACTUALS_SHEET = "実績";
export const COMMENTS_SHEET = "コメント";
export const INFO_SHEET = "plan-press";
/** What the hidden info sheet's first cell says: how the import knows its own workbooks. */
export const INFO_MARK = "plan-press 実績シート";
/** Hidden too: what each open cell held when exported, so an import takes only what was changed in it (merge-actuals.ts). */
export const BASE_SHEET = "plan-press-base";
export const COMMENT_COLUMNS = [
  { id: "policy", header: "重点施策", width: 10, locked: true },
  { id: "title", header: "名称", width: 34, locked: true },
  { id: "department", header: "所管課", width: 16, locked: true },
  { id: "evaluation", header: "評価", width: 40, locked: false },
  { id: "issues", header: "課題", width: 40, locked: false },
  { id: "next", header: "今後の方向", width: 40, locked: false },
] as const;

const HEAD_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FF006B7D" } } as const;
const OPEN_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF7D6" } } as const;

/** The workbook for `year` as bytes. */
export async function exportSheet(data: PlanData, year: number): Promise<Uint8Array> {
  const style = data.edition.yearStyle;
  const wb = new ExcelJS.Workbook();
  wb.creator = "plan-press";
  // Dated by the edition, not the clock: the same data gives the same workbook contents.
  wb.created = new Date(`${data.edition.date}T00:00:00+09:00`);
  wb.modified = wb.created;

  const columns = sheetColumns(year, pastYears(data, year), style);
  const ws = wb.addWorksheet(ACTUALS_SHEET, { views: [{ state: "frozen", xSplit: 1, ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ key: c.id, header: c.header, width: c.width }));
  head(ws.getRow(1));
  for (const row of sheetRows(data, year)) {
    const values: Record<string, unknown> = { ...row, ...Object.fromEntries(Object.entries(row.past).map(([y, v]) => [`past-${y}`, v === "" ? null : Number(v)])) };
    const added = ws.addRow(columns.map((c) => values[c.id] ?? null));
    columns.forEach((c, i) => {
      const cell = added.getCell(i + 1);
      cell.alignment = { vertical: "top", wrapText: !c.id.startsWith("past") && c.id !== "actual" };
      if (c.locked) return;
      cell.protection = { locked: false };
      cell.fill = OPEN_FILL;
      if (c.id === "actual") {
        cell.dataValidation = {
          type: "decimal", operator: "between", allowBlank: true, formulae: [-1e15, 1e15], showErrorMessage: true,
          errorTitle: "数値を入力してください", error: "実績値は半角数字だけで入力します（単位は書きません）。まだ分からないときは空欄のままにしてください。",
        };
      }
    });
  }
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const cs = wb.addWorksheet(COMMENTS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  cs.columns = COMMENT_COLUMNS.map((c) => ({ key: c.id, header: c.header, width: c.width }));
  head(cs.getRow(1));
  for (const policy of data.policies) {
    const comment = data.actuals[year]?.comments[policy.id] ?? {};
    const added = cs.addRow([policy.id, policy.title, policy.department ?? "", comment.evaluation ?? null, comment.issues ?? null, comment.next ?? null]);
    COMMENT_COLUMNS.forEach((c, i) => {
      const cell = added.getCell(i + 1);
      cell.alignment = { vertical: "top", wrapText: true };
      if (!c.locked) {
        cell.protection = { locked: false };
        cell.fill = OPEN_FILL;
      }
    });
  }
  await cs.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const help = wb.addWorksheet("説明");
  help.getColumn(1).width = 100;
  for (const line of [
    `${data.edition.title}　${fiscalYearLabel(year, style)}の実績の照会`,
    "",
    `1. シート「${ACTUALS_SHEET}」の黄色の欄（${fiscalYearLabel(year, style)}実績、備考）に入力してください。ほかの欄は変更できません。`,
    "2. 実績値は半角数字だけで入力します（単位は書きません）。まだ分からない指標は空欄のままにします。",
    `3. シート「${COMMENTS_SHEET}」の黄色の欄に、重点施策ごとの評価・課題・今後の方向を書いてください。`,
    "4. 行を並べ替えたり、削除したりしないでください（キーの列で指標を見分けます）。",
    "5. 入力が済んだら、企画担当課に返送してください。",
  ]) help.addRow([line]);
  help.getRow(1).font = { bold: true, size: 12 };

  // Which year and plan the workbook is for, where nobody edits it.
  const info = wb.addWorksheet(INFO_SHEET, { state: "veryHidden" });
  info.addRow([INFO_MARK]);
  info.addRow([year]);
  info.addRow([data.edition.title]);
  const base = wb.addWorksheet(BASE_SHEET, { state: "veryHidden" });
  for (const row of sheetRows(data, year)) base.addRow(["actual", row.key, row.actual ?? null, row.note ?? null]);
  for (const policy of data.policies) {
    const comment = data.actuals[year]?.comments[policy.id] ?? {};
    base.addRow(["comment", policy.id, comment.evaluation ?? null, comment.issues ?? null, comment.next ?? null]);
  }

  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function head(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: "FFFFFFFF" } };
  row.alignment = { vertical: "middle", wrapText: true };
  row.eachCell((cell) => (cell.fill = HEAD_FILL));
  row.height = 30;
}
