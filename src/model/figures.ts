// Figures numbered in the order the booklet prints them (図1, 図2 … and 表1 …, or per chapter:
// 図3-1), found where texts place them: Markdown sections and chapters, and the Markdown fields
// of 重点施策, projects and districts, in the order booklet.yaml puts those on the pages.
import type { PlanData } from "../validate/validate.js";
import type { ResolvedFigure } from "../validate/figures.js";
import { FIGURE_DIRECTIVE } from "../validate/media-refs.js";
import type { ChapterView, FigureView, PartView } from "./types.js";

/** Every placed figure by id, with its number and accessible description. */
export function numberFigures(data: PlanData, parts: PartView[]): Record<string, FigureView> {
  const out: Record<string, FigureView> = {};
  const perBooklet = data.booklet.figureNumbers === "booklet";
  const counters = new Map<string, number>();
  const chapters = parts.filter((p): p is ChapterView => p.kind === "chapter");
  for (const chapter of chapters) {
    const prefix = !perBooklet && chapter.number ? `${chapter.number}-` : "";
    for (const text of textsOf(chapter, data)) {
      for (const m of text.matchAll(FIGURE_DIRECTIVE)) {
        const [, kind, id] = m as unknown as [string, "図" | "表", string];
        const figure = data.figures[id];
        if (!figure || out[id]) continue;
        const counter = `${kind}${prefix}`;
        const n = (counters.get(counter) ?? 0) + 1;
        counters.set(counter, n);
        out[id] = view(figure, `${kind}${prefix}${n}`);
      }
    }
  }
  return out;
}

/** The texts of a chapter that can place figures, in page order. */
function textsOf(chapter: ChapterView, data: PlanData): string[] {
  const texts: string[] = chapter.text ? [chapter.text.body] : [];
  for (const c of chapter.contents) {
    if (c.kind === "text") texts.push(c.section.body);
    else if (c.kind === "policies") texts.push(...data.policies.map((p) => p.issues));
    else if (c.kind === "projects") texts.push(...data.projects.flatMap((p) => [p.situation ?? "", p.aim ?? ""]));
    else if (c.kind === "districts") texts.push(...data.districts.map((d) => d.features));
  }
  return texts;
}

function view(figure: ResolvedFigure, label: string): FigureView {
  return {
    id: figure.id, anchor: `figure-${figure.id}`, label, type: figure.type, caption: figure.caption, unit: figure.unit,
    categories: figure.categories, series: figure.series,
    ...(figure.source ? { source: figure.source } : {}), ...(figure.note ? { note: figure.note } : {}),
    alt: figure.alt ?? describe(figure, label),
  };
}

/** A text alternative from the values: what a reader of the chart would take from it. */
function describe(f: ResolvedFigure, label: string): string {
  const unit = f.unit;
  const series = f.series.map((s) => {
    const points = s.values.map((v, i) => (v === null ? undefined : `${f.categories[i]} ${v.toLocaleString("ja-JP")}${unit}`)).filter(Boolean);
    if (f.type === "pie" || points.length <= 6) return `${s.name}: ${points.join("、")}`;
    return `${s.name}: ${points[0]} から ${points.at(-1)}`;
  });
  return `${label} ${f.caption}。${series.join("。")}`;
}
