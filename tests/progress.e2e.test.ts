// 進行管理, the yearly cycle as staff run it: export the workbook, have it filled in by another
// program (SheetJS here, not the library that wrote it), import it, and print the report — for
// a rising, a falling (減少), a cumulative and a 維持 indicator of the other city's plan.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import XLSX from "xlsx";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { checkData } from "../src/build.js";
import { main } from "../src/cli.js";
import { reportModel } from "../src/progress/report-model.js";
import { flatten, pageText, qpdfJson, run } from "./helpers/pdf-tools.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const cli = (...args: string[]) => spawnSync("node", [path.join(ROOT, "bin/plan-press.js"), ...args], { encoding: "utf8" });

/**
 * plan-press sheet in this process: the CLI's own main() (the same options, messages and exit
 * codes as bin/plan-press.js) without starting Node and the spreadsheet library again for each
 * of the cycle's steps (a second of CPU each). The first export goes through the binary.
 */
async function sheet(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void stdout.push(`${a.join(" ")}\n`));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void stderr.push(`${a.join(" ")}\n`));
  try {
    const status = await main(["sheet", ...args]);
    return { status, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** The other city's plan with one indicator of each kind. */
function plan(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), "plan-press-progress-")), "data");
  cpSync(path.join(ROOT, "tests/fixtures/midorino"), dir, { recursive: true });
  const edit = (file: string, from: string | RegExp, to: string) => {
    const f = path.join(dir, file);
    const text = readFileSync(f, "utf8");
    if (!text.match(from)) throw new Error(`fixture: ${String(from)} not in ${file}`);
    writeFileSync(f, text.replace(from, to));
  };
  edit("policies/2-2.yaml", /target: \{ value: 1500, year: 2030 \}\n        direction: 増加/, "target: { value: 900, year: 2030 }\n        direction: 減少");
  edit("policies/3-1.yaml", /baseline: \{ value: 1200, year: 2024 \}\n        target: \{ value: 1500, year: 2030 \}\n        direction: 増加\n        cumulative: false/, "baseline: { value: 0, year: 2025 }\n        target: { value: 1000, year: 2030 }\n        direction: 増加\n        cumulative: true");
  edit("policies/1-3.yaml", /target: \{ value: 1500, year: 2030 \}\n        direction: 増加/, "target: { value: 1200, year: 2030 }\n        direction: 維持");
  return dir;
}

/** Fills the workbook as a department would, with another program; `bad` puts text in a number cell. */
function fill(from: string, to: string, values: Record<string, number | string>, options: { dropHidden?: boolean } = {}): void {
  const wb = XLSX.readFile(from);
  if (options.dropHidden) {
    wb.SheetNames = wb.SheetNames.filter((name, i) => {
      const hidden = (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) > 0;
      if (hidden) delete wb.Sheets[name];
      return !hidden;
    });
    if (wb.Workbook?.Sheets) wb.Workbook.Sheets = wb.Workbook.Sheets.filter((s) => !s.Hidden);
  }
  const ws = wb.Sheets["実績"]!;
  const range = XLSX.utils.decode_range(ws["!ref"]!);
  const head = Array.from({ length: range.e.c + 1 }, (_, c) => ws[XLSX.utils.encode_cell({ r: 0, c })]?.v as string);
  const col = head.findIndex((h, c) => /実績$/.test(h) && head[c + 1] === "備考");
  for (let r = 1; r <= range.e.r; r++) {
    const key = ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v as string;
    if (key in values) ws[XLSX.utils.encode_cell({ r, c: col })] = typeof values[key] === "number" ? { t: "n", v: values[key] } : { t: "s", v: values[key] };
  }
  XLSX.writeFile(wb, to);
}

