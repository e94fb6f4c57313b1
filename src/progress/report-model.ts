// The yearly progress report (進行管理) as a model: the rules (凡例), a summary by 政策 and by
// project counting indicators per status, a page per 重点施策 with every indicator's years of
// 実績, 進捗率, status and trend, and the projects' 数値目標. Its TOC and bookmarks come from one
// list, as the booklet's do. Pure: the report's template only places it.
import type { PlanData } from "../validate/validate.js";
import type { Terms } from "../validate/schema.js";
import { editionView } from "../model/edition-view.js";
import { areaColours } from "../model/palette.js";
import { compactYear, fiscalYearLabel, formatNumber } from "../model/format.js";
import { trendOf } from "../model/trend.js";
import type { EditionView, TocEntry, TrendView, ValueView } from "../model/types.js";
import { STATUSES, evaluate, tally, type Status } from "./evaluate.js";

/** One indicator or target as the report prints it. */
export interface ProgressRow {
  key: string;
  number: string;
  name: string;
  unit: string;
  cumulative: boolean;
  direction: string;
  baseline: ValueView;
  target: ValueView;
  /** 実績 for each year of the report's columns ("—" when none). */
  actuals: string[];
  /** The 実績 compared (the sum for 累計). */
  current: string;
  progress: string;
  status: Status;
  /** Status as a class name for the mark's style (never the only way the status is shown). */
  statusClass: string;
  note?: string;
  trend?: TrendView;
}

export interface ReportView {
  edition: EditionView;
  terms: Terms;
  year: number;
  yearLabel: string;
  title: string;
  /** 「案」 and its stage when the edition is not 策定. */
  stamp?: string;
  /** The plan's years up to the report's, as the table's 実績 columns. */
  years: string[];
  statuses: Array<{ name: Status; className: string; rule: string }>;
  summary: {
    total: Record<Status, number>;
    areas: Array<{ id: number; name: string; color: string; counts: Record<Status, number>; total: number }>;
    projects: Array<{ id: number; name: string; counts: Record<Status, number>; total: number }>;
  };
  policies: Array<{
    anchor: string; id: string; title: string; areaId: number; areaName: string; color: string; department: string;
    rows: ProgressRow[]; comment?: { evaluation?: string; issues?: string; next?: string };
  }>;
  projects: Array<{ anchor: string; id: number; name: string; department: string; rows: ProgressRow[] }>;
  toc: TocEntry[];
  firstBodyAnchor: string;
  anchors: string[];
}

const STATUS_CLASS: Record<Status, string> = { 達成: "done", 順調: "on-track", 遅れ: "behind", 未把握: "unknown" };

