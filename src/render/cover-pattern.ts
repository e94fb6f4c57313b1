// The cover's key visual when the data has none: a calm geometric pattern of quarter and half
// circles in the 政策 colours (their light tints, a few at full strength), the same for the same
// plan every time. Opaque colours only (a press file may hold no transparency); no text.
import { r } from "./svg-text.js";
import { tint } from "./system-tree.js";

/** Pseudo-random but fixed per tile, so the pattern never changes between builds. */
function pick(i: number, j: number, salt: number): number {
  let h = (i * 374761393 + j * 668265263 + salt * 2246822519) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A pattern of `cols` square tiles across `width` mm and as many rows as fill `height` mm. */
export function coverPatternSvg(colours: string[], width: number, height: number, cols = 12): string {
  const palette = colours.length ? colours : ["#006b7d"];
  const size = width / cols;
  const rows = Math.max(1, Math.round(height / size));
  const out: string[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const colour = palette[(i + j * 3) % palette.length]!;
      const x = i * size;
      const y = j * size;
      const kind = pick(i, j, 1) % 7;
      const corner = pick(i, j, 2) % 4;
      const strong = pick(i, j, 3) % 6 === 0;
      const fill = strong ? colour : tint(colour, 0.38);
      out.push(`<rect x="${r(x)}" y="${r(y)}" width="${r(size)}" height="${r(size)}" fill="${tint(colour, kind === 6 ? 0 : 0.12)}"/>`);
      // Quarter circle from a corner, half circle on a side, or a circle in the middle.
      const cx = x + (corner === 1 || corner === 2 ? size : 0);
      const cy = y + (corner >= 2 ? size : 0);
      if (kind <= 2) {
        const sx = corner === 1 || corner === 2 ? -1 : 1;
        const sy = corner >= 2 ? -1 : 1;
        out.push(`<path d="M${r(cx)} ${r(cy)}h${r(sx * size)}a${r(size)} ${r(size)} 0 0 ${sx * sy > 0 ? 1 : 0} ${r(-sx * size)} ${r(sy * size)}z" fill="${fill}"/>`);
      } else if (kind <= 4) {
        const horizontal = corner % 2 === 0;
        const [ax, ay, bx, by] = horizontal ? [x, y + size / 2, x + size, y + size / 2] : [x + size / 2, y, x + size / 2, y + size];
        out.push(`<path d="M${r(ax)} ${r(ay)}A${r(size / 2)} ${r(size / 2)} 0 0 ${corner < 2 ? 1 : 0} ${r(bx)} ${r(by)}z" fill="${fill}"/>`);
      } else if (kind === 5) {
        out.push(`<circle cx="${r(x + size / 2)}" cy="${r(y + size / 2)}" r="${r(size * 0.34)}" fill="${fill}"/>`);
      }
    }
  }
  return `<svg class="cover__pattern" viewBox="0 0 ${r(width)} ${r(rows * size)}" width="${r(width)}mm" height="${r(rows * size)}mm" aria-hidden="true">${out.join("")}</svg>`;
}
