// Whether the data's photos are sharp enough at the size they print: a print shop wants 300 ppi,
// and below 150 ppi a photo prints visibly blurred. Measured on the laid-out page (printed size).
import type { EditionName } from "../editions.js";
import type { Diagnostic } from "../validate/diagnostic.js";

/** The print shop's resolution, and the one below which a photo prints blurred. */
export const PRINT_PPI = 300;
export const MIN_PPI = 150;

/** Warnings (and, for the print edition, errors) for images under the print resolution, each with its file and ppi. */
export function resolutionProblems(images: Array<{ name: string; ppi: number; printedMm: number }>, edition: EditionName, fileOf: (name: string) => string | undefined): Diagnostic[] {
  // The web edition prints smaller copies on purpose.
  if (edition === "web") return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const image of [...images].sort((a, b) => a.ppi - b.ppi)) {
    const file = fileOf(image.name);
    if (!file || seen.has(image.name)) continue;
    seen.add(image.name);
    const low = image.ppi < MIN_PPI;
    if (!low && (edition !== "print" || image.ppi >= PRINT_PPI)) continue;
    out.push({
      severity: low && edition === "print" ? "error" : "warning",
      file, line: 1, column: 1, field: "",
      message: `画像の解像度が足りません（印刷する幅 ${image.printedMm} mm で ${image.ppi} ppi。${low ? `${MIN_PPI} ppi 未満はぼやけて印刷されます` : `印刷所向けは ${PRINT_PPI} ppi 以上`}）`,
      hint: `元の画像（幅 ${Math.ceil((image.printedMm / 25.4) * PRINT_PPI)} 画素以上）に差し替えてください。`,
      en: `image ${image.ppi} ppi at its printed size`,
    });
  }
  return out;
}
