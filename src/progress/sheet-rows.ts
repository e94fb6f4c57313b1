// The rows of the yearly actuals sheet: one per indicator and per project target, in the plan's
// order, with the columns departments read (locked) and the two they fill in (実績, 備考). Both
// the export and the import build them from the same data, so the import can tell a locked cell
// that was changed. Pure.
import type { PlanData } from "../validate/validate.js";
import { fiscalYearLabel, formatNumber } from "../model/format.js";

/** One row of the sheet: what identifies it, what it shows, and this year's 実績 if known. */
export interface SheetRow {
  key: string;
  policyArea: string;
  policy: string;
  direction: string;
  name: string;
  unit: string;
  baseline: string;
  target: string;
  department: string;
  /** Earlier years' 実績 (fiscal year → value as printed), shown locked. */
  past: Record<number, string>;
  /** This year's 実績 and 備考 as in the data (blank when none yet). */
  actual?: number;
  note?: string;
}

/** The columns, in order; `locked` ones may not be changed by the departments. */
export function sheetColumns(year: number, pastYears: number[], style: Parameters<typeof fiscalYearLabel>[1]): Array<{ id: string; header: string; width: number; locked: boolean }> {
  return [
    { id: "key", header: "キー", width: 14, locked: true },
    { id: "policyArea", header: "政策", width: 18, locked: true },
    { id: "policy", header: "重点施策", width: 28, locked: true },
    { id: "direction", header: "方針", width: 24, locked: true },
    { id: "name", header: "指標名", width: 40, locked: true },
    { id: "unit", header: "単位", width: 8, locked: true },
    { id: "baseline", header: "現状値（年度）", width: 18, locked: true },
    { id: "target", header: "目標値（年度）", width: 18, locked: true },
    { id: "department", header: "所管課", width: 16, locked: true },
    ...pastYears.map((y) => ({ id: `past-${y}`, header: `${fiscalYearLabel(y, style)}実績`, width: 14, locked: true })),
    { id: "actual", header: `${fiscalYearLabel(year, style)}実績`, width: 16, locked: false },
    { id: "note", header: "備考", width: 30, locked: false },
  ];
}

/** The years before `year` that have actuals in the data (within the plan). */
export function pastYears(data: PlanData, year: number): number[] {
  return Object.keys(data.actuals).map(Number).filter((y) => y < year && y >= data.edition.period.from).sort((a, b) => a - b);
}

/** Every row of the sheet for `year`, in the plan's order: 重点施策 indicators, then project targets. */
export function sheetRows(data: PlanData, year: number): SheetRow[] {
  const terms = data.plan.terms;
  const style = data.edition.yearStyle;
  const past = pastYears(data, year);
  const areaOf = new Map(data.policyAreas.flatMap((a) => a.policies.map((id) => [id, a] as const)));
  const shown = (v: { value: number; year: number; digits: number }) => `${formatNumber(v.value, v.digits)}（${fiscalYearLabel(v.year, style)}）`;
  const history = (key: string) => Object.fromEntries(past.map((y) => [y, data.actuals[y]?.values[key] ? String(data.actuals[y]!.values[key]!.value) : ""]));
  const current = (key: string) => data.actuals[year]?.values[key];
  const rows: SheetRow[] = [];
  for (const policy of data.policies) {
    const area = areaOf.get(policy.id);
    policy.directions.forEach((d, i) => {
      for (const ind of d.indicators) {
        const now = current(ind.key);
        rows.push({
          key: ind.key, policyArea: area ? `${terms.policyArea}${area.id} ${area.name}` : "", policy: `${policy.id} ${policy.title}`,
          direction: `${terms.directionShort}${i + 1} ${d.title}`, name: ind.name + (ind.cumulative ? "（累計）" : ""), unit: ind.unit,
          baseline: shown(ind.baseline), target: shown(ind.target), department: d.department ?? policy.department ?? "",
          past: history(ind.key), ...(now ? { actual: now.value, ...(now.note ? { note: now.note } : {}) } : {}),
        });
      }
    });
  }
  for (const project of data.projects) {
    for (const t of project.targets) {
      const now = current(t.key);
      rows.push({
        key: t.key, policyArea: "", policy: `${terms.project}${project.id} ${project.name}`, direction: terms.projectTarget, name: t.name, unit: t.unit,
        baseline: shown(t.baseline), target: shown(t.target), department: project.department ?? "",
        past: history(t.key), ...(now ? { actual: now.value, ...(now.note ? { note: now.note } : {}) } : {}),
      });
    }
  }
  return rows;
}
