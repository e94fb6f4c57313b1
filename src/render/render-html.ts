// Stage 4, render: the booklet model through Handlebars page templates into one HTML document,
// styles inlined and fonts/icons referenced relative to where the HTML is written.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import type { Booklet, PolicyAreaView, StructureView } from "../model/types.js";
import type { Terms } from "../validate/schema.js";
import type { EditionName } from "../editions.js";
import { fontFaceRule, type FontFace } from "../fonts.js";
import { PROJECT_ROOT } from "../paths.js";
import { renderMarkdown, type MarkdownContext } from "./markdown.js";
import { figureSvg, figureTable, saveDrawnCharts, trendSvg } from "./charts.js";
import { districtMapSvg } from "./district-map.js";
import { sdgPlaceholderSvg } from "./sdg-placeholder.js";
import { partId } from "../model/change-keys.js";
import { markWords } from "../diff/mark-words.js";
import { glueEnd, typesetHtml } from "./typeset.js";
import { systemTreeHeadSvg, systemTreeSvgs } from "./system-tree.js";
import { structureDiagramSvg } from "./structure-diagram.js";
import { coverPatternSvg } from "./cover-pattern.js";
import { compileTemplates } from "./template-cache.js";

/** What the templates need besides the model. */
export interface RenderOptions {
  /** Folder the HTML will be written to; asset URLs are made relative to it. */
  htmlDir: string;
  fonts: FontFace[];
  edition: EditionName;
  /** Image files to use instead of the data's own, by name (the web edition's smaller copies). */
  imageFiles?: Record<string, string>;
}

export { EDITIONS, type EditionName } from "../editions.js";

const TEMPLATES_DIR = path.join(PROJECT_ROOT, "templates");
const STYLES_DIR = path.join(PROJECT_ROOT, "styles");

// Styles in cascade order: tokens first, then the page frame, then one file per page type.
const STYLE_ORDER = ["tokens.css", "base.css", "page.css"];

// The compiled templates of the last render, reused while no template file changed (the preview
// renders on every save; compiling them is a third of its time).
let compiled: { sources: string; hb: typeof Handlebars; template: HandlebarsTemplateDelegate } | undefined;

/** Renders the whole booklet as one HTML string. */
export function renderHtml(booklet: Booklet, options: RenderOptions): string {
  // Page types and parts by file name; shared pieces (partials/) likewise; chapter contents as contents/<kind>.
  const folder = (dir: string, prefix: string) =>
    readdirSync(path.join(TEMPLATES_DIR, dir)).filter((f) => f.endsWith(".hbs") && f !== "booklet.hbs").map((f) => [`${prefix}${f.replace(/\.hbs$/, "")}`, readTemplate(path.join(dir, f))]);
  const partials = [...folder("partials", ""), ...folder(".", ""), ...folder("contents", "contents/")] as Array<[string, string]>;
  const main = readTemplate("booklet.hbs");
  const sources = JSON.stringify([main, partials]);
  if (compiled?.sources !== sources) {
    const hb = Handlebars.create();
    compiled = { sources, hb, template: compileTemplates(hb, main, partials, { strict: true, noEscape: false }) };
  }
  const { hb, template } = compiled;
  // Helpers close over this render's options and changes: registered anew each time.
  registerHelpers(hb, options, new Set(booklet.changes?.ids ?? []), booklet);
  // The stylesheet is the project's own (not data), so it is inserted unescaped.
  const e = booklet.edition;
  // Images in the model name their files; the page refers to them relative to where it is written.
  const url = (src: string) => relativeUrl(options.htmlDir, options.imageFiles?.[path.basename(src)] ?? src);
  const edition = {
    ...e,
    ...(e.emblem ? { emblem: { ...e.emblem, src: url(e.emblem.src) } } : {}),
    ...(e.keyVisual ? { keyVisual: { ...e.keyVisual, src: url(e.keyVisual.src) } } : {}),
  };
  const html = template({
    ...booklet,
    edition,
    css: new hb.SafeString(styles(options)),
    editionName: options.edition,
    draftStamp: `${e.stage}　${e.version}　${e.dayLabel}`,
  });
  saveDrawnCharts();
  // Identifiers, figures and years unbroken, paragraph ends kept together (render/typeset.ts).
  const t = booklet.terms;
  const typeset = typesetHtml(html, { numbered: [t.policyArea, t.directionShort, t.project] });
  // A draft with changes: the changed words inside the marked elements (src/diff/mark-words.ts).
  return booklet.changes ? markWords(typeset, booklet.changes.marks) : typeset;
}

