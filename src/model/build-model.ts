// Stage 3, model: numbers everything, formats figures and years, and derives the views that
// are never typed twice (project links, the matrix, the plan list, the 資料編). The booklet's
// parts, chapter numbers, TOC and running heads come from booklet.yaml (model/parts.ts).
import type { PlanData } from "../validate/validate.js";
import type { PolicyData, RelatedPlanData, Terms } from "../validate/schema.js";
import type {
  Booklet, ChangeListView, DirectionView, DistrictView, IndicatorView, LinkedDirection, MatrixRow, PlanRef, PolicyAreaView,
  PolicyView, ProjectView, RelatedPlanView, ValueView, WordMark,
} from "./types.js";
import { compactYear, fiscalYearLabel, formatNumber, periodShort } from "./format.js";
import {
  areaKey, basicDirectionKey, directionKey, districtKey, indicatorKey, policyKey, programKey, projectKey, projectTargetKey,
} from "./change-keys.js";
import { areaColours } from "./palette.js";
import { editionView } from "./edition-view.js";
import { bookletParts } from "./parts.js";
import { numberFigures } from "./figures.js";
import { trendOf } from "./trend.js";
import { diagramViews } from "./diagrams.js";
import { editionDates } from "./edition-dates.js";

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
  const terms = data.plan.terms as Terms;
  const style = data.edition.yearStyle;
  const value = (v: { value: number; year: number }, digits: number): ValueView => {
    const y = compactYear(v.year, style);
    return { value: formatNumber(v.value, digits), year: y.main, yearSub: y.sub, yearFull: fiscalYearLabel(v.year, style) };
  };
  const plansById = new Map(data.relatedPlans.map((p) => [p.id, p]));
  const fileOf = (key: string) => data.files[key] ?? "";
  const planRef = (p: RelatedPlanData): PlanRef => ({
    id: p.id, name: p.name, department: p.department,
    period: p.period.to === undefined ? `${fiscalYearLabel(p.period.from, style)}〜（随時見直し）` : periodShort(p.period.from, p.period.to, style),
  });
  const sdgById = new Map(data.sdgs.map((g) => [g.id, g]));
  const colours = areaColours(data.policyAreas);
  const areaOf = new Map(data.policyAreas.flatMap((a) => a.policies.map((id) => [id, a] as const)));

  const policyView = (policy: PolicyData): PolicyView => {
    const area = areaOf.get(policy.id)!;
    let seq = 0;
    const directions: DirectionView[] = policy.directions.map((d, i) => {
      const label = `${terms.directionShort}${i + 1}`;
      return {
        key: directionKey(policy.id, i + 1), number: i + 1, label, title: d.title, summary: d.summary,
        programs: d.programs.map((p, k) => ({ key: programKey(policy.id, i + 1, k + 1), name: p.name, description: p.description })),
        projects: unique(d.projects.map((l) => l.project)).map((id) => ({ id, anchor: `project-${id}`, label: `${terms.project}${id}` })),
        indicators: d.indicators.map((ind, k): IndicatorView => {
          seq++;
          const digits = Math.max(ind.baseline.digits, ind.target.digits);
          return {
            key: indicatorKey(policy.id, i + 1, k + 1), anchor: `indicator-${policy.id}-${seq}`, number: `${policy.id}-${seq}`, name: ind.name, unit: ind.unit,
            baseline: value(ind.baseline, digits), target: value(ind.target, digits),
            direction: ind.direction, directionMark: DIRECTION_MARK[ind.direction] ?? "",
            cumulative: ind.cumulative, definition: ind.definition, calculation: ind.calculation,
            rationale: ind.rationale, policyId: policy.id, policyTitle: policy.title, directionLabel: label,
            ...optional("trend", trendOf(ind, style)),
          };
        }),
      };
    });
    return {
      key: policyKey(policy.id), source: fileOf(`policy:${policy.id}`), id: policy.id, anchor: `policy-${policy.id}`, areaId: area.id, areaName: area.name,
      title: policy.title, vision: policy.vision, issues: policy.issues, directions,
      sdgs: policy.sdgs.map((g) => {
        const goal = sdgById.get(g)!;
        return { id: g, title: goal.title, color: goal.color, icon: options.sdgIcon(g), alt: `SDGs ゴール${g}「${goal.title}」` };
      }),
      relatedPlans: policy.relatedPlans.map((id) => planRef(plansById.get(id)!)),
      pageName: `area-${area.id}`,
      color: colours[data.policyAreas.indexOf(area)]!,
    };
  };
  const policies = data.policies.map(policyView);

  const policyAreas: PolicyAreaView[] = data.policyAreas.map((a, i) => ({
    key: areaKey(a.id), source: fileOf(`policyArea:${a.id}`), id: a.id, anchor: `area-${a.id}`, name: a.name, goal: a.goal, pageName: `area-${a.id}`,
    color: colours[i]!, policies: policies.filter((p) => p.areaId === a.id),
  }));

  const projects: ProjectView[] = data.projects.map((project) => ({
    key: projectKey(project.id), source: fileOf(`project:${project.id}`), id: project.id, anchor: `project-${project.id}`, name: project.name,
    nationalStrategy: project.nationalStrategy, summary: project.summary,
    situation: project.situation, aim: project.aim,
    targets: project.targets.map((t, k) => {
      const digits = Math.max(t.baseline.digits, t.target.digits);
      return { key: projectTargetKey(project.id, k + 1), name: t.name, unit: t.unit, baseline: value(t.baseline, digits), target: value(t.target, digits), ...optional("trend", trendOf(t, style)) };
    }),
    basicDirections: project.basicDirections.map((b, i) => ({
      key: basicDirectionKey(project.id, i + 1), number: i + 1, title: b.title, overview: b.overview,
      directions: linkedDirections(data.policies, policies, project.id, i + 1),
    })),
    relatedPlans: project.relatedPlans.map((id) => planRef(plansById.get(id)!)),
  }));

  const districts: DistrictView[] = data.districts.map((d, i) => ({
    key: districtKey(d.id), source: fileOf(`district:${d.id}`), id: d.id, anchor: `district-${d.id}`, name: d.name, features: d.features, vision: d.vision,
    initiatives: d.initiatives, cells: d.map?.cells ?? [], colorIndex: i % 11, ...optional("shape", data.districtShapes?.[d.id]),
  }));

  const relatedPlans: RelatedPlanView[] = data.relatedPlans.map((p) => ({
    ...planRef(p),
    policies: data.policies.filter((pol) => pol.relatedPlans.includes(p.id)).map((pol) => ({ id: pol.id, anchor: `policy-${pol.id}` })),
    projects: data.projects.filter((pr) => pr.relatedPlans.includes(p.id)).map((pr) => ({ id: pr.id, anchor: `project-${pr.id}` })),
  }));
  const indicators = policies.flatMap((p) => p.directions.flatMap((d) => d.indicators));
  const edition = { ...editionView(data.edition, data.images), ...editionDates(data.edition) };
  const structure = bookletParts(data, { edition, terms, policyAreas, projects, districts, relatedPlans, indicators, changes: options.changes !== undefined });

  return {
    edition,
    terms,
    ...structure,
    figures: numberFigures(data, structure.parts),
    images: Object.fromEntries(Object.values(data.images).map((i) => [i.name, i.abs])),
    policyAreas,
    projects,
    districts,
    matrix: { projects: data.projects.map((p) => ({ id: p.id, name: p.name, nameLines: nameLines(p.name) })), rows: matrixRows(data, policyAreas, terms) },
    counts: { policyAreas: policyAreas.length, policies: policies.length, projects: projects.length },
    howToRead: policies.slice(0, MINIATURE_CANDIDATES).map(withoutKeys),
    changes: options.changes && changeList(options.changes),
    relatedPlans,
    indicators,
    diagrams: diagramViews(data, { terms, policyAreas, parts: structure.parts }),
  };

  function linkedDirections(sources: PolicyData[], views: PolicyView[], projectId: number, basic: number): LinkedDirection[] {
    const out: LinkedDirection[] = [];
    sources.forEach((source, i) => {
      source.directions.forEach((d, k) => {
        if (!d.projects.some((l) => l.project === projectId && l.basicDirection === basic)) return;
        const view = views[i]!;
        out.push({
          policyId: view.id, policyTitle: view.title, policyAnchor: view.anchor,
          label: `${view.id} ${terms.directionShort}${k + 1}`, title: d.title, kpis: view.directions[k]!.indicators,
        });
      });
    });
    return out;
  }
}

