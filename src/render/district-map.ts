// District maps: the city's own map (GeoJSON shapes, projected with d3-geo) or, without one, a
// schematic drawn from grid cells (A1–L12) that never pretends to be a real map. The whole city
// with one district highlighted, or every district tinted.
import Handlebars from "handlebars";
import { geoArea, geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import type { Shape } from "../validate/district-map.js";

const CELL = 10;
const SIZE = 120;
const esc = Handlebars.escapeExpression;

interface MapDistrict {
  name: string;
  cells: string[];
  shape?: Shape;
}

/** An SVG of all districts; `highlight` names the district to emphasise (others grey). */
export function districtMapSvg(districts: MapDistrict[], highlight?: string): string {
  const geo = districts.filter((d) => d.shape);
  return geo.length > 0 ? geoMap(geo, highlight) : cellMap(districts.filter((d) => d.cells.length > 0), highlight);
}

const fillOf = (i: number, name: string, highlight?: string) =>
  highlight === undefined ? `var(--district-${i % 11})` : name === highlight ? "var(--map-highlight)" : "var(--map-other)";
const labelClass = (name: string, highlight?: string) => (highlight === undefined || name === highlight ? "map-label" : "map-label map-label--muted");

/**
 * A feature d3-geo reads as the district, not as the rest of the globe: GeoJSON (RFC 7946) winds
 * outer rings counter-clockwise, d3's spherical geometry clockwise, and files come either way.
 */
function feature(shape: Shape): GeoPermissibleObjects {
  const f = { type: "Feature", properties: {}, geometry: shape } as unknown as GeoPermissibleObjects;
  if (geoArea(f) <= 2 * Math.PI) return f;
  const flip = (rings: number[][][]) => rings.map((r) => [...r].reverse());
  const coordinates = shape.type === "Polygon" ? flip(shape.coordinates as number[][][]) : (shape.coordinates as number[][][][]).map(flip);
  return { type: "Feature", properties: {}, geometry: { type: shape.type, coordinates } } as unknown as GeoPermissibleObjects;
}

/** The city's map: shapes fitted to the frame, each labelled at its centroid. */
function geoMap(districts: MapDistrict[], highlight?: string): string {
  const features = districts.map((d) => feature(d.shape!));
  const collection = { type: "FeatureCollection", features } as unknown as GeoPermissibleObjects;
  const projection = geoMercator().fitExtent([[2, 2], [SIZE - 2, SIZE - 2]], collection);
  const path = geoPath(projection);
  // Rounded coordinates: the same map always gives the same SVG, and a smaller page.
  const round = (d: string | null) => (d ?? "").replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
  const shapes = districts.map((d, i) => `<path d="${round(path(features[i]!))}" fill="${fillOf(i, d.name, highlight)}" class="map-area"/>`);
  const labels = districts.map((d, i) => {
    const [x, y] = path.centroid(features[i]!);
    return `<text x="${Math.round(x * 10) / 10}" y="${Math.round(y * 10) / 10 + 1.6}" class="${labelClass(d.name, highlight)}">${esc(d.name.replace(/地区$/, ""))}</text>`;
  });
  const title = highlight ? `${highlight}の位置` : "地区の区分";
  return `<svg class="district-map" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${shapes.join("")}${labels.join("")}</svg>`;
}

function cellXY(cell: string): [number, number] {
  return [(cell.charCodeAt(0) - 65) * CELL, (Number(cell.slice(1)) - 1) * CELL];
}

/** The schematic: grid cells per district, borders where a neighbour belongs to another district or none. */
function cellMap(districts: MapDistrict[], highlight?: string): string {
  const owner = new Map<string, number>();
  districts.forEach((d, i) => d.cells.forEach((c) => owner.set(c, i)));
  const parts: string[] = [];
  districts.forEach((d, i) => {
    for (const cell of d.cells) {
      const [x, y] = cellXY(cell);
      parts.push(`<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" fill="${fillOf(i, d.name, highlight)}"/>`);
    }
  });
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
    return `<text x="${xs[best]}" y="${ys[best]! + 1.6}" class="${labelClass(d.name, highlight)}">${esc(d.name.replace(/地区$/, ""))}</text>`;
  });
  const title = highlight ? `${highlight}の位置（模式図）` : "地区の区分（模式図）";
  return `<svg class="district-map" viewBox="-2 -2 124 124" role="img" aria-label="${esc(title)}"><title>${esc(title)}</title>${parts.join("")}<path d="${edges.join("")}" class="map-border"/>${labels.join("")}</svg>`;
}
