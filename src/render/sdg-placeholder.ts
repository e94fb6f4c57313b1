// Until the official SDGs icon files are placed in assets/sdgs-icons/, each goal is drawn as a
// clearly different placeholder (dashed frame, "仮" mark): the UN forbids passing off redrawings.
import Handlebars from "handlebars";

const esc = Handlebars.escapeExpression;

/** An SVG placeholder for goal N: its number, short title and official colour. */
export function sdgPlaceholderSvg(goal: { id: number; title: string; color: string; alt: string }): string {
  const lines = splitTitle(goal.title);
  const text = lines
    .map((l, i) => `<text x="50" y="${62 + i * 13}" class="sdg-ph-title">${esc(l)}</text>`)
    .join("");
  return `<svg class="sdg-icon sdg-icon--placeholder" viewBox="0 0 100 100" role="img" aria-label="${esc(goal.alt)}（仮アイコン）"><title>${esc(goal.alt)}（仮アイコン）</title><rect x="2" y="2" width="96" height="96" rx="10" fill="#fff" stroke="${esc(goal.color)}" stroke-width="4" stroke-dasharray="8 5"/><text x="50" y="42" class="sdg-ph-number" fill="${esc(goal.color)}">${goal.id}</text>${text}<text x="88" y="20" class="sdg-ph-mark">仮</text></svg>`;
}

/** Short Japanese titles broken into lines of at most 7 characters. */
function splitTitle(title: string): string[] {
  const words = title.split(/\s+/);
  const lines: string[] = [];
  for (const w of words) {
    for (let i = 0; i < w.length; i += 7) lines.push(w.slice(i, i + 7));
  }
  return lines.slice(0, 3);
}
