// Stage 3, model: numbers everything, formats figures and years, and derives the views that
// are never typed twice (project links, the matrix, the plan list, the 資料編).
import type { PlanData } from "../validate/validate.js";
import type { PolicyData, RelatedPlanData } from "../validate/schema.js";
import type {
  Booklet, ChangeListView, DirectionView, EditionView, IndicatorView, LinkedDirection, MatrixRow, PlanRef, PolicyAreaView,
  PolicyView, ProjectView, RelatedPlanView, TextSection, TocEntry, ValueView, WordMark,
} from "./types.js";
import { compactYear, dateLabel, dayLabel, eraYear, fiscalYearLabel, formatNumber, periodLabel, type YearStyle } from "./format.js";
import {
  areaKey, basicDirectionKey, directionKey, districtKey, indicatorKey, policyKey, programKey, projectKey, projectTargetKey, textKey,
} from "./change-keys.js";

/** Options that do not come from the data: which SDG icon files exist, what changed. */
export interface ModelOptions {
  /** Relative URL of the official icon of goal N, if its file is present. */
  sdgIcon: (goal: number) => string | undefined;
  /** A draft's changes since an earlier version (src/diff/), listed and marked. */
  changes?: {
    since: string;
    rows: Array<{ group: string; item: string; kind: string; key: string; place?: string; oldPage?: string }>;
    marks: WordMark[];
  };
}

const DIRECTION_MARK: Record<string, string> = { 増加: "↑", 減少: "↓", 維持: "→" };

