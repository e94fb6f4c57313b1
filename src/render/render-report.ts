// Render for `plan-press report`: the progress report as one HTML document, on the booklet's own
// tokens, base styles and page frame (so it prints and paginates the same way), with its own
// template and stylesheet under documents/.
import { readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import type { FontFace } from "../fonts.js";
import { PROJECT_ROOT } from "../paths.js";
import type { ReportView } from "../progress/report-model.js";
import { cssString, fontFaceCss } from "./render-html.js";
import { saveDrawnCharts, trendSvg } from "./charts.js";

/** The progress report's HTML. */
export function renderReport(report: ReportView, options: { htmlDir: string; fonts: FontFace[] }): string {
  const hb = Handlebars.create();
  const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), "utf8");
  hb.registerHelper("css-string", (text: string) => new hb.SafeString(cssString(text)));
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("some", (list: Array<Record<string, unknown>>, field: string) => list.some((item) => item[field] !== undefined));
  hb.registerHelper("trend-chart", (trend: ReportView["policies"][number]["rows"][number]["trend"], key: string) =>
    new hb.SafeString(trend ? trendSvg(trend, `report-${key}`) : ""));
  for (const name of ["toc-line", "page-ref"]) hb.registerPartial(name, read(`templates/partials/${name}.hbs`));
  hb.registerPartial("progress-rows", read("templates/documents/progress-rows.hbs"));
  const template = hb.compile(read("templates/documents/progress-report.hbs"), { strict: true });
  // The stylesheets are the project's own (not data), so they are inserted unescaped.
  const css = [
    fontFaceCss(options.htmlDir, options.fonts),
    ...["tokens.css", "base.css", "page.css", "toc.css", "chapter.css", "figures.css", "draft.css", "documents/progress-report.css"].map((f) => read(`styles/${f}`)),
  ].join("\n");
  const html = template({ ...report, head: `進行管理報告書　${report.yearLabel}`, css: new hb.SafeString(css) });
  saveDrawnCharts();
  return html;
}
