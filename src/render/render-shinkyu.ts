// Render for `plan-press diff`: the 新旧対照表 as one HTML document (its own template and
// stylesheet under documents/), fonts referenced relative to where the HTML is written.
import { readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import type { FontFace } from "../fonts.js";
import { PROJECT_ROOT } from "../paths.js";
import { cssString, fontFaceCss } from "./render-html.js";

/** A run of text, marked when changed (underlined on the 新 side, struck through on the 旧 side). */
export interface TableSegment {
  text: string;
  changed: boolean;
}

/** The table's content, grouped in plan order. */
export interface ShinkyuTable {
  title: string;
  head: string;
  afterLabel: string;
  beforeLabel: string;
  count: number;
  groups: Array<{
    name: string;
    /** kind: 新設, 削除, 移動, or "" for a change of a field. */
    rows: Array<{ kind: string; item: string; before: TableSegment[]; after: TableSegment[]; numeric: boolean; page: string }>;
  }>;
}

/** The 新旧対照表 HTML. */
export function renderShinkyu(table: ShinkyuTable, options: { htmlDir: string; fonts: FontFace[] }): string {
  const hb = Handlebars.create();
  hb.registerHelper("css-string", (text: string) => new hb.SafeString(cssString(text)));
  const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), "utf8");
  const template = hb.compile(read("templates/documents/shinkyu-taisho.hbs"), { strict: true });
  // The stylesheet is the project's own (not data), so it is inserted unescaped.
  const css = `${fontFaceCss(options.htmlDir, options.fonts)}\n${read("styles/documents/shinkyu-taisho.css")}`;
  return template({ ...table, css: new hb.SafeString(css) });
}