/** Builds the booklet model from validated data. */
export function buildModel(data: PlanData, options: ModelOptions): Booklet {
  const style = data.edition.yearStyle;
  const value = (v: { value: number; year: number }, digits: number): ValueView => {
    const y = compactYear(v.year, style);
    return { value: formatNumber(v.value, digits), year: y.main, yearSub: y.sub, yearFull: fiscalYearLabel(v.year, style) };
  };
  const plansById = new Map(data.relatedPlans.map((p) => [p.id, p]));
  const sourceOf = (key: string) => data.sources.get(key)?.file ?? "";
  const planRef = (p: RelatedPlanData): PlanRef => ({
    id: p.id, name: p.name, department: p.department,
    period: p.period.to === undefined ? `${fiscalYearLabel(p.period.from, style)}〜（随時見直し）` : periodShort(p.period.from, p.period.to, style),
  });
  const areaName = new Map(data.policyAreas.map((a) => [a.id, a.name]));
  const sdgById = new Map(data.sdgs.map((g) => [g.id, g]));

  const policies: PolicyView[] = data.policies.map((policy) => {
    const areaId = Number(policy.id.split("-")[0]);
    let seq = 0;
    const directions: DirectionView[] = policy.directions.map((d, i) => {
      const label = `方針${i + 1}`;
      return {
        key: directionKey(policy.id, i + 1), number: i + 1, label, title: d.title, summary: d.summary,
        programs: d.programs.map((p, k) => ({ key: programKey(policy.id, i + 1, k + 1), name: p.name, description: p.description })),
        projects: unique(d.projects.map((l) => l.project)).map((id) => ({ id, anchor: `project-${id}`, label: `重点プロジェクト${id}` })),
        indicators: d.indicators.map((ind, k): IndicatorView => {
          seq++;
          const digits = Math.max(ind.baseline.digits, ind.target.digits);
          return {
            key: indicatorKey(policy.id, i + 1, k + 1), anchor: `indicator-${policy.id}-${seq}`, number: `${policy.id}-${seq}`, name: ind.name, unit: ind.unit,
            baseline: value(ind.baseline, digits), target: value(ind.target, digits),
            direction: ind.direction, directionMark: DIRECTION_MARK[ind.direction] ?? "",
            cumulative: ind.cumulative, definition: ind.definition, calculation: ind.calculation,
            rationale: ind.rationale, policyId: policy.id, policyTitle: policy.title, directionLabel: label,
          };
        }),
      };
    });
    return {
      key: policyKey(policy.id), source: sourceOf(`policy:${policy.id}`), id: policy.id, anchor: `policy-${policy.id}`, areaId, areaName: areaName.get(areaId) ?? "",
      title: policy.title, vision: policy.vision, issues: policy.issues, directions,
      sdgs: policy.sdgs.map((g) => {
        const goal = sdgById.get(g)!;
        return { id: g, title: goal.title, color: goal.color, icon: options.sdgIcon(g), alt: `SDGs ゴール${g}「${goal.title}」` };
      }),
      relatedPlans: policy.relatedPlans.map((id) => planRef(plansById.get(id)!)),
      pageName: `area-${areaId}`,
    };
  });

  const policyAreas: PolicyAreaView[] = data.policyAreas.map((a) => ({
    key: areaKey(a.id), source: sourceOf(`policyArea:${a.id}`), id: a.id, anchor: `area-${a.id}`, name: a.name, goal: a.goal, pageName: `area-${a.id}`,
    policies: policies.filter((p) => p.areaId === a.id),
  }));

  const projects: ProjectView[] = data.projects.map((project) => ({
    key: projectKey(project.id), source: sourceOf(`project:${project.id}`), id: project.id, anchor: `project-${project.id}`, name: project.name,
    nationalStrategy: project.nationalStrategy, summary: project.summary,
    situation: project.situation, aim: project.aim,
    targets: project.targets.map((t, k) => {
      const digits = Math.max(t.baseline.digits, t.target.digits);
      return { key: projectTargetKey(project.id, k + 1), name: t.name, unit: t.unit, baseline: value(t.baseline, digits), target: value(t.target, digits) };
    }),
    basicDirections: project.basicDirections.map((b, i) => ({
      key: basicDirectionKey(project.id, i + 1), number: i + 1, title: b.title, overview: b.overview,
      directions: linkedDirections(data.policies, policies, project.id, i + 1),
    })),
    relatedPlans: project.relatedPlans.map((id) => planRef(plansById.get(id)!)),
  }));

  const matrixRows: MatrixRow[] = [];
  for (const area of policyAreas) {
    area.policies.forEach((p, i) => {
      const source = data.policies.find((d) => d.id === p.id)!;
      matrixRows.push({
        areaName: area.name, areaGoal: area.goal, areaRowSpan: i === 0 ? area.policies.length : 0, areaId: area.id,
        lastOfArea: i === area.policies.length - 1,
        policyId: p.id, policyTitle: p.title, policyAnchor: p.anchor,
        cells: data.projects.map((proj) => ({
          directions: source.directions
            .map((d, k) => (d.projects.some((l) => l.project === proj.id) ? `方針${k + 1}：${d.title}` : ""))
            .filter(Boolean),
        })),
      });
    });
  }

  const relatedPlans: RelatedPlanView[] = data.relatedPlans.map((p) => ({
    ...planRef(p),
    policies: data.policies.filter((pol) => pol.relatedPlans.includes(p.id)).map((pol) => ({ id: pol.id, anchor: `policy-${pol.id}` })),
    projects: data.projects.filter((pr) => pr.relatedPlans.includes(p.id)).map((pr) => ({ id: pr.id, anchor: `project-${pr.id}` })),
  }));

  const section = (name: keyof PlanData["texts"], anchor: string): TextSection => ({ key: textKey(name), ...splitTitle(data.texts[name], anchor) });
  const intro = [section("purpose", "intro-purpose"), section("period", "intro-period"), section("management", "intro-management")];
  const structureText = section("structure", "structure-text");
  const districtsText = section("districts", "districts-text");
  const projectsText = section("projects", "projects-text");
  const districts = data.districts.map((d, i) => ({
    key: districtKey(d.id), source: sourceOf(`district:${d.id}`), id: d.id, anchor: `district-${d.id}`, name: d.name, features: d.features, vision: d.vision,
    initiatives: d.initiatives, cells: d.map.cells, colorIndex: i % 11,
  }));
  const e = data.edition;

  const chapters: TocEntry[] = [
    chapter("ch-intro", "はじめに", intro.map((s) => leaf(s.anchor, s.title, 2))),
    chapter("ch-structure", "計画の体系", [leaf(structureText.anchor, structureText.title, 2), leaf("structure-chart", "計画の体系図", 2), leaf("structure-goals", "政策のゴール", 2)]),
    chapter("ch-districts", "地区別計画", [leaf(districtsText.anchor, districtsText.title, 2), ...districts.map((d) => leaf(d.anchor, d.name, 2))]),
    chapter("ch-projects", "重点プロジェクト（伊勢崎市版総合戦略）", [leaf(projectsText.anchor, projectsText.title, 2), ...projects.map((p) => leaf(p.anchor, `重点プロジェクト${p.id}　${p.name}`, 2))]),
    chapter("ch-matrix", "重点施策との対応", []),
    chapter("ch-policies", "重点施策", [
      leaf("how-to-read", "各ページの見方", 2),
      ...policyAreas.map((a) => ({ ...leaf(a.anchor, `政策${a.id}　${a.name}`, 2), children: a.policies.map((p) => leaf(p.anchor, `${p.id}　${p.title}`, 3)) })),
    ]),
    chapter("ch-plans", "個別計画一覧", []),
    chapter("ch-appendix", "資料編", [leaf("appendix-indicators", "成果指標の解説", 2)]),
  ];
  // Chapters are numbered in the TOC and on their opening pages; the bookmarks say so too.
  const toc = chapters.map((c, i) => ({ ...c, label: `第${i + 1}章　${c.title}` }));

  return {
    edition: {
      title: e.title, subtitle: e.subtitle, city: e.city, author: e.author, futureVision: e.futureVision,
      stage: e.stage, version: e.version, dateLabel: dateLabel(e.date), dayLabel: dayLabel(e.date), isoDate: e.date,
      period: periodLabel(e.period.from, e.period.to, style),
      periodShort: periodShort(e.period.from, e.period.to, style),
      longTermVision: `${e.longTermVision.name}　${periodLabel(e.longTermVision.period.from, e.longTermVision.period.to, style)}`,
      publisher: e.publisher, keywords: e.keywords, sampleContent: e.sampleContent,
      timeline: timeline(e, style),
    },
    toc,
    intro,
    structure: { text: structureText, areas: policyAreas, projects },
    districts: { text: districtsText, list: districts },
    projects: { text: projectsText, list: projects },
    matrix: { projects: data.projects.map((p) => ({ id: p.id, name: p.name, nameLines: nameLines(p.name) })), rows: matrixRows },
    policyAreas,
    howToRead: withoutKeys(policies[0]!),
    changes: options.changes && changeList(options.changes),
    relatedPlans,
    indicators: policies.flatMap((p) => p.directions.flatMap((d) => d.indicators)),
    pageNames: [
      { name: "intro", head: "はじめに", colorVar: "--accent" },
      { name: "structure", head: "計画の体系", colorVar: "--accent" },
      { name: "districts", head: "地区別計画", colorVar: "--accent" },
      { name: "projects", head: "重点プロジェクト", colorVar: "--accent" },
      { name: "matrix", head: "重点施策との対応", colorVar: "--accent" },
      { name: "policies", head: "重点施策", colorVar: "--accent" },
      ...policyAreas.map((a, i) => ({
        name: a.pageName, head: `重点施策　政策${a.id}　${a.name}`, colorVar: `--area-${a.id}`, tab: `政策${a.id}`,
        tabOffset: tabOffset(i, policyAreas.length),
      })),
      { name: "plans", head: "個別計画一覧", colorVar: "--accent" },
      { name: "appendix", head: "資料編", colorVar: "--accent" },
    ],
  };

  function linkedDirections(sources: PolicyData[], views: PolicyView[], projectId: number, basic: number): LinkedDirection[] {
    const out: LinkedDirection[] = [];
    sources.forEach((source, i) => {
      source.directions.forEach((d, k) => {
        if (!d.projects.some((l) => l.project === projectId && l.basicDirection === basic)) return;
        const view = views[i]!;
        out.push({
          policyId: view.id, policyTitle: view.title, policyAnchor: view.anchor,
          label: `${view.id} 方針${k + 1}`, title: d.title, kpis: view.directions[k]!.indicators,
        });
      });
    });
    return out;
  }
}

