// Colour contrast by WCAG 2's formula: a 政策's colour carries white text (tabs, dividers, badges)
// and is itself text on white paper and on its own light tint, so each pair must reach 4.5:1.

/** The ratio every 政策 colour must meet with white and with its tint (WCAG AA, normal text). */
export const MIN_CONTRAST = 4.5;
/** How much of the colour its light tint holds (panels under dark text, e.g. 目指す姿). */
export const TINT_SHARE = 0.12;

/** "#b04a00" → [176, 74, 0]. */
export function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function hex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two colours, 1 … 21. */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The colour mixed with white: `share` of the colour. */
export function tint(colour: string, share = TINT_SHARE): string {
  const [r, g, b] = rgb(colour);
  return hex([255 + (r - 255) * share, 255 + (g - 255) * share, 255 + (b - 255) * share]);
}

/** The weaker of the colour's two contrasts: against white and against its own tint. */
export function areaContrast(colour: string): number {
  return Math.min(contrast(colour, "#ffffff"), contrast(colour, tint(colour)));
}