/** The report of `year` from the plan and its actuals. */
export function reportModel(data: PlanData, year: number): ReportView {
  const terms = data.plan.terms as Terms;
  const style = data.edition.yearStyle;
  const edition = editionView(data.edition, data.images);
  const start = data.edition.period.from;
  const columnYears = Array.from({ length: Math.max(0, year - start + 1) }, (_, i) => start + i);
  const actualsOf = (key: string) => new Map(Object.values(data.actuals).filter((a) => a.values[key]).map((a) => [a.year, a.values[key]!.value]));
  const value = (v: { value: number; year: number; digits: number }, digits: number): ValueView => {
    const y = compactYear(v.year, style);
    return { value: formatNumber(v.value, digits), year: y.main, yearSub: y.sub, yearFull: fiscalYearLabel(v.year, style) };
  };

  const row = (m: {
    key: string; name: string; unit: string; cumulative?: boolean; direction?: "増加" | "減少" | "維持"; keep?: "以上" | "以下";
    baseline: { value: number; year: number; digits: number }; target: { value: number; year: number; digits: number };
    history?: Array<{ year: number; value: number }>; yearKind: string; asOf?: string;
  }, number: string): ProgressRow => {
    const digits = Math.max(m.baseline.digits, m.target.digits);
    const actuals = actualsOf(m.key);
    const result = evaluate(m, year, actuals, start);
    const note = data.actuals[year]?.values[m.key]?.note;
    const trend = trendOf(m, style, actuals);
    return {
      key: m.key, number, name: m.name, unit: m.unit, cumulative: m.cumulative ?? false, direction: m.direction ?? "",
      baseline: value(m.baseline, digits), target: value(m.target, digits),
      actuals: columnYears.map((y) => (actuals.has(y) ? formatNumber(actuals.get(y)!, digits) : "—")),
      current: result.current === undefined ? "—" : formatNumber(result.current, digits),
      progress: result.progress === undefined ? "—" : `${formatNumber(result.progress, 1)}%`,
      status: result.status, statusClass: STATUS_CLASS[result.status],
      ...(note ? { note } : {}), ...(trend ? { trend } : {}),
    };
  };

  const colours = areaColours(data.policyAreas);
  const areaOf = new Map(data.policyAreas.flatMap((a, i) => a.policies.map((id) => [id, { area: a, color: colours[i]! }] as const)));
  const policies = data.policies.map((p) => {
    const { area, color } = areaOf.get(p.id)!;
    let seq = 0;
    return {
      anchor: `report-policy-${p.id}`, id: p.id, title: p.title, areaId: area.id, areaName: area.name, color, department: p.department ?? "",
      rows: p.directions.flatMap((d) => d.indicators.map((ind) => row(ind, `${p.id}-${++seq}`))),
      ...(data.actuals[year]?.comments[p.id] ? { comment: data.actuals[year]!.comments[p.id]! } : {}),
    };
  });
  const projects = data.projects.map((p) => ({
    anchor: `report-project-${p.id}`, id: p.id, name: p.name, department: p.department ?? "",
    rows: p.targets.map((t, k) => row({ ...t, direction: t.target.value === t.baseline.value ? "維持" : undefined }, `${p.id}-${k + 1}`)),
  }));

  // A project's statuses: its own 数値目標 and the KPI of the 方針 that serve it.
  const projectStatuses = (id: number) => {
    const kpis = new Set(data.policies.flatMap((p) => p.directions.filter((d) => d.projects.some((l) => l.project === id)).flatMap((d) => d.indicators.map((i) => i.key))));
    const own = projects.find((p) => p.id === id)!.rows.map((r) => r.status);
    return [...own, ...policies.flatMap((p) => p.rows.filter((r) => kpis.has(r.key)).map((r) => r.status))];
  };
  const summary = {
    total: tally([...policies.flatMap((p) => p.rows.map((r) => r.status)), ...projects.flatMap((p) => p.rows.map((r) => r.status))]),
    areas: data.policyAreas.map((a, i) => {
      const statuses = policies.filter((p) => p.areaId === a.id).flatMap((p) => p.rows.map((r) => r.status));
      return { id: a.id, name: a.name, color: colours[i]!, counts: tally(statuses), total: statuses.length };
    }),
    projects: data.projects.map((p) => {
      const statuses = projectStatuses(p.id);
      return { id: p.id, name: p.name, counts: tally(statuses), total: statuses.length };
    }),
  };

  const yearLabel = fiscalYearLabel(year, style);
  const leaf = (anchor: string, title: string, level: number, children: TocEntry[] = []): TocEntry => ({ anchor, title, level, children });
  const toc: TocEntry[] = [
    { ...leaf("report-legend", "進捗状況の見方", 1), label: "進捗状況の見方" },
    { ...leaf("report-summary", "進捗状況の概要", 1), label: "進捗状況の概要" },
    {
      ...leaf("report-policies", `${terms.policy}の進捗状況`, 1, data.policyAreas.map((a) => leaf(`report-area-${a.id}`, `${terms.policyArea}${a.id}　${a.name}`, 2,
        policies.filter((p) => p.areaId === a.id).map((p) => leaf(p.anchor, `${p.id}　${p.title}`, 3))))),
    },
    ...(projects.length ? [leaf("report-projects", `${terms.project}の進捗状況`, 1, projects.map((p) => leaf(p.anchor, `${terms.project}${p.id}　${p.name}`, 2)))] : []),
  ];
  const flat = (entries: TocEntry[]): string[] => entries.flatMap((e) => [e.anchor, ...flat(e.children)]);
  return {
    edition, terms, year, yearLabel,
    title: `${data.edition.title}　進行管理報告書（${yearLabel}実績）`,
    ...(data.edition.stage === "策定" ? {} : { stamp: `${data.edition.stage}　${data.edition.version}　${edition.dayLabel}` }),
    years: columnYears.map((y) => fiscalYearLabel(y, style === "era-western" ? "era" : style)),
    statuses: STATUSES.map((name) => ({ name, className: STATUS_CLASS[name], rule: RULES[name] })),
    summary, policies, projects, toc, firstBodyAnchor: "report-legend", anchors: flat(toc),
  };
}

/** The rules as the 凡例 page prints them. */
const RULES: Record<Status, string> = {
  達成: "進捗率が 100% 以上（維持の指標は、実績が現状値を保っている）",
  順調: "進捗率が、現状値の年度から目標値の年度までのうち経過した割合以上",
  遅れ: "進捗率が、経過した割合に届いていない（維持の指標は、現状値を保てていない）",
  未把握: "その年度の実績値がまだない",
};
