// Checks that go beyond one file's shape: ids, links between files, years inside the plan
// period, and the map cells of districts.
import path from "node:path";
import type { YamlSource } from "../load/load-data.js";
import { locate } from "../load/source.js";
import type {
  DistrictData, EditionData, PolicyAreaData, PolicyData, ProjectData, RelatedPlanData, SdgGoalData,
} from "./schema.js";
import { fieldPath, type Diagnostic } from "./diagnostic.js";
import { MIN_CONTRAST, areaContrast } from "./colour.js";

import type { Sourced } from "./validate.js";
import { T } from "./in-terms.js";

/** Parsed files by kind; any may be missing when its file failed to parse. */
export interface ReferenceInput {
  edition?: Sourced<EditionData>;
  plans?: Sourced<{ plans: RelatedPlanData[] }>;
  sdgs?: Sourced<{ goals: SdgGoalData[] }>;
  policyAreas: Sourced<PolicyAreaData>[];
  policies: Sourced<PolicyData>[];
  projects: Sourced<ProjectData>[];
  districts: Sourced<DistrictData>[];
  /** Kinds with a file that failed to parse: links into them are not reported (one error, not twenty). */
  incomplete: Set<YamlSource["kind"]>;
}

/** Every cross-file problem, located at the field that holds the bad reference. */
export function checkReferences(input: ReferenceInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (
    source: YamlSource, path: PropertyKey[], message: string, hint: string, en: string,
    severity: Diagnostic["severity"] = "error",
  ) => out.push({ severity, file: source.file, ...locate(source, path), field: fieldPath(path), message, hint, en });

  // Ids match file names and are unique, so "1-1" is always found in policies/1-1.yaml.
  const uniqueIds = <T extends { id: string | number }>(list: Sourced<T>[], what: string) => {
    const seen = new Map<string, YamlSource>();
    for (const { source, value } of list) {
      const id = String(value.id);
      const first = seen.get(id);
      if (first) report(source, ["id"], `${what}の番号「${id}」が ${first.file} と重複しています`, "番号を重ならないように直してください。", `duplicate id ${id}`);
      else seen.set(id, source);
      const stem = path.basename(source.file, ".yaml");
      if (stem !== id) {
        report(source, ["id"], `${what}の番号「${id}」とファイル名「${stem}」が一致しません`, `ファイル名を ${id}.yaml にするか、id を直してください。`, `id ${id} does not match file name`);
      }
    }
  };
  uniqueIds(input.policyAreas, T.policyArea);
  uniqueIds(input.policies, T.policy);
  uniqueIds(input.projects, T.project);
  uniqueIds(input.districts, "地区");

  const planIds = new Set<string>();
  if (input.plans) {
    input.plans.value.plans.forEach((plan, i) => {
      if (planIds.has(plan.id)) report(input.plans!.source, ["plans", i, "id"], `計画ID「${plan.id}」が重複しています`, "ID を重ならないように直してください。", `duplicate plan id ${plan.id}`);
      planIds.add(plan.id);
      if (plan.period.to !== undefined && plan.period.from > plan.period.to) report(input.plans!.source, ["plans", i, "period"], "計画期間の開始年度が終了年度より後になっています", "from と to を確認してください。", "period from > to");
    });
  }
  if (input.sdgs) {
    input.sdgs.value.goals.forEach((g, i) => {
      if (g.id !== i + 1) report(input.sdgs!.source, ["goals", i, "id"], `ゴール番号は 1 から 17 の順に並べます（${i + 1} 番目が ${g.id}）`, "番号順に並べてください。", "SDG goals out of order");
    });
  }
  const checkPlanRefs = (source: YamlSource, refs: string[]) => {
    if (input.incomplete.has("relatedPlans")) return;
    refs.forEach((ref, i) => {
      if (!input.plans) report(source, ["relatedPlans", i], `${T.relatedPlanList}「${ref}」を参照していますが、related-plans.yaml がありません`, `related-plans.yaml に${T.relatedPlanList}の一覧を作成するか、relatedPlans を削除してください。`, `related plan ${ref} without related-plans.yaml`);
      else if (!planIds.has(ref)) report(source, ["relatedPlans", i], `${T.relatedPlanList}「${ref}」が related-plans.yaml にありません`, "related-plans.yaml に計画を追加するか、ID のつづりを確認してください。", `unknown related plan ${ref}`);
    });
  };

  const period = input.edition?.value.period;
  const checkYears = (source: YamlSource, path: PropertyKey[], baseline: number, target: number) => {
    if (!period) return;
    if (target < period.from || target > period.to) {
      report(source, [...path, "target", "year"], `目標値の年度（${target}年度）が計画期間（${period.from}〜${period.to}年度）の外です`, `目標年度は計画期間内にしてください（通常は最終年度の ${period.to}年度）。`, "target year outside plan period");
    }
    if (baseline > target) {
      report(source, [...path, "baseline", "year"], `現状値の年度（${baseline}年度）が目標値の年度（${target}年度）より後です`, "現状値と目標値の年度を確認してください。", "baseline year after target year");
    }
  };

  // Indicator and target keys are one namespace: actuals and the Excel sheet name them alone.
  const keys = new Map<string, string>();
  const uniqueKey = (source: YamlSource, path: PropertyKey[], key: string) => {
    const first = keys.get(key);
    if (first) report(source, [...path, "key"], `キー「${key}」が ${first} と重複しています`, `${T.indicator}・${T.projectTarget}のキーは計画の中で重ならないようにしてください（例: 末尾に -b を付ける）。`, `duplicate indicator key ${key}`);
    else keys.set(key, source.file);
  };
  for (const { source, value: policy } of input.policies) {
    policy.directions.forEach((d, i) => d.indicators.forEach((ind, k) => uniqueKey(source, ["directions", i, "indicators", k], ind.key)));
  }
  for (const { source, value: project } of input.projects) project.targets.forEach((t, k) => uniqueKey(source, ["targets", k], t.key));

  const projects = new Map(input.projects.map((p) => [p.value.id, p.value]));
  const linked = new Set<string>();
  for (const { source, value: policy } of input.policies) {
    const goals = new Set<number>();
    if (policy.sdgs.length > 0 && !input.sdgs && !input.incomplete.has("sdgs")) {
      report(source, ["sdgs"], "SDGs のゴールを書いていますが、sdgs.yaml（ゴールの一覧）がありません", "plan-press init で作る見本の sdgs.yaml をデータのフォルダに置くか、sdgs を削除してください。", "sdgs used without sdgs.yaml");
    }
    policy.sdgs.forEach((g, i) => {
      if (g < 1 || g > 17) report(source, ["sdgs", i], `SDGs のゴール番号「${g}」はありません`, "1 から 17 の番号を書いてください。", `SDG goal ${g} out of range`);
      else if (goals.has(g)) report(source, ["sdgs", i], `SDGs のゴール ${g} が2回書かれています`, "重複を削除してください。", `duplicate SDG goal ${g}`, "warning");
      goals.add(g);
    });
    checkPlanRefs(source, policy.relatedPlans);
    policy.directions.forEach((direction, d) => {
      direction.projects.forEach((link, l) => {
        const path = ["directions", d, "projects", l];
        const project = projects.get(link.project);
        if (!project) {
          if (!input.incomplete.has("project")) report(source, [...path, "project"], `${T.project} ${link.project} がありません`, projects.size ? `projects/ にある番号（${[...projects.keys()].join("、")}）を書いてください。` : `この計画には${T.project}がありません。projects の行を削除してください。`, `unknown project ${link.project}`);
        } else if (link.basicDirection < 1 || link.basicDirection > project.basicDirections.length) {
          report(source, [...path, "basicDirection"], `${T.project} ${link.project} に${T.basicDirection} ${link.basicDirection} はありません（1〜${project.basicDirections.length}）`, `${T.basicDirection}の番号を確認してください。`, `unknown basic direction ${link.basicDirection}`);
        } else linked.add(`${link.project}-${link.basicDirection}`);
      });
      direction.indicators.forEach((ind, k) => {
        const path = ["directions", d, "indicators", k];
        checkYears(source, path, ind.baseline.year, ind.target.year);
        const moved = ind.target.value - ind.baseline.value;
        const contradicts =
          (ind.direction === "増加" && moved < 0) || (ind.direction === "減少" && moved > 0) || (ind.direction === "維持" && moved !== 0 && Math.abs(moved) > Math.abs(ind.baseline.value) * 0.1);
        if (contradicts) report(source, [...path, "direction"], `方向「${ind.direction}」と、現状値 ${ind.baseline.value} → 目標値 ${ind.target.value} が合いません`, "direction か数値を確認してください。", "direction contradicts values", "warning");
      });
    });
  }
  for (const { source, value: project } of input.projects) {
    checkPlanRefs(source, project.relatedPlans);
    project.targets.forEach((t, i) => checkYears(source, ["targets", i], t.baseline.year, t.target.year));
    if (input.policies.length > 0 && !input.incomplete.has("policy")) {
      project.basicDirections.forEach((_, b) => {
        if (!linked.has(`${project.id}-${b + 1}`)) report(source, ["basicDirections", b], `${T.basicDirection} ${b + 1} に対応する${T.direction}がありません`, `${T.policy}のファイルで、${T.directionShort}の projects に { project: ` + project.id + ", basicDirection: " + (b + 1) + " } を追加してください。", "basic direction has no linked policy direction", "warning");
      });
    }
  }
  if (input.edition) {
    const { period: p, longTermVision } = input.edition.value;
    if (p.from > p.to) report(input.edition.source, ["period"], "計画期間の開始年度が終了年度より後になっています", "from と to を確認してください。", "period from > to");
    if (longTermVision && (p.from < longTermVision.period.from || p.to > longTermVision.period.to)) report(input.edition.source, ["period"], "計画期間が長期ビジョンの期間の外に出ています", "period と longTermVision.period を確認してください。", "period outside the long-term vision");
  }
  for (const { source, value: area } of input.policyAreas) {
    if (area.color && areaContrast(area.color) < MIN_CONTRAST) {
      report(source, ["color"], `${T.policyArea}の色 ${area.color} は明暗比が ${areaContrast(area.color).toFixed(1)}:1 で、白い文字や白い紙の上の文字が読みにくくなります（${MIN_CONTRAST}:1 以上必要）`, "もっと濃い色にするか、color を削除して自動の色にしてください。", "policy area colour below 4.5:1 contrast");
    }
  }
  out.push(...checkDistrictCells(input.districts, report));
  return out;
}

