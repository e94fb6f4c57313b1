// The booklet's parts from booklet.yaml: the one list of chapters that the TOC, the bookmarks,
// the chapter numbers, the running heads and the chapter headings all read. A generated part
// without data is left out, and a chapter left with nothing is left out whole.
import type { PlanData } from "../validate/validate.js";
import { contentAvailable, type DataCounts } from "../validate/declarations.js";
import type { ContentItem, GeneratedName, Terms } from "../validate/schema.js";
import { PlanPressError } from "../errors.js";
import type {
  Booklet, ChapterView, ContentView, DistrictView, EditionView, IndicatorView, PageNameView, PartView, PolicyAreaView, ProjectView,
  RelatedPlanView, TextSection, TocEntry,
} from "./types.js";
import { textKey } from "./change-keys.js";

/** The record views the parts draw on. */
export interface PartSources {
  edition: EditionView;
  terms: Terms;
  policyAreas: PolicyAreaView[];
  projects: ProjectView[];
  districts: DistrictView[];
  relatedPlans: RelatedPlanView[];
  indicators: IndicatorView[];
  /** A draft with a change list: it follows the TOC. */
  changes: boolean;
}

/** Parts in print order, the TOC tree (bookmarks follow it), where page 1 is, and the running heads. */
export function bookletParts(data: PlanData, views: PartSources): Pick<Booklet, "parts" | "toc" | "firstBodyAnchor" | "pageNames" | "whereIs" | "anchors"> {
  const { terms } = views;
  const counts: DataCounts = {
    policyAreas: views.policyAreas.length,
    policies: views.policyAreas.reduce((n, a) => n + a.policies.length, 0),
    projects: views.projects.length,
    districts: views.districts.length,
    mappedDistricts: views.districts.filter((d) => d.cells.length > 0).length,
    relatedPlans: views.relatedPlans.length,
    indicators: views.indicators.length,
  };
  const declared = data.booklet.parts;
  const tocAt = declared.indexOf("toc");
  const parts: PartView[] = [];
  const toc: TocEntry[] = [];
  const pageNames: PageNameView[] = [];
  const whereIs: Booklet["whereIs"] = {};
  let chapterCount = 0;
  let numbered = 0;
  const section = (name: string, anchor: string): TextSection => ({ key: textKey(name), ...splitTitle(data.texts[name] ?? "", anchor) });

  declared.forEach((part, i) => {
    if (part === "cover" || part === "toc" || part === "back-cover") {
      parts.push({ kind: part });
      if (part === "toc" && views.changes) parts.push({ kind: "change-list" });
      return;
    }
    const front = i < tocAt;
    const contents: ContentView[] = "chapter" in part ? part.contents.flatMap((item) => content(item)) : [];
    if ("chapter" in part && contents.length === 0) return;
    const whole = "text" in part ? section(part.text, `text-${part.text}`) : undefined;
    const title = "chapter" in part ? part.chapter : whole!.title;
    const number = !front && part.numbered ? ++numbered : undefined;
    const anchor = `ch-${++chapterCount}`;
    const pageName = front ? "front" : anchor;
    const chapter: ChapterView = {
      kind: "chapter", anchor, number, title, label: number ? `第${number}章　${title}` : title, pageName, front,
      text: whole && { ...whole, anchor: `${anchor}-text` }, contents,
    };
    parts.push(chapter);
    for (const c of contents) if (c.kind !== "text") whereIs[camel(c.kind)] ??= title;
    toc.push({ anchor, title, label: chapter.label, level: 1, number, children: contents.flatMap(tocEntries), ...(front ? { front } : {}) });
    if (front) return;
    const head = part.head ?? title;
    pageNames.push({ name: pageName, head });
    if (contents.some((c) => c.kind === "policies")) {
      views.policyAreas.forEach((a, k) => pageNames.push({
        name: a.pageName, head: `${head}　${terms.policyArea}${a.id}　${a.name}`, tab: `${terms.policyArea}${a.id}`, color: a.color,
        ...tabPlace(k, views.policyAreas.length),
      }));
    }
  });
  if (views.changes && tocAt < 0) parts.splice(parts[0]?.kind === "cover" ? 1 : 0, 0, { kind: "change-list" });
  const firstBody = parts.find((p): p is ChapterView => p.kind === "chapter" && !p.front);
  if (!firstBody) throw new PlanPressError("冊子に本文の章が1つもありません。booklet.yaml の parts に、目次（toc）の後の章を加えてください。");
  const flat = (entries: TocEntry[]): string[] => entries.flatMap((e) => [e.anchor, ...flat(e.children)]);
  const anchors = [...flat(toc), ...(parts.some((p) => p.kind === "back-cover") ? ["back-cover"] : [])];
  return { parts, toc, firstBodyAnchor: firstBody.anchor, pageNames, whereIs, anchors };

  function content(item: ContentItem): ContentView[] {
    if (typeof item !== "string") return [{ kind: "text", section: section(item.text, `text-${item.text}`) }];
    if (!contentAvailable(item, counts)) return [];
    return [{ kind: item, anchor: item, title: generatedTitle(item, terms) }];
  }

  function tocEntries(c: ContentView): TocEntry[] {
    switch (c.kind) {
      case "text":
        return [leaf(c.section.anchor, c.section.title, 2)];
      case "system-chart":
      case "policy-goals":
      case "how-to-read":
      case "indicator-notes":
        return [leaf(c.anchor, c.title, 2)];
      case "districts":
        return views.districts.map((d) => leaf(d.anchor, d.name, 2));
      case "projects":
        return views.projects.map((p) => leaf(p.anchor, `${terms.project}${p.id}　${p.name}`, 2));
      case "policies":
        return views.policyAreas
          .filter((a) => a.policies.length > 0)
          .map((a) => ({ ...leaf(a.anchor, `${terms.policyArea}${a.id}　${a.name}`, 2), children: a.policies.map((p) => leaf(p.anchor, `${p.id}　${p.title}`, 3)) }));
      default:
        return [];
    }
  }
}

