// The official SDG icons: used when their files are in assets/sdgs-icons/ (the UN forbids
// altering them, so the project only draws clearly marked placeholders in their absence).
import { existsSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./paths.js";
import type { Diagnostic } from "./validate/diagnostic.js";
import type { PlanData } from "./validate/validate.js";
import type { EditionName } from "./editions.js";

const SDG_ICON_DIR = path.join(PROJECT_ROOT, "assets", "sdgs-icons");

/** Every edition but a draft must say that placeholders stand where official icons belong. */
export function missingIconWarnings(data: PlanData, edition: EditionName): Diagnostic[] {
  if ((edition as string) === "draft") return [];
  const used = [...new Set(data.policies.flatMap((p) => p.sdgs))].sort((a, b) => a - b);
  const missing = used.filter((g) => officialIcon(g) === undefined);
  if (missing.length === 0) return [];
  return [{
    severity: "warning", file: path.relative(process.cwd(), SDG_ICON_DIR) || SDG_ICON_DIR, line: 1, column: 1, field: "",
    message: `SDGs の公式アイコンがありません（ゴール ${missing.join("、")}）。仮アイコンで印刷します`,
    hint: "公式の日本語版アイコン sdg_icon_NN_ja_2.png を assets/sdgs-icons/ に置いてください（同フォルダの README.md）。",
    en: "official SDG icon files missing; placeholders printed",
  }];
}

/** The official icon of a goal if its file is in assets/sdgs-icons/ (see its README). */
export function officialIcon(goal: number): string | undefined {
  const name = `sdg_icon_${String(goal).padStart(2, "0")}_ja_2.png`;
  return existsSync(path.join(SDG_ICON_DIR, name)) ? `assets/sdgs-icons/${name}` : undefined;
}