/**
 * 計画の期間 as bars over the long-term vision's fiscal years: the vision, this plan, and the
 * plan that follows it within the vision (後期), derived from the edition's two periods.
 */
function timeline(e: PlanData["edition"], style: YearStyle): EditionView["timeline"] {
  const { from, to } = e.longTermVision.period;
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i).map((y) => ({ era: eraYear(y), western: String(y) }));
  const bar = (label: string, a: number, b: number, current: boolean) => ({
    label, period: periodShort(a, b, style), years: `${b - a + 1}年間`, start: a - from + 1, span: b - a + 1, current,
  });
  const later = e.title.includes("前期");
  const bars = [
    bar(e.longTermVision.name, from, to, false),
    bar(`${later ? "前期アクションプラン" : "アクションプラン"}（本計画）`, e.period.from, e.period.to, true),
  ];
  if (later && e.period.to < to) bars.push(bar("後期アクションプラン", e.period.to + 1, to, false));
  return { years, bars };
}

/** A project's name for a narrow column head: 「少子高齢化対策」「プロジェクト」 on two lines, never broken inside a word. */
function nameLines(name: string): string[] {
  const m = /^(.+?)(プロジェクト)$/.exec(name);
  return m ? [m[1]!, m[2]!] : [name];
}

/** A copy of a view with every change-mark key blanked (ids must be unique on the page). */
function withoutKeys<T>(view: T): T {
  return JSON.parse(JSON.stringify(view), (name, value) => (name === "key" ? "" : value));
}

