// 実績値 files (data/actuals/<year>.yaml): each names its year in its file name, and refers only to
// indicators and targets the plan has (by their keys) and 重点施策 it has (by number).
import path from "node:path";
import type { YamlSource } from "../load/load-data.js";
import { locate } from "../load/source.js";
import { parseNumber, type ActualsData, type PolicyData, type ProjectData } from "./schema.js";
import { fieldPath, type Diagnostic } from "./diagnostic.js";
import type { Sourced } from "./validate.js";
import { T } from "./in-terms.js";

/** One year's actuals, resolved: key → value (and note), 重点施策 → comments. */
export interface YearActuals {
  year: number;
  file: string;
  values: Record<string, { value: number; note?: string }>;
  comments: ActualsData["comments"];
}

/** Resolves every actuals file; a file with errors is left out (its diagnostics say why). */
export function resolveActuals(files: Array<Sourced<ActualsData>>, policies: Array<Sourced<PolicyData>>, projects: Array<Sourced<ProjectData>>): { actuals: Record<number, YearActuals>; diagnostics: Diagnostic[] } {
  const keys = new Set([
    ...policies.flatMap((p) => p.value.directions.flatMap((d) => d.indicators.map((i) => i.key))),
    ...projects.flatMap((p) => p.value.targets.map((t) => t.key)),
  ]);
  const policyIds = new Set(policies.map((p) => p.value.id));
  const actuals: Record<number, YearActuals> = {};
  const diagnostics: Diagnostic[] = [];
  for (const { source, value } of files) {
    const report = (at: PropertyKey[], message: string, hint: string, en: string, key = false, severity: Diagnostic["severity"] = "error") =>
      diagnostics.push({ severity, file: source.file, ...locate(source, at, { key }), field: fieldPath(at), message, hint, en });
    const errorCount = () => diagnostics.filter((d) => d.severity === "error").length;
    const before = errorCount();
    const stem = path.basename(source.file, ".yaml");
    if (stem !== String(value.year)) report(["year"], `実績の年度（${value.year}年度）とファイル名「${stem}」が一致しません`, `ファイル名を ${value.year}.yaml にするか、year を直してください。`, "actuals year does not match file name");
    if (actuals[value.year]) report(["year"], `${value.year}年度の実績が ${actuals[value.year]!.file} にもあります`, "1つの年度の実績は1つのファイルに書いてください。", "actuals year twice");
    const values: YearActuals["values"] = {};
    for (const [key, raw] of Object.entries(value.values)) {
      // An indicator the plan no longer has (a revised plan) keeps its past 実績: said, not refused.
      if (!keys.has(key)) {
        report(["values", key], `キー「${key}」の${T.indicator}・${T.projectTarget}は、いまの計画にありません（報告書には載りません）`, "指標の key のつづりを確認してください。計画から外した指標なら、このままでかまいません。", `unknown indicator key ${key}`, true, "warning");
        continue;
      }
      const entry = typeof raw === "object" ? raw : { value: raw };
      const n = parseNumber(entry.value);
      if (n === undefined) report(["values", key], `「${String(entry.value)}」を実績値（数値）として読めません`, "半角数字で書いてください（単位は書きません）。", "actual value not a number");
      else values[key] = { value: n, ...(entry.note ? { note: entry.note } : {}) };
    }
    for (const id of Object.keys(value.comments)) {
      if (!policyIds.has(id)) report(["comments", id], `${T.policy}「${id}」は、いまの計画にありません（報告書には載りません）`, `${T.policy}の番号（例: 1-1）を確認してください。`, `comment for unknown policy ${id}`, true, "warning");
    }
    if (errorCount() === before) actuals[value.year] = { year: value.year, file: source.file, values, comments: value.comments };
  }
  return { actuals, diagnostics };
}

