// The booklet's fonts: full BIZ UD TrueType files pinned through npm, so every machine paginates
// alike and each face embeds once as a CID TrueType font (CFF fonts print as Type 3).
import { createRequire } from "node:module";
import path from "node:path";
import { FontError } from "./errors.js";

const require = createRequire(import.meta.url);

/** One @font-face of the booklet. */
export interface FontFace {
  family: string;
  weight: 400 | 700;
  file: string;
  /** The face's own name (its PostScript name), by which an installed copy is asked for. */
  postscriptName: string;
}

function packageDir(name: string): string {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch (cause) {
    throw new FontError(`フォントのパッケージ ${name} が見つかりません。README の Quick start の1行目（セットアップ）を実行してください。`, { cause });
  }
}

/** The faces used by styles/: UD P-Gothic for text, UD P-Mincho for the vision statements. */
export function fontFaces(): FontFace[] {
  const gothic = packageDir("@expo-google-fonts/biz-udpgothic");
  const mincho = packageDir("@expo-google-fonts/biz-udpmincho");
  return [
    { family: "BIZ UDPGothic", weight: 400, file: path.join(gothic, "400Regular/BIZUDPGothic_400Regular.ttf"), postscriptName: "BIZUDPGothic-Regular" },
    { family: "BIZ UDPGothic", weight: 700, file: path.join(gothic, "700Bold/BIZUDPGothic_700Bold.ttf"), postscriptName: "BIZUDPGothic-Bold" },
    { family: "BIZ UDPMincho", weight: 400, file: path.join(mincho, "400Regular/BIZUDPMincho_400Regular.ttf"), postscriptName: "BIZUDPMincho-Regular" },
  ];
}

/** One face's @font-face rule with the given sources (render-html.ts writes them, print/installed-fonts.ts adds a name). */
export function fontFaceRule(face: FontFace, src: string): string {
  return `@font-face { font-family: "${face.family}"; font-weight: ${face.weight}; font-style: normal; src: ${src}; }`;
}

/**
 * Where `cp` lies in a font table of sorted code-point runs, each `stride` numbers long and
 * starting [from, to, …]: the run's index, or -1 (glyph coverage, advance widths).
 */
export function runOf(runs: number[], stride: number, cp: number): number {
  let lo = 0;
  let hi = runs.length / stride - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < runs[stride * mid]!) hi = mid - 1;
    else if (cp > runs[stride * mid + 1]!) lo = mid + 1;
    else return mid;
  }
  return -1;
}
