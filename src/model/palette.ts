// Colours of the 政策: the one written in a 政策's file, or one generated for it. Generated hues
// are spread round the colour wheel and each is darkened until it meets the contrast rule, so
// any number of 政策 gets distinct colours that all carry white text.
import { MIN_CONTRAST, areaContrast, hex } from "../validate/colour.js";

/** A colour for each 政策 in order: its own when given, else a generated one. */
export function areaColours(areas: Array<{ color?: string }>): string[] {
  return areas.map((a, i) => a.color?.toLowerCase() ?? generated(i, areas.length));
}

/** The i-th of n hues (starting at a warm orange), as dark as needed for white text. */
export function generated(i: number, n: number): string {
  const hue = (24 + (i * 360) / Math.max(n, 1)) % 360;
  // Small margin over the rule so rounding to #rrggbb never drops below it.
  for (let lightness = 0.42; lightness > 0.05; lightness -= 0.01) {
    const colour = hsl(hue, 0.7, lightness);
    if (areaContrast(colour) >= MIN_CONTRAST + 0.1) return colour;
  }
  return "#1f2328";
}

function hsl(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255;
  };
  return hex([f(0), f(8), f(4)]);
}
