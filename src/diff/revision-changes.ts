// The changes from an older version of the data (a git revision or a folder) to the current
// one: resolves the older side, validates it, compares, and cleans up.
import { loadData } from "../load/load-data.js";
import { validate, type PlanData } from "../validate/validate.js";
import type { GlyphCoverage } from "../validate/glyphs.js";
import { PlanPressError } from "../errors.js";
import { compareData, type ChangeRow } from "./compare.js";
import { resolveOldData } from "./load-revision.js";

/** What changed since `ref`, and how to name `ref` to readers. */
export interface RevisionChanges {
  since: string;
  rows: ChangeRow[];
}

/** Compares the data at `ref` (git revision or folder) with the validated `current` data. */
export function changesSince(ref: string, dataDir: string, current: PlanData, glyphs: GlyphCoverage): RevisionChanges {
  const old = resolveOldData(ref, dataDir);
  try {
    const older = validate(loadData(old.dir), glyphs);
    if (!older.data) {
      const errors = older.diagnostics.filter((d) => d.severity === "error").length;
      throw new PlanPressError(
        `比較元 ${old.label} のデータに ${errors} 件のエラーがあり、比べられません。` +
          `比較元を直すか、エラーのない版（別のリビジョンやフォルダ）を指定してください。`,
      );
    }
    return { since: old.label, rows: compareData(older.data, current) };
  } finally {
    old.dispose();
  }
}