/** One row per 重点施策, grouped by 政策: which 方針 serve each project (derived, never typed). */
function matrixRows(data: PlanData, areas: PolicyAreaView[], terms: Terms): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const area of areas) {
    area.policies.forEach((p, i) => {
      const source = data.policies.find((d) => d.id === p.id)!;
      rows.push({
        areaName: area.name, areaGoal: area.goal, areaRowSpan: i === 0 ? area.policies.length : 0, areaId: area.id,
        lastOfArea: i === area.policies.length - 1,
        policyId: p.id, policyTitle: p.title, policyAnchor: p.anchor,
        cells: data.projects.map((proj) => ({
          directions: source.directions
            .map((d, k) => (d.projects.some((l) => l.project === proj.id) ? `${terms.directionShort}${k + 1}：${d.title}` : ""))
            .filter(Boolean),
        })),
      });
    });
  }
  return rows;
}

/** A project's name for a narrow column head: 「少子高齢化対策」「プロジェクト」 on two lines, never broken inside a word. */
function nameLines(name: string): string[] {
  const m = /^(.+?)(プロジェクト)$/.exec(name);
  return m ? [m[1]!, m[2]!] : [name];
}

/** A copy of a view with every change-mark key blanked (ids must be unique on the page). */
/** How many 重点施策 are drawn for the 各ページの見方 miniature to choose from (a few: each adds to the HTML). */
const MINIATURE_CANDIDATES = 4;

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

/** `{ [name]: value }` when there is a value: optional fields stay absent rather than undefined. */
function optional<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: V };
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}
