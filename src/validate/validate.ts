// Stage 2, validate: shape, references and glyph coverage. All problems are collected before
// anything is refused, so staff fix a file once instead of once per error.
import path from "node:path";
import type { LoadedData, TextName, YamlSource } from "../load/load-data.js";
import type {
  DistrictData, EditionData, PolicyAreaData, PolicyData, ProjectData, RelatedPlanData, SdgGoalData,
} from "./schema.js";
import { checkShape } from "./shape.js";
import { checkReferences } from "./refs.js";
import { checkGlyphs, type GlyphCoverage } from "./glyphs.js";
import type { Diagnostic } from "./diagnostic.js";

/** Validated plan data, each record with the file it came from (for later messages). */
export interface PlanData {
  edition: EditionData;
  sdgs: SdgGoalData[];
  relatedPlans: RelatedPlanData[];
  policyAreas: PolicyAreaData[];
  policies: PolicyData[];
  projects: ProjectData[];
  districts: DistrictData[];
  texts: Record<TextName, string>;
  /** The source of each record, keyed "policy:1-1", "project:2", … */
  sources: Map<string, YamlSource>;
}

/** The outcome: data when there is no error; diagnostics (errors and warnings) always. */
export interface Validation {
  data?: PlanData;
  diagnostics: Diagnostic[];
}

function kindOfPath(file: string): YamlSource["kind"] | undefined {
  if (/[\\/]policies[\\/]/.test(file)) return "policy";
  if (/[\\/]projects[\\/]/.test(file)) return "project";
  if (/[\\/]policy-areas[\\/]/.test(file)) return "policyArea";
  if (/[\\/]districts[\\/]/.test(file)) return "district";
  return undefined;
}

/** Validates loaded data; glyphs are checked against the booklet's fonts. */
export function validate(loaded: LoadedData, glyphs: GlyphCoverage): Validation {
  const diagnostics = [...loaded.diagnostics];
  const parsed: Array<{ source: YamlSource; value: unknown }> = [];
  for (const source of loaded.yaml) {
    const result = checkShape(source);
    diagnostics.push(...result.diagnostics);
    if (result.value !== undefined) parsed.push({ source, value: result.value });
  }
  diagnostics.push(...checkGlyphs(loaded, glyphs));

  const of = <T>(kind: YamlSource["kind"]) =>
    parsed.filter((p) => p.source.kind === kind).map((p) => ({ source: p.source, value: p.value as T }));
  const edition = of<EditionData>("edition")[0];
  const sdgs = of<{ goals: SdgGoalData[] }>("sdgs")[0];
  const plans = of<{ plans: RelatedPlanData[] }>("relatedPlans")[0];
  const sources = new Map<string, YamlSource>();
  const keyed = <T extends { id: string | number }>(kind: YamlSource["kind"], prefix: string) =>
    of<T>(kind).map(({ source, value }) => {
      sources.set(`${prefix}:${value.id}`, source);
      return { source, value };
    });
  const policyAreas = keyed<PolicyAreaData>("policyArea", "policyArea");
  const policies = keyed<PolicyData>("policy", "policy");
  const projects = keyed<ProjectData>("project", "project");
  const districts = keyed<DistrictData>("district", "district");
  if (edition) sources.set("edition", edition.source);
  if (plans) sources.set("relatedPlans", plans.source);

  const texts = Object.fromEntries(loaded.markdown.map((m) => [m.name, m.text])) as Record<TextName, string>;
  for (const m of loaded.markdown) {
    if (!/^#\s+\S/.test(m.text.trimStart())) {
      diagnostics.push({
        severity: "error", file: m.file, line: 1, column: 1, field: "",
        message: "文章の最初に見出しがありません",
        hint: "1行目に「# 見出し」の形で見出しを書いてください（# の後に半角スペース）。",
        en: "Markdown must start with a level-1 heading",
      });
    }
  }

  diagnostics.push(
    ...checkReferences({
      edition, plans, sdgs, policyAreas, policies, projects, districts,
      fileStem: (s) => path.basename(s.file).replace(/\.ya?ml$/, ""),
      incomplete: new Set([
        ...loaded.yaml.filter((s) => !parsed.some((p) => p.source === s)).map((s) => s.kind),
        // A file that did not even parse as YAML is not in loaded.yaml: tell by its folder.
        ...loaded.diagnostics.filter((d) => d.severity === "error").map((d) => kindOfPath(d.file)).filter((k) => k !== undefined),
      ]),
    }),
  );

  // A file whose shape is wrong is not read further: say so, so nobody takes the list as complete.
  for (const source of loaded.yaml.filter((s) => !parsed.some((p) => p.source === s))) {
    diagnostics.push({
      severity: "warning", file: source.file, line: 1, column: 1, field: "",
      message: "このファイルは、ここに示した誤りを直すまで、ほかのファイルとのつながり（重点プロジェクト・関連計画・SDGs の番号など）をまだ確かめていません",
      hint: "誤りを直してから、もう一度 check を実行してください。",
      en: "references of this file are checked once its shape errors are fixed",
    });
  }

  if (diagnostics.some((d) => d.severity === "error") || !edition || !sdgs || !plans) return { diagnostics };
  const byNumber = <T extends { id: string | number }>(a: T, b: T) =>
    String(a.id).localeCompare(String(b.id), "ja", { numeric: true });
  return {
    diagnostics,
    data: {
      edition: edition.value,
      sdgs: sdgs.value.goals,
      relatedPlans: plans.value.plans,
      policyAreas: policyAreas.map((p) => p.value).sort(byNumber),
      policies: policies.map((p) => p.value).sort(byNumber),
      projects: projects.map((p) => p.value).sort(byNumber),
      districts: districts.map((p) => p.value).sort((a, b) => a.order - b.order),
      texts,
      sources,
    },
  };
}