function readTemplate(name: string): string {
  return readFileSync(path.join(TEMPLATES_DIR, name), "utf8");
}

/** Every stylesheet inlined (one request fewer each), with font URLs relative to the HTML. */
function styles(options: RenderOptions): string {
  const files = readdirSync(STYLES_DIR).filter((f) => f.endsWith(".css"));
  const ordered = [...STYLE_ORDER.filter((f) => files.includes(f)), ...files.filter((f) => !STYLE_ORDER.includes(f)).sort()];
  // An edition's own stylesheet (page size and bleed of the print edition) comes last.
  const edition = `editions/${options.edition}.css`;
  if (existsSync(path.join(STYLES_DIR, edition))) ordered.push(edition);
  return [fontFaceCss(options.htmlDir, options.fonts), ...ordered.map((f) => `/* ${f} */\n${readFileSync(path.join(STYLES_DIR, f), "utf8")}`)].join("\n");
}

/** @font-face rules for the booklet's fonts, with URLs relative to the HTML's folder. */
export function fontFaceCss(htmlDir: string, fonts: FontFace[]): string {
  return fonts
    .map((f) => fontFaceRule(f, `url("${relativeUrl(htmlDir, f.file)}") format("truetype")`))
    .join("\n");
}

/** A URL from the HTML's folder to a project file, so the HTML opens anywhere it is written. */
export function relativeUrl(fromDir: string, file: string): string {
  return path.relative(fromDir, file).split(path.sep).map(encodeURIComponent).join("/");
}