type Report = (source: YamlSource, path: PropertyKey[], message: string, hint: string, en: string, severity?: Diagnostic["severity"]) => void;

/** Map cells: no cell in two districts, each district one connected piece. */
function checkDistrictCells(districts: Sourced<DistrictData>[], report: Report): Diagnostic[] {
  const owner = new Map<string, string>();
  for (const { source, value } of districts) {
    if (!value.map) continue;
    value.map.cells.forEach((cell, i) => {
      const other = owner.get(cell);
      if (other && other !== value.name) report(source, ["map", "cells", i], `模式図のマス ${cell} は ${other} と重なっています`, "どちらかの地区からこのマスを外してください。", `map cell ${cell} overlaps`);
      owner.set(cell, value.name);
    });
    const cells = new Set(value.map.cells);
    const [start] = cells;
    const reached = new Set<string>(start ? [start] : []);
    const queue = start ? [start] : [];
    while (queue.length) {
      const c = queue.pop()!;
      const col = c.charCodeAt(0);
      const row = Number(c.slice(1));
      for (const n of [String.fromCharCode(col - 1) + row, String.fromCharCode(col + 1) + row, String.fromCharCode(col) + (row - 1), String.fromCharCode(col) + (row + 1)]) {
        if (cells.has(n) && !reached.has(n)) {
          reached.add(n);
          queue.push(n);
        }
      }
    }
    if (reached.size < cells.size) report(source, ["map", "cells"], "模式図のマスが一続きになっていません（離れたマスがあります）", "となり合うマスだけで地区を描いてください。", "district cells not connected", "warning");
  }
  return [];
}
