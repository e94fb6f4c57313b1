// plan-press check, and the first two stages of every command: load → validate. Kept apart from
// the printing stages, so checking the data starts at once (no browser library loaded).
import { loadData } from "./load/load-data.js";
import { validate, type PlanData } from "./validate/validate.js";
import { glyphCoverage } from "./validate/glyphs.js";
import type { Diagnostic } from "./validate/diagnostic.js";
import { fontFaces } from "./fonts.js";
import { missingIconWarnings } from "./sdg-icons.js";
import type { EditionName } from "./editions.js";

/** Loads and validates the data, with the same warnings a build of `edition` would give. */
export function checkData(dataDir: string, edition: EditionName = "official"): { data?: PlanData; diagnostics: Diagnostic[] } {
  const result = validate(loadData(dataDir), glyphCoverage(fontFaces()));
  if (result.data) result.diagnostics.push(...missingIconWarnings(result.data, edition));
  return result;
}
