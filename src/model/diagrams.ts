// Data for the booklet's diagrams, derived (never typed): the 重点施策との対応 matrix by 政策, and
// the 計画の構成 — the long-term vision, this plan among its plans, and the parts this booklet
// actually contains, with their chapters and counts in the plan's own terms.
import type { PlanData } from "../validate/validate.js";
import type { Terms } from "../validate/schema.js";
import type { ChapterView, MatrixAreaView, PartView, PolicyAreaView, StructurePartView, StructureView } from "./types.js";
import { periodShort } from "./format.js";

/** What the diagrams draw on besides the data. */
export interface DiagramSources {
  terms: Terms;
  policyAreas: PolicyAreaView[];
  parts: PartView[];
}

/** 「7つ」「34」: how Japanese counts things (the つ counter goes to nine). */
export function countOf(n: number): string {
  return n <= 9 ? `${n}つ` : String(n);
}

export function diagramViews(data: PlanData, sources: DiagramSources): { matrix: MatrixAreaView[]; structure: StructureView } {
  return { matrix: matrixAreas(data, sources), structure: structure(data, sources) };
}

/** Per 政策, per 重点施策, the 方針 that serve a project, with the 基本的方向 they serve in each project's column. */
function matrixAreas(data: PlanData, { terms, policyAreas }: DiagramSources): MatrixAreaView[] {
  const sources = new Map(data.policies.map((p) => [p.id, p]));
  return policyAreas
    .filter((a) => a.policies.length > 0)
    .map((area) => ({
      id: area.id,
      name: area.name,
      policies: area.policies.map((policy) => ({
        id: policy.id,
        anchor: policy.anchor,
        title: policy.title,
        directions: sources.get(policy.id)!.directions.flatMap((d, k) =>
          d.projects.length === 0
            ? []
            : [{
                label: `${terms.directionShort}${k + 1}`,
                title: d.title,
                cells: data.projects.map((project) => ({
                  basicDirections: [...new Set(d.projects.filter((l) => l.project === project.id).map((l) => l.basicDirection))].sort((a, b) => a - b),
                })),
              }],
        ),
      })),
    }));
}

/** The parts a plan is made of, in the order the booklet prints them. */
const PART_KINDS: Array<{ kind: StructurePartView["kind"]; contents: string[] }> = [
  { kind: "districts", contents: ["districts", "district-overview"] },
  { kind: "projects", contents: ["projects", "project-list"] },
  { kind: "policies", contents: ["policies"] },
  { kind: "related-plans", contents: ["related-plans"] },
];

function structure(data: PlanData, { terms, policyAreas, parts }: DiagramSources): StructureView {
  const e = data.edition;
  const style = e.yearStyle;
  const chapters = parts.filter((p): p is ChapterView => p.kind === "chapter");
  const chapterOf = (kinds: string[]) => {
    const chapter = chapters.find((c) => c.contents.some((x) => kinds.includes(x.kind)));
    return chapter && { chapter: chapter.number ? `第${chapter.number}章` : chapter.title, at: chapters.indexOf(chapter) };
  };
  const policies = policyAreas.reduce((n, a) => n + a.policies.length, 0);
  const counts: Record<StructurePartView["kind"], string> = {
    districts: `${countOf(data.districts.length)}の地区`,
    projects: `${countOf(data.projects.length)}の${terms.project}`,
    policies: `${countOf(policyAreas.length)}の${terms.policyArea}・${countOf(policies)}の${terms.policy}`,
    "related-plans": `${countOf(data.relatedPlans.length)}の${terms.relatedPlanList}`,
  };
  const names: Record<StructurePartView["kind"], string> = {
    districts: terms.districtPlan,
    projects: terms.project,
    policies: terms.policy,
    "related-plans": terms.relatedPlanList,
  };
  const found = PART_KINDS.flatMap(({ kind, contents }) => {
    const where = chapterOf(contents);
    return where ? [{ kind, name: names[kind], chapter: where.chapter, count: counts[kind], at: where.at }] : [];
  });
  found.sort((a, b) => a.at - b.at);
  const vision = e.longTermVision;
  const plans = [
    { name: e.period.name ?? (vision ? "本計画" : e.title), period: periodShort(e.period.from, e.period.to, style), current: true, from: e.period.from },
    ...(vision?.plans ?? []).map((p) => ({ name: p.name, period: periodShort(p.period.from, p.period.to, style), current: false, from: p.period.from })),
  ].sort((a, b) => a.from - b.from);
  const matrix = chapters.flatMap((c) => c.contents.filter((x) => x.kind === "matrix").map((x) => ({ chapter: c.number ? `第${c.number}章` : c.title, label: "title" in x ? x.title : "" })));
  const hasBoth = found.some((p) => p.kind === "projects") && found.some((p) => p.kind === "policies");
  return {
    futureVision: { label: terms.futureVision, text: e.futureVision },
    ...(vision ? { vision: { name: vision.name, period: periodShort(vision.period.from, vision.period.to, style) } } : {}),
    plans: plans.map(({ name, period, current }) => ({ name, period, current })),
    parts: found.map(({ kind, name, chapter, count }) => ({ kind, name, chapter, count })),
    ...(hasBoth && matrix[0] ? { link: matrix[0] } : {}),
  };
}