describe("the yearly cycle: export → filled in by another program → import → report", () => {
  let dir: string;
  let work: string;
  beforeAll(async () => {
    dir = plan();
    work = mkdtempSync(path.join(tmpdir(), "plan-press-cycle-"));
    // 2026: the cumulative indicator's first year.
    const first = path.join(work, "2026.xlsx");
    expect(cli("sheet", "export", "--year", "2026", "--data", dir, "--out", first).status).toBe(0);
    fill(first, path.join(work, "2026-filled.xlsx"), { "kpi-3-1-1": 300 });
    expect((await sheet("import", path.join(work, "2026-filled.xlsx"), "--data", dir)).status).toBe(0);
  });

  it("exports one row per indicator and target, the year's column open, the rest locked", async () => {
    const out = path.join(work, "2027.xlsx");
    const r = await sheet("export", "--year", "令和9年度", "--data", dir, "--out", out);
    expect(r.status, r.stderr).toBe(0);
    const ws = XLSX.readFile(out).Sheets["実績"]!;
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(ws);
    expect(rows.map((row) => row["キー"])).toEqual([...Array.from({ length: 12 }, (_, i) => `kpi-1-1-${i + 1}`), "kpi-1-2-1", "kpi-1-3-1", "kpi-2-1-1", "kpi-2-2-1", "kpi-3-1-1", "target-1-1", "target-2-1"]);
    const head = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0]!;
    expect(head).toEqual(["キー", "政策", "重点施策", "方針", "指標名", "単位", "現状値（年度）", "目標値（年度）", "所管課", "2026（令和8）年度実績", "2027（令和9）年度実績", "備考"]);
    expect(rows.find((row) => row["キー"] === "kpi-3-1-1")!["2026（令和8）年度実績"]).toBe(300);
    // Read back with the library that wrote it: the sheet is protected, only the year's 実績 and 備考 open.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const worksheet = book.getWorksheet("実績")!;
    expect((worksheet as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true }); // not in exceljs' types
    const open = head.map((_, c) => worksheet.getRow(2).getCell(c + 1).protection?.locked === false);
    expect(head.filter((_, c) => open[c])).toEqual(["2027（令和9）年度実績", "備考"]);
    expect(worksheet.getRow(2).getCell(head.indexOf("2027（令和9）年度実績") + 1).dataValidation).toMatchObject({ type: "decimal" });
  });

  it("refuses text in a number cell with its sheet!cell, exit 1, and leaves the actuals unchanged", async () => {
    const before = readFileSync(path.join(dir, "actuals/2026.yaml"));
    fill(path.join(work, "2027.xlsx"), path.join(work, "2027-bad.xlsx"), { "kpi-1-2-1": "約1,380" });
    const r = await sheet("import", path.join(work, "2027-bad.xlsx"), "--data", dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/2027-bad\.xlsx:14:\d+: エラー: ［実績!\w+14］ 実績値の欄に数値ではない文字「約1,380」が入力されています/);
    expect(r.stderr).toContain("実績のファイルは書き換えていません");
    expect(existsSync(path.join(dir, "actuals/2027.yaml"))).toBe(false);
    expect(readFileSync(path.join(dir, "actuals/2026.yaml")).equals(before)).toBe(true);
  });

  it("imports the filled workbook, and importing it again changes nothing", async () => {
    fill(path.join(work, "2027.xlsx"), path.join(work, "2027-filled.xlsx"), { "kpi-1-2-1": 1380, "kpi-2-2-1": 1100, "kpi-3-1-1": 350, "kpi-1-3-1": 1210 });
    const r = await sheet("import", path.join(work, "2027-filled.xlsx"), "--data", dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("追加 4 件");
    const file = path.join(dir, "actuals/2027.yaml");
    const written = { text: readFileSync(file, "utf8"), mtime: statSync(file).mtimeMs };
    const again = await sheet("import", path.join(work, "2027-filled.xlsx"), "--data", dir);
    expect(again.stdout).toContain("変更はありません");
    expect(readFileSync(file, "utf8")).toBe(written.text);
    expect(statSync(file).mtimeMs).toBe(written.mtime);
  });

  it("takes each department's copy in turn: only what a copy changed, hand edits kept, a cell changed on both sides refused", async () => {
    const exported = path.join(work, "2028.xlsx");
    expect((await sheet("export", "--year", "2028", "--data", dir, "--out", exported)).status).toBe(0);
    fill(exported, path.join(work, "2028-a.xlsx"), { "kpi-1-1-1": 10, "kpi-1-1-2": 11 });
    fill(exported, path.join(work, "2028-b.xlsx"), { "kpi-1-2-1": 20 });
    fill(exported, path.join(work, "2028-c.xlsx"), { "kpi-1-1-1": 12 });
    expect((await sheet("import", path.join(work, "2028-a.xlsx"), "--data", dir)).status).toBe(0);
    const file = path.join(dir, "actuals/2028.yaml");
    // Staff correct one value by hand and note why; the next department's copy keeps both.
    writeFileSync(file, readFileSync(file, "utf8").replace("kpi-1-1-2: 11", "kpi-1-1-2: 13 # 確定値に修正"));
    const b = await sheet("import", path.join(work, "2028-b.xlsx"), "--data", dir);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toContain("追加 1 件");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("kpi-1-1-2: 13 # 確定値に修正");
    expect(checkData(dir).data!.actuals[2028]!.values).toEqual({ "kpi-1-1-1": { value: 10 }, "kpi-1-1-2": { value: 13 }, "kpi-1-2-1": { value: 20 } });
    // Copy C changed kpi-1-1-1 from blank to 12, but the file has 10 since: refused, nothing written.
    const c = await sheet("import", path.join(work, "2028-c.xlsx"), "--data", dir);
    expect(c.status).toBe(1);
    expect(c.stderr).toMatch(/2028-c\.xlsx:2:\d+: エラー: ［実績!\w+2］ 実績値「12」を取り込めません。実績ファイルの値が、このシートを書き出した後に「（空欄）」から「10」に変わっています/);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("never writes a workbook over an existing file (it may hold a department's answers)", async () => {
    const out = path.join(work, "answered.xlsx");
    writeFileSync(out, "a department's answers");
    const r = await sheet("export", "--year", "2028", "--data", dir, "--out", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("すでにあります。各課の入力が入っているかもしれないため、上書きしません");
    expect(readFileSync(out, "utf8")).toBe("a department's answers");
    // Nor into the data folder it reads.
    const inside = await sheet("export", "--year", "2028", "--data", dir, "--out", path.join(dir, "actuals/2028.xlsx"));
    expect(inside.status).toBe(2);
    expect(inside.stderr).toContain("データのフォルダ");
    expect(existsSync(path.join(dir, "actuals/2028.xlsx"))).toBe(false);
  });

  it("a workbook whose hidden sheets another program dropped: a blank never deletes an earlier answer", async () => {
    const exported = path.join(work, "2029.xlsx");
    expect((await sheet("export", "--year", "2029", "--data", dir, "--out", exported)).status).toBe(0);
    fill(exported, path.join(work, "2029-a.xlsx"), { "kpi-1-1-1": 1 });
    expect((await sheet("import", path.join(work, "2029-a.xlsx"), "--data", dir)).status).toBe(0);
    fill(exported, path.join(work, "2029-b.xlsx"), { "kpi-1-2-1": 2 }, { dropHidden: true });
    const r = await sheet("import", path.join(work, "2029-b.xlsx"), "--data", dir);
    expect(r.status, r.stderr).toBe(0);
    expect(checkData(dir).data!.actuals[2029]!.values).toEqual({ "kpi-1-1-1": { value: 1 }, "kpi-1-2-1": { value: 2 } });
  });

  it("computes 進捗率 and status by the rules for a rising, a falling, a cumulative and a 維持 indicator", () => {
    const rows = Object.fromEntries(reportModel(checkData(dir).data!, 2027).policies.flatMap((p) => p.rows).map((r) => [r.key, r]));
    // 2027 is half the way from the 現状値's year (2024) to 2030.
    expect([rows["kpi-1-2-1"]!.progress, rows["kpi-1-2-1"]!.status]).toEqual(["60.0%", "順調"]);
    expect([rows["kpi-2-2-1"]!.progress, rows["kpi-2-2-1"]!.status]).toEqual(["33.3%", "遅れ"]);
    expect([rows["kpi-3-1-1"]!.current, rows["kpi-3-1-1"]!.progress, rows["kpi-3-1-1"]!.status]).toEqual(["650", "65.0%", "順調"]);
    expect([rows["kpi-1-3-1"]!.progress, rows["kpi-1-3-1"]!.status]).toEqual(["—", "達成"]);
    expect(rows["kpi-1-1-1"]!.status).toBe("未把握");
  });

  it("prints the report to the booklet's standard: TOC = bookmarks, the statuses in words, fonts, deterministic", () => {
    const out = path.join(work, "progress-2027.pdf");
    const r = cli("report", "--year", "2027", "--data", dir, "--out", out);
    expect(r.status, r.stderr).toBe(0);
    const { outlines } = qpdfJson(out);
    expect(outlines.map((o) => o.title)).toEqual(["進捗状況の見方", "進捗状況の概要", "基本施策の進捗状況", "リーディングプロジェクトの進捗状況"]);
    const policy = flatten(outlines).find((o) => o.title.startsWith("1-2　"))!;
    const page = pageText(out, policy.destpageposfrom1);
    const line = page.split("\n").find((l) => l.includes("1-2-1"))!;
    expect(line).toMatch(/1,380.*60\.0%.*順調/);
    expect(run("pdftotext", [out, "-"])).toContain("進捗率 ＝（実績値 − 現状値）÷（目標値 − 現状値）× 100");
    for (const row of run("pdffonts", [out]).trim().split("\n").slice(2)) expect(row).toMatch(/BIZUDP(Gothic|Mincho)/);
    const first = readFileSync(out);
    expect(cli("report", "--year", "2027", "--data", dir, "--out", out).status).toBe(0);
    expect(readFileSync(out).equals(first)).toBe(true);
  });
});
