// The changes from an older version of the data (a git revision or a folder) to the current
// one: resolves the older side, validates it, compares, finds the pages removed items had, and
// cleans up. The documents name the older version in the committee's words: the --label given,
// or the stage, version and date of its own edition.yaml; what was read (a git revision) is for
// the terminal only.
import { checkData } from "../check.js";
import type { PlanData } from "../validate/validate.js";
import type { GlyphCoverage } from "../validate/glyphs.js";
import type { EditionData } from "../validate/schema.js";
import type { WordMark } from "../model/types.js";
import { dayLabel, type YearStyle } from "../model/format.js";
import { PlanPressError, UsageError } from "../errors.js";
import { compareData, type ChangeRow } from "./compare.js";
import { resolveOldData } from "./load-revision.js";
import { draftMarks } from "./draft-marks.js";
import { oldPages, type OldPrintOptions } from "./old-pages.js";

/** What changed since an older version, and how to name that version. */
export interface RevisionChanges {
  /** The older version in the documents: 「案 第1版（令和6年10月1日）」 or the --label given. */
  since: string;
  /** What was read, for the terminal only: 「git の版 shingikai-1（コミット 40fe085、2026-11-25）」. */
  source: string;
  rows: ChangeRow[];
  /** How the draft marks them. */
  marks: WordMark[];
}

export interface ChangesOptions extends OldPrintOptions {
  /** The older version's name in the documents, e.g. 第1回審議会資料. */
  label?: string;
  /** Told on the terminal: the older version has the same name as the current one. */
  onNotice?: (message: string) => void;
}

/** Compares the data at `ref` (git revision or folder) with the validated `current` data. */
export async function changesSince(ref: string, dataDir: string, current: PlanData, glyphs: GlyphCoverage, options: ChangesOptions): Promise<RevisionChanges> {
  const label = options.label?.trim();
  if (label !== undefined && (label === "" || label.length > 100 || /[\n\r]/.test(label))) {
    throw new UsageError("--label には、比べる前の版の名前を1行（100文字まで）で指定してください。例: --label 第1回審議会資料");
  }
  const old = resolveOldData(ref, dataDir);
  try {
    const older = checkData(old.dir, { glyphs, edition: "draft" });
    if (!older.data) {
      const errors = older.diagnostics.filter((d) => d.severity === "error").length;
      throw new PlanPressError(
        `比較元（${old.source}）のデータに ${errors} 件のエラーがあり、比べられません。` +
          `比較元を直すか、エラーのない版（別のリビジョンやフォルダ）を指定してください。`,
      );
    }
    const rows = compareData(older.data, current);
    const pages = await oldPages(older.data, rows.flatMap((r) => (r.oldKey ? [r.oldKey] : [])), options);
    for (const row of rows) if (row.oldKey && pages.has(row.oldKey)) row.oldPage = pages.get(row.oldKey);
    // Both versions dated in the current one's year style: the table reads in one calendar.
    const style = current.edition.yearStyle;
    const since = label ?? versionLabel(older.data.edition, style);
    if (since === versionLabel(current.edition, style)) {
      options.onNotice?.(`比較元（${old.source}）も「${since}」で、新旧の版が同じ名前です。edition.yaml の version・date を改めるか、--label で比較元の呼び名（例: 第1回審議会資料）を指定してください。`);
    }
    return { since, source: old.source, rows, marks: draftMarks(rows) };
  } finally {
    old.dispose();
  }
}

/** A version by its edition: 「案 第1版（令和6年10月1日）」. */
export function editionLabel(e: { stage: string; version: string; dayLabel: string }): string {
  return `${e.stage} ${e.version}（${e.dayLabel}）`;
}

/** The label of a version by its edition.yaml, dated in `style`. */
function versionLabel(e: EditionData, style: YearStyle): string {
  return editionLabel({ stage: e.stage, version: e.version, dayLabel: dayLabel(e.date, style) });
}