/** A CSS string literal for data in running heads: quotes, backslashes and "<" are escaped
 * (the string sits inside <style>, where "</style>" would end it). */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"<>]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `).replace(/[\n\r\f]/g, " ")}"`;
}

/** How a text's figures and photos are drawn: numbered charts and tables, images from the data's folder. */
function markdownContext(hb: typeof Handlebars, options: RenderOptions, booklet: Booklet, mini = false): MarkdownContext {
  const esc = hb.escapeExpression;
  return {
    figure: (_kind, id) => {
      const found = booklet.figures[id];
      if (!found) return undefined;
      // The 各ページの見方 miniature draws its page again: without ids (they must stay unique).
      const f = mini ? { ...found, anchor: "", id: `mini-${found.id}` } : found;
      const notes = [f.source ? `<p class="figure__source">出典：${esc(f.source)}</p>` : "", f.note ? `<p class="figure__note">${esc(f.note)}</p>` : ""].join("");
      const anchor = f.anchor ? ` id="${esc(f.anchor)}"` : "";
      if (f.type === "table") return `<div class="figure figure--table"${anchor}>${figureTable(f)}${notes}</div>\n`;
      const caption = `<p class="figure__caption"><span class="figure__label">${esc(f.label)}</span>${esc(f.caption)}</p>`;
      return `<div class="figure"${anchor}><div class="figure__chart">${figureSvg(f)}</div>${caption}${notes}</div>\n`;
    },
    image: (name, alt, title) => {
      const file = booklet.images[name];
      if (!file) return undefined;
      const src = relativeUrl(options.htmlDir, options.imageFiles?.[name] ?? file);
      const img = `<img class="photo__image" src="${esc(src)}" alt="${esc(alt)}" data-image="${esc(name)}">`;
      return `<span class="photo">${img}${title ? `<span class="photo__caption">${esc(title)}</span>` : ""}</span>`;
    },
  };
}

function registerHelpers(hb: typeof Handlebars, options: RenderOptions, changed: Set<string>, booklet: Booklet): void {
  // ` id="chg-…"` on an item a revision can change (model/change-keys.ts), and `data-changed`
  // when the draft marks it; nothing for the 各ページの見方 miniature, whose keys are blank.
  hb.registerHelper("chg", (key: unknown, part: unknown) => {
    if (typeof key !== "string" || key === "") return "";
    const id = partId(key, typeof part === "string" ? part : undefined);
    return new hb.SafeString(` id="${hb.escapeExpression(id)}"${changed.has(id) ? " data-changed" : ""}`);
  });
  const context = markdownContext(hb, options, booklet);
  const miniContext = markdownContext(hb, options, booklet, true);
  // {{md text}}, or {{md text mini}} inside the 各ページの見方 miniature.
  hb.registerHelper("md", (text: string, mini: unknown) => new hb.SafeString(renderMarkdown(text, mini === true ? miniContext : context)));
  // An indicator's trend chart, in its 政策's colour.
  hb.registerHelper("trend-chart", (trend: Booklet["indicators"][number]["trend"], key: string, colour: unknown) =>
    new hb.SafeString(trend ? trendSvg(trend, key || "mini", typeof colour === "string" ? colour : undefined) : ""));
  hb.registerHelper("css-string", (text: string) => new hb.SafeString(cssString(text)));
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("gt", (a: number, b: number) => a > b);
  hb.registerHelper("len", (list: unknown[]) => list.length);
  // True when any item of the list has the named field (e.g. an indicator with a trend).
  hb.registerHelper("some", (list: Array<Record<string, unknown>>, field: string) => list.some((item) => item[field] !== undefined));
  hb.registerHelper("add", (a: number, b: number) => a + b);
  // A text that ends a paragraph where its element does not: its last characters kept together.
  hb.registerHelper("end", (text: unknown) => new hb.SafeString(glueEnd(hb.escapeExpression(String(text ?? "")))));
  // A short name kept on one line (a unit, a department), longer text left to break by phrase.
  hb.registerHelper("keep", (text: unknown, max: unknown) => {
    const s = hb.escapeExpression(String(text ?? ""));
    return new hb.SafeString([...String(text ?? "")].length <= Number(max) ? `<span class="nb">${s}</span>` : s);
  });
  // Links to pages by number (1-1、1-2 …), the last two kept together so a line never holds one alone.
  hb.registerHelper("ref-list", (items: Array<{ anchor: string; id: string | number }>) => {
    if (items.length === 0) return "—";
    const links = items.map((i) => `<a href="#${hb.escapeExpression(i.anchor)}">${hb.escapeExpression(String(i.id))}</a>`);
    const tail = links.splice(Math.max(0, links.length - 2)).join("、");
    return new hb.SafeString([...links, `<span class="nb">${tail}</span>`].join("、"));
  });
  // The year a figure column ("baseline"/"target") gives in its head: the one most of its rows
  // share (at least half). Cells of another year print their own under the figure. Rows may be
  // nested (a project's KPI rows under their 方針).
  hb.registerHelper("head-year", (rows: Array<Record<string, unknown>>, field: string) => headYear(rows, field));
  hb.registerHelper("own-year", (value: { year: string; yearSub: string }, head: { year: string; yearSub: string } | null) =>
    !head || head.year !== value.year || head.yearSub !== value.yearSub);
  // The diagrams drawn from the data (render/system-tree.ts, render/structure-diagram.ts).
  hb.registerHelper("system-tree", (area: PolicyAreaView, terms: Terms) =>
    new hb.SafeString(systemTreeSvgs(area, terms).map((svg) => `<div class="system-tree__area">${svg}</div>`).join("")));
  hb.registerHelper("system-tree-head", (terms: Terms, withProjects: unknown) => new hb.SafeString(systemTreeHeadSvg(terms, Boolean(withProjects))));
  hb.registerHelper("cover-pattern", (areas: PolicyAreaView[]) => new hb.SafeString(coverPatternSvg(areas.map((a) => a.color), 162, 84, 9)));
  hb.registerHelper("structure-diagram", (structure: StructureView) => new hb.SafeString(structureDiagramSvg(structure)));
  // The template of a chapter content kind (templates/contents/<kind>.hbs).
  hb.registerHelper("content-partial", (kind: string) => `contents/${kind}`);
  hb.registerHelper("district-map", (districts: Booklet["districts"], highlight: string | undefined) =>
    new hb.SafeString(districtMapSvg(districts, typeof highlight === "string" ? highlight : undefined)),
  );
  hb.registerHelper("sdg-icon", (goal: { id: number; title: string; color: string; icon?: string; alt: string }) => {
    if (goal.icon) {
      const src = relativeUrl(options.htmlDir, path.join(PROJECT_ROOT, goal.icon));
      return new hb.SafeString(`<img class="sdg-icon" src="${hb.escapeExpression(src)}" alt="${hb.escapeExpression(goal.alt)}">`);
    }
    return new hb.SafeString(sdgPlaceholderSvg(goal));
  });
}

/** The most common year of a figure column, when at least half of its rows have it. */
export function headYear(rows: Array<Record<string, unknown>>, field: string): { year: string; yearSub: string } | null {
  const flat = rows.flatMap((r) => (Array.isArray(r.kpis) ? (r.kpis as Array<Record<string, unknown>>) : [r]));
  const counts = new Map<string, { view: { year: string; yearSub: string }; n: number }>();
  for (const r of flat) {
    const view = r[field] as { year: string; yearSub: string };
    const key = view.year + view.yearSub;
    const entry = counts.get(key) ?? { view, n: 0 };
    entry.n++;
    counts.set(key, entry);
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  return best && best.n * 2 >= flat.length ? best.view : null;
}