/** The heading of a generated part, in the plan's own terms. */
function generatedTitle(name: GeneratedName, terms: Terms): string {
  const titles: Record<GeneratedName, string> = {
    "period-chart": "計画の期間",
    "structure-diagram": "計画の構成",
    "system-chart": "計画の体系図",
    "policy-goals": terms.policyAreaGoal,
    "district-overview": `${terms.districtPlan}の区分`,
    districts: terms.districtPlan,
    "project-list": `${terms.project}の一覧`,
    projects: terms.project,
    matrix: `${terms.policy}との対応`,
    "how-to-read": "各ページの見方",
    policies: terms.policy,
    "related-plans": `${terms.relatedPlanList}一覧`,
    "indicator-notes": `${terms.indicator}の解説`,
  };
  return titles[name];
}

/**
 * Thumb tabs step down the 259 mm type area: the first at the top, the last at the bottom, each
 * 30 mm tall, shorter when there are so many 政策 that they would overlap.
 */
function tabPlace(index: number, count: number): { tabOffset: number; tabHeight: number } {
  const height = Math.min(30, Math.floor(259 / count));
  const step = count > 1 ? (259 - height) / (count - 1) : 0;
  return { tabOffset: Math.round(index * step * 10) / 10, tabHeight: height };
}

/** "indicator-notes" → "indicatorNotes" (a name templates can use as a key). */
function camel(kind: string): string {
  return kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

function leaf(anchor: string, title: string, level: number): TocEntry {
  return { anchor, title, level, children: [] };
}

/** "# 見出し\n本文" → title and body; validation guarantees the heading. */
export function splitTitle(markdown: string, anchor: string): Omit<TextSection, "key"> {
  const text = markdown.trimStart();
  const nl = text.indexOf("\n");
  const first = nl === -1 ? text : text.slice(0, nl);
  return { anchor, title: first.replace(/^#\s+/, "").trim(), body: nl === -1 ? "" : text.slice(nl + 1) };
}
