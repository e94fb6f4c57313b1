// A problem found in the data, located in its file, and how to print it for staff.
import { inTerms, T } from "./in-terms.js";
import { TERM_DEFAULTS, type Terms } from "./terms.js";

/** One problem (error) or normalisation (warning) in a data file. */
export interface Diagnostic {
  severity: "error" | "warning";
  /** Path relative to the project, e.g. data/policies/1-1.yaml. */
  file: string;
  line: number;
  column: number;
  /** Field path such as directions[0].indicators[1].target.value; "" for the whole file. */
  field: string;
  /** The field as staff know it, in the plan's terms (取組3 › 目標指標1 …): set by the validation, else fieldJa(field). */
  place?: string;
  /** What is wrong, in Japanese. */
  message: string;
  /** How to fix it, in Japanese. */
  hint: string;
  /** A short English line for non-Japanese readers and search. */
  en: string;
}

/** Formats a field path like zod's or yaml's ["a", 0, "b"] as a.b[0]... */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Orders diagnostics by file, line and column so output reads top to bottom. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column,
  );
}

// Field names as staff know them; list items are counted from 1 as printed (方針3, not [2]).
// The plan's own terms as tokens (in-terms.ts), resolved with its plan.yaml.
const FIELD_JA: Record<string, string> = {
  id: "番号", title: "名称", name: "名称", vision: T.vision, issues: T.issues, summary: "内容",
  directions: T.directionShort, programs: "事業", indicators: T.indicator, projects: `${T.project}の対応`,
  project: "プロジェクト番号", basicDirection: `${T.basicDirection}の番号`, basicDirections: T.basicDirection,
  targets: T.projectTarget, baseline: "現状値", target: "目標値", value: "値", year: "年度", unit: "単位",
  direction: "方向", cumulative: "累計", definition: "指標の説明", calculation: "算出方法",
  rationale: "目標値設定の根拠", sdgs: "SDGs", relatedPlans: T.relatedPlan, plans: "計画", period: "期間",
  from: "開始年度", to: "終了年度", department: "所管課", goal: T.policyAreaGoal, goals: "ゴール",
  nationalStrategy: "国総合戦略の施策の方向", situation: "地域の実情・課題認識", aim: "取組の方向性",
  overview: "取組内容の概要", features: T.districtFeatures, initiatives: T.districtInitiatives, map: "模式図", cells: "マス",
  description: "事業の内容", stage: "段階", date: "発行日", edition: "版",
};

// Lists of records are named by number (方針3); lists of plain values by position (SDGs（4番目）).
const NUMBERED = new Set(["directions", "indicators", "programs", "basicDirections", "targets", "plans", "goals"]);

/** "directions[2].indicators[0].target.value" → "方針3 › 成果指標1 › 目標値 › 値", in the plan's `terms`. */
export function fieldJa(field: string, terms: Terms = TERM_DEFAULTS): string {
  const parts: string[] = [];
  let key = "";
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[1] !== undefined) {
      key = m[1];
      parts.push(FIELD_JA[key] ?? key);
    } else {
      const last = parts.pop() ?? "";
      const n = Number(m[2]) + 1;
      parts.push(NUMBERED.has(key) ? `${last}${n}` : `${last}（${n}番目）`);
    }
  }
  return inTerms(terms)(parts.join(" › "));
}

/** The diagnostics with their messages, fixes and places in the plan's `terms`. */
export function inPlanTerms(list: Diagnostic[], terms: Terms): Diagnostic[] {
  const words = inTerms(terms);
  return list.map((d) => ({ ...d, message: words(d.message), hint: words(d.hint), place: d.place ?? fieldJa(d.field, terms) }));
}

/** The printed form: location, severity, field and message, then the fix and the English line. */
export function formatDiagnostic(d: Diagnostic): string {
  const label = d.severity === "error" ? "エラー" : "警告";
  const place = d.place ?? fieldJa(d.field);
  const field = place ? `［${place}］ ` : "";
  // A diagnostic made outside the validation is in the default terms.
  const words = inTerms(TERM_DEFAULTS);
  return [
    `${d.file}:${d.line}:${d.column}: ${label}: ${field}${words(d.message)}`,
    `    直し方: ${words(d.hint)}`,
    `    (${d.severity}${d.field ? ` at ${d.field}` : ""}: ${d.en})`,
  ].join("\n");
}

/** A one-line count, e.g. 「エラー 2 件、警告 3 件」. */
export function summarize(list: Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === "error").length;
  return `エラー ${errors} 件、警告 ${list.length - errors} 件`;
}
