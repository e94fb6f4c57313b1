// Charts drawn once, not on every build: ECharts drew the sample's 40 charts in about a sixth of a
// second on every build, and loading it took a twentieth more, all before Chromium could load
// the page. A chart is a pure function of what it is drawn from (the figure or trend, its size,
// its id) and of the code that draws it (ours, ECharts, and Node's number formats), so its SVG
// is kept between runs (cache-store.ts) under a digest of those inputs; the store as a whole is
// keyed by the code, so a change to any of it draws everything again.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CACHE_DIR, readStored, writeStored } from "../cache-store.js";

/** The most recently used charts kept: a plan's charts and an older version's, with room to spare. */
const KEEP = 400;

interface Stored {
  charts: Array<[string, string]>;
}

/** A store of drawn charts: `chart` gives the stored SVG or draws it; `save` writes the store when a chart was drawn or used. */
export interface ChartStore {
  chart(inputs: unknown, draw: () => string): string;
  save(): void;
}

/**
 * The store in `file`, valid for `codeKey` (the drawing code and its library). Charts are kept
 * in memory too, so a preview that renders again draws only what changed.
 */
export function chartStore(file: string, codeKey: string): ChartStore {
  let charts: Map<string, string> | undefined;
  // Drawn or used since the last save: the store on disk keeps the most recently used.
  let changed = false;
  const loaded = () =>
    (charts ??= new Map(
      readStored<Stored>(file, codeKey, (v) => Array.isArray(v.charts) && v.charts.every((e) => Array.isArray(e) && typeof e[0] === "string" && typeof e[1] === "string"))?.charts,
    ));
  return {
    chart(inputs, draw) {
      const map = loaded();
      // -0 prints as -0 (JSON would write it as 0).
      const key = createHash("sha256").update(JSON.stringify(inputs, (_, v: unknown) => (Object.is(v, -0) ? "-0" : v))).digest("base64url");
      const svg = map.get(key) ?? draw();
      // Most recently used last: the oldest go first when the store is full.
      map.delete(key);
      map.set(key, svg);
      changed = true;
      return svg;
    },
    save() {
      if (!changed || !charts) return;
      // The memory of a long preview is trimmed as the file is.
      for (const key of [...charts.keys()].slice(0, Math.max(0, charts.size - KEEP))) charts.delete(key);
      writeStored(file, codeKey, { charts: [...charts] } satisfies Stored);
      changed = false;
    },
  };
}

/** This module's extension: .js compiled (the CLI), .ts where the tests run the sources. */
const EXT = path.extname(fileURLToPath(import.meta.url));

/**
 * The key of the drawing code: charts.js (or .ts) as it is, the versions of ECharts and of
 * Handlebars (its escaping), and Node's (its ICU formats the figures: 1,234.5).
 */
export function chartCodeKey(): string {
  const require = createRequire(import.meta.url);
  const version = (name: string) => (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version: string }).version;
  const code = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), `charts${EXT}`));
  return createHash("sha256").update(JSON.stringify([version("echarts"), version("handlebars"), process.versions.node, process.versions.icu])).update(code).digest("hex");
}

let shared: ChartStore | undefined;
/**
 * The project's store (node_modules/.cache/plan-press/charts-js.json). The compiled CLI and the
 * sources the tests run keep one each, so they do not replace each other's.
 */
export function charts(): ChartStore {
  return (shared ??= chartStore(path.join(CACHE_DIR, `charts-${EXT.slice(1)}.json`), chartCodeKey()));
}