const CHANGE_KIND: Record<string, string> = { changed: "変更", added: "新設", removed: "削除", moved: "移動" };

/** Rows of the comparison grouped as they come (in plan order), for the front list. A removed
 * item has no page now: the list gives the page it had (旧 p.57); the cover has no number. */
function changeList(changes: NonNullable<ModelOptions["changes"]>): ChangeListView {
  const groups: ChangeListView["groups"] = [];
  for (const row of changes.rows) {
    let group = groups.at(-1);
    if (!group || group.name !== row.group) groups.push((group = { name: row.group, items: [] }));
    const page = row.key ? "" : row.oldPage ? `旧 p.${row.oldPage}` : (row.place ?? "—");
    group.items.push({ item: row.item, kind: CHANGE_KIND[row.kind] ?? row.kind, id: row.key, page });
  }
  return { since: changes.since, count: changes.rows.length, groups, ids: changes.marks.map((m) => m.id), marks: changes.marks };
}

/** Thumb tabs step down the 259 mm type area, 30 mm each: the first at the top, the last at the bottom. */
function tabOffset(index: number, count: number): number {
  const step = count > 1 ? (259 - 30) / (count - 1) : 0;
  return Math.round(index * step * 10) / 10;
}

/** A short period in the edition's style: 令和7〜11年度（2025〜2029年度）, 2025〜2029（令和7〜11）年度 … */
export function periodShort(from: number, to: number, style: YearStyle): string {
  const era = `${eraYear(from)}〜${sameEra(from, to) ? eraYear(to).replace(/^\D+/, "") : eraYear(to)}`;
  switch (style) {
    case "era-western":
      return `${era}年度（${from}〜${to}年度）`;
    case "western-era":
      return `${from}〜${to}（${era}）年度`;
    case "era":
      return `${era}年度`;
    case "western":
      return `${from}〜${to}年度`;
  }
}

function sameEra(a: number, b: number): boolean {
  return eraYear(a).replace(/[\d元]+$/, "") === eraYear(b).replace(/[\d元]+$/, "");
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

function chapter(anchor: string, title: string, children: TocEntry[]): TocEntry {
  return { anchor, title, level: 1, children };
}

function leaf(anchor: string, title: string, level: number): TocEntry {
  return { anchor, title, level, children: [] };
}

/** "# 見出し\n本文" → title and body; validation guarantees the heading. */
function splitTitle(markdown: string, anchor: string): Omit<TextSection, "key"> {
  const text = markdown.trimStart();
  const nl = text.indexOf("\n");
  const first = nl === -1 ? text : text.slice(0, nl);
  return { anchor, title: first.replace(/^#\s+/, "").trim(), body: nl === -1 ? "" : text.slice(nl + 1) };
}
