// The first two stages of every command — load → validate — in one place: plan-press check,
// build, preview, report, sheet and the compared older version all read a plan through here.
// Kept apart from the printing stages, so checking the data starts at once (no browser library).
import { loadData, type LoadCache } from "./load/load-data.js";
import { validate, type PlanData } from "./validate/validate.js";
import { glyphCoverage, type GlyphCoverage } from "./validate/glyphs.js";
import type { Diagnostic } from "./validate/diagnostic.js";
import { fontFaces } from "./fonts.js";
import { missingIconWarnings } from "./sdg-icons.js";
import type { EditionName } from "./editions.js";

export interface CheckOptions {
  /** The edition whose warnings are given (missing official SDG icons matter for print only). */
  edition?: EditionName;
  /** The preview's cache: unchanged files are not parsed again. */
  cache?: LoadCache;
  /** The fonts' coverage, when the caller already has it. */
  glyphs?: GlyphCoverage;
}

export interface CheckedPlan {
  /** The plan, when it has no errors. */
  data?: PlanData;
  diagnostics: Diagnostic[];
  /** How many files were read (for the progress line). */
  files: number;
  glyphs: GlyphCoverage;
}

/** Loads and validates the data, with the same warnings a build of `edition` would give. */
export function checkData(dataDir: string, options: CheckOptions | EditionName = {}): CheckedPlan {
  const { edition = "official", cache, glyphs = glyphCoverage(fontFaces()) } = typeof options === "string" ? { edition: options } : options;
  const loaded = loadData(dataDir, cache);
  const result = validate(loaded, glyphs);
  if (result.data) result.diagnostics.push(...missingIconWarnings(result.data, edition));
  return { ...result, files: loaded.yaml.length + loaded.markdown.length, glyphs };
}
