// A problem found in the data, located in its file, and how to print it for staff.

/** One problem (error) or normalisation (warning) in a data file. */
export interface Diagnostic {
  severity: "error" | "warning";
  /** Path relative to the project, e.g. data/policies/1-1.yaml. */
  file: string;
  line: number;
  column: number;
  /** Field path such as directions[0].indicators[1].target.value; "" for the whole file. */
  field: string;
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

/** The printed form: location, severity, field and message, then the fix and the English line. */
export function formatDiagnostic(d: Diagnostic): string {
  const label = d.severity === "error" ? "エラー" : "警告";
  const field = d.field ? `${d.field}: ` : "";
  return [
    `${d.file}:${d.line}:${d.column}: ${label}: ${field}${d.message}`,
    `    直し方: ${d.hint}`,
    `    (${d.severity}: ${d.en})`,
  ].join("\n");
}

/** A one-line count, e.g. 「エラー 2 件、警告 3 件」. */
export function summarize(list: Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === "error").length;
  return `エラー ${errors} 件、警告 ${list.length - errors} 件`;
}
