// Figures: a chart's or table's values, written in its YAML file or read from a CSV beside it,
// resolved into categories and numeric series; every mismatch is located (file:line:column).
import { locate } from "../load/source.js";
import { lineColumn } from "../load/source.js";
import type { TextAsset } from "../load/load-assets.js";
import { parseNumber, type FigureData } from "./schema.js";
import { fieldPath, type Diagnostic } from "./diagnostic.js";
import type { Sourced } from "./validate.js";

/** A figure with its values resolved: what the model numbers and the renderer draws. */
export interface ResolvedFigure {
  id: string;
  type: FigureData["type"];
  caption: string;
  unit: string;
  source?: string;
  note?: string;
  alt?: string;
  /** The CSV its values were read from, when they were. */
  csv?: string;
  categories: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
}

/** Resolves every figure file; figures with errors are left out (their diagnostics say why). */
export function resolveFigures(figures: Array<Sourced<FigureData>>, csv: TextAsset[]): { figures: Record<string, ResolvedFigure>; diagnostics: Diagnostic[] } {
  const out: Record<string, ResolvedFigure> = {};
  const diagnostics: Diagnostic[] = [];
  for (const { source, value } of figures) {
    const id = source.file.replace(/^.*[\\/]/, "").replace(/\.yaml$/, "");
    const report = (at: PropertyKey[], message: string, hint: string, en: string) =>
      diagnostics.push({ severity: "error", file: source.file, ...locate(source, at), field: fieldPath(at), message, hint, en });
    let categories: string[] = [];
    let series: ResolvedFigure["series"] = [];
    const before = diagnostics.length;
    if (value.csv && (value.categories || value.series)) {
      report(["csv"], "csv と categories・series の両方が書かれています", "値は CSV ファイルか、このファイルの categories・series のどちらか一方に書いてください。", "both csv and inline values");
    } else if (value.csv) {
      const file = csv.find((c) => c.name === value.csv);
      if (!file) {
        report(["csv"], `CSV ファイル figures/${value.csv} がありません`, "ファイル名を確認するか、figures/ に CSV ファイルを置いてください。", "csv file missing");
      } else {
        const parsed = parseCsv(file, diagnostics);
        if (parsed) ({ categories, series } = parsed);
      }
    } else if (!value.categories || !value.series) {
      report([], "値がありません（categories と series、または csv を書いてください）", "README の「図表とグラフ」の例を参照してください。", "figure without values");
    } else {
      categories = value.categories.map(String);
      value.series.forEach((s, i) => {
        if (s.values.length !== categories.length) {
          report(["series", i, "values"], `系列「${s.name}」の値が ${s.values.length} 個で、項目（categories）の ${categories.length} 個と合いません`, "項目の数と同じ数の値を書いてください（値のない項目は null）。", "series length mismatch");
        }
        const values = s.values.map((v, k) => {
          if (v === null) return null;
          const n = parseNumber(v);
          if (n === undefined) report(["series", i, "values", k], `値「${String(v)}」を数値として読めません`, "半角数字で書いてください（値のない項目は null）。", "not a number");
          return n ?? null;
        });
        series.push({ name: s.name, values });
      });
    }
    if (value.type === "pie" && series.length > 1) report(["type"], "円グラフ（pie）の系列は1つだけです", "系列を1つにするか、棒グラフ（bar）にしてください。", "pie with several series");
    if (value.type === "pie" && series.some((s) => s.values.some((v) => v !== null && v < 0))) report(["type"], "円グラフ（pie）に負の値があります", "円グラフには 0 以上の値だけを使えます。", "negative pie value");
    if (diagnostics.length === before) {
      out[id] = {
        id, type: value.type, caption: value.caption, unit: value.unit, categories, series,
        ...(value.source ? { source: value.source } : {}), ...(value.note ? { note: value.note } : {}), ...(value.alt ? { alt: value.alt } : {}), ...(value.csv ? { csv: value.csv } : {}),
      };
    }
  }
  return { figures: out, diagnostics };
}

/** A CSV of a figure: first row the series names, first column the categories. */
export function parseCsv(file: TextAsset, diagnostics: Diagnostic[]): { categories: string[]; series: ResolvedFigure["series"] } | undefined {
  const problem = (index: number, message: string, hint: string, en: string) =>
    diagnostics.push({ severity: "error", file: file.file, ...lineColumn(file.text, index), field: "", message, hint, en });
  const rows = csvRows(file.text);
  if (rows.length < 2 || rows[0]!.cells.length < 2) {
    problem(0, "CSV に見出しの行と値の行がありません", "1行目に「項目,系列1,系列2…」、2行目から「年,値,値…」の形で書いてください。", "csv without data");
    return undefined;
  }
  const [header, ...body] = rows;
  const names = header!.cells.slice(1).map((c) => c.text);
  const series = names.map((name) => ({ name, values: [] as Array<number | null> }));
  const categories: string[] = [];
  let ok = true;
  for (const row of body) {
    if (row.cells.length !== header!.cells.length) {
      problem(row.cells[0]!.at, `この行の列の数（${row.cells.length}）が見出しの行（${header!.cells.length}）と合いません`, "値の数を見出しとそろえてください（値のないところは空にします）。", "csv row length mismatch");
      ok = false;
      continue;
    }
    categories.push(row.cells[0]!.text);
    row.cells.slice(1).forEach((cell, i) => {
      if (cell.text === "") return void series[i]!.values.push(null);
      const n = parseNumber(cell.text);
      if (n === undefined) {
        problem(cell.at, `「${cell.text}」を数値として読めません`, "半角数字で書いてください（単位は書かず、値のないところは空にします）。", "csv value not a number");
        ok = false;
      }
      series[i]!.values.push(n ?? null);
    });
  }
  return ok ? { categories, series } : undefined;
}

/** Rows of cells with their offsets; quoted cells may hold commas ("1,746"), "" is a quote. */
function csvRows(text: string): Array<{ cells: Array<{ text: string; at: number }> }> {
  const rows: Array<{ cells: Array<{ text: string; at: number }> }> = [];
  let cells: Array<{ text: string; at: number }> = [];
  let cell = "";
  let at = 0;
  let quoted = false;
  const endCell = () => {
    cells.push({ text: cell.trim(), at });
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === "") quoted = true;
    else if (c === ",") {
      endCell();
      at = i + 1;
    } else if (c === "\n") {
      endCell();
      if (cells.some((x) => x.text !== "")) rows.push({ cells });
      cells = [];
      at = i + 1;
    } else cell += c;
  }
  endCell();
  if (cells.some((x) => x.text !== "")) rows.push({ cells });
  return rows;
}
