// Schematic district maps drawn from grid cells (A1–L12): the whole city, with one district
// highlighted or every district tinted. Deliberately a diagram, never traced from a real map.
import Handlebars from "handlebars";

const CELL = 10;
const esc = Handlebars.escapeExpression;

function cellXY(cell: string): [number, number] {
  return [(cell.charCodeAt(0) - 65) * CELL, (Number(cell.slice(1)) - 1) * CELL];
}

/** An SVG of all districts; `highlight` names the district to emphasise (others grey). */
export function districtMapSvg(districts: Array<{ name: string; cells: string[] }>, highlight?: string): string {
  const owner = new Map<string, number>();
  districts.forEach((d, i) => d.cells.forEach((c) => owner.set(c, i)));
  const parts: string[] = [];
  districts.forEach((d, i) => {
    const fill = highlight === undefined ? `var(--district-${i % 11})` : d.name === highlight ? "var(--map-highlight)" : "var(--map-other)";
    for (const cell of d.cells) {
      const [x, y] = cellXY(cell);
      parts.push(`<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${fill}"/>`);
    }
  });
  // Borders: an edge is drawn where the neighbour belongs to another district or to none.
  const edges: string[] = [];
  for (const [cell, i] of owner) {
    const [x, y] = cellXY(cell);
    const col = cell.charCodeAt(0);
    const row = Number(cell.slice(1));
    const neighbours: Array<[string, string]> = [
      [String.fromCharCode(col) + (row - 1), `M${x} ${y}h${CELL}`],
      [String.fromCharCode(col) + (row + 1), `M${x} ${y + CELL}h${CELL}`],
      [String.fromCharCode(col - 1) + row, `M${x} ${y}v${CELL}`],
      [String.fromCharCode(col + 1) + row, `M${x + CELL} ${y}v${CELL}`],
    ];
    for (const [n, d] of neighbours) if (owner.get(n) !== i) edges.push(d);
  }
  const labels = districts.map((d) => {
    const xs = d.cells.map((c) => cellXY(c)[0] + CELL / 2);
    const ys = d.cells.map((c) => cellXY(c)[1] + CELL / 2);
    // Label at the cell nearest the centroid, so it stays inside odd shapes.
    const cx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const cy = ys.reduce((a, b) => a + b, 0) / ys.length;
    let best = 0;
    xs.forEach((x, k) => {
      if (Math.hypot(x - cx, ys[k]! - cy) < Math.hypot(xs[best]! - cx, ys[best]! - cy)) best = k;
    });
    const strong = highlight === undefined || d.name === highlight;
    return `<text x="${xs[best]}" y="${ys[best]! + 1.6}" class="${strong ? "map-label" : "map-label map-label--muted"}">${esc(d.name.replace(/地区$/, ""))}</text>`;
  });
  const title = highlight ? `${highlight}の位置（模式図）` : "地区の区分（模式図）";
  return `<svg class="district-map" viewBox="-2 -2 124 124" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${parts.join("")}<path d="${edges.join("")}" class="map-border"/>${labels.join("")}</svg>`;
}
