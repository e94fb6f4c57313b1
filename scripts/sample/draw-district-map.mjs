// Draws the sample's district map (data/maps/districts.geojson) from the schematic grid cells of
// data/districts/*.yaml: each district's cells joined into one outline, placed at plausible
// coordinates. The result is deliberately blocky — a schematic made by the project, not a traced
// boundary. Run: node scripts/sample/draw-district-map.mjs
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";

const DATA = path.resolve(import.meta.dirname, "../../data");
const ORIGIN = [139.12, 36.37]; // lon, lat of cell A1's corner
const STEP = [0.012, -0.0095]; // one cell, about 1 km

const features = [];
for (const file of readdirSync(path.join(DATA, "districts")).sort()) {
  const d = parse(readFileSync(path.join(DATA, "districts", file), "utf8"));
  const cells = new Set(d.map.cells);
  const xy = (c) => [c.charCodeAt(0) - 65, Number(c.slice(1)) - 1];
  // Directed boundary edges (clockwise around each cell), kept where the neighbour is not ours.
  const edges = new Map();
  for (const c of cells) {
    const [x, y] = xy(c);
    const has = (dx, dy) => cells.has(String.fromCharCode(65 + x + dx) + (y + dy + 1));
    if (!has(0, -1)) edges.set(`${x},${y}`, [x + 1, y]);
    if (!has(1, 0)) edges.set(`${x + 1},${y}`, [x + 1, y + 1]);
    if (!has(0, 1)) edges.set(`${x + 1},${y + 1}`, [x, y + 1]);
    if (!has(-1, 0)) edges.set(`${x},${y + 1}`, [x, y]);
  }
  const rings = [];
  while (edges.size > 0) {
    const [start] = edges.keys();
    const ring = [];
    let key = start;
    while (edges.has(key)) {
      const [x, y] = key.split(",").map(Number);
      ring.push([x, y]);
      const next = edges.get(key);
      edges.delete(key);
      key = `${next[0]},${next[1]}`;
    }
    ring.push(ring[0]);
    rings.push(ring.map(([x, y]) => [+(ORIGIN[0] + x * STEP[0]).toFixed(4), +(ORIGIN[1] + y * STEP[1]).toFixed(4)]));
  }
  // GeoJSON wants the outer ring counter-clockwise (on the map): the grid's y runs down, so reverse.
  features.push({ type: "Feature", properties: { id: d.id, name: d.name }, geometry: { type: "Polygon", coordinates: rings.map((r) => r.reverse()) } });
}
writeFileSync(path.join(DATA, "maps/districts.geojson"), JSON.stringify({ type: "FeatureCollection", features }, null, 0) + "\n");
console.log(`${features.length} districts → data/maps/districts.geojson`);
