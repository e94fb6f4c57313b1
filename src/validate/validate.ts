// Stage 2, validate: shape, declarations, references and glyph coverage. All problems are
// collected before anything is refused, so staff fix a file once instead of once per error.
import type { LoadedData, YamlSource } from "../load/load-data.js";
import type {
  BookletData, DistrictData, EditionData, FigureData, PlanDeclaration, PolicyAreaData, PolicyData, ProjectData, RelatedPlanData, SdgGoalData,
} from "./schema.js";
import type { ImageAsset } from "../load/load-assets.js";
import { locate } from "../load/source.js";
import { resolveFigures, type ResolvedFigure } from "./figures.js";
import { checkMediaRefs } from "./media-refs.js";
import { resolveDistrictMap, type Shape } from "./district-map.js";
import { resolveActuals, type YearActuals } from "./actuals.js";
import type { ActualsData } from "./schema.js";
import { checkShape } from "./shape.js";
import { checkReferences } from "./refs.js";
import { checkDeclarations, inDeclaredOrder } from "./declarations.js";
import { checkGlyphs, type GlyphCoverage } from "./glyphs.js";
import { inPlanTerms, type Diagnostic } from "./diagnostic.js";
import { T } from "./in-terms.js";
import { TERM_DEFAULTS } from "./terms.js";

/** Validated plan data, in the order the plan declares; `files` says where each record came from. */
export interface PlanData {
  edition: EditionData;
  plan: PlanDeclaration;
  booklet: BookletData;
  sdgs: SdgGoalData[];
  relatedPlans: RelatedPlanData[];
  policyAreas: PolicyAreaData[];
  /** Every 重点施策, 政策 by 政策 in declared order. */
  policies: PolicyData[];
  projects: ProjectData[];
  districts: DistrictData[];
  /** Markdown texts of data/text/ by name (file name without .md). */
  texts: Record<string, string>;
  /** Charts and tables by id (figures/<id>.yaml), values resolved. */
  figures: Record<string, ResolvedFigure>;
  /** Images of data/images/ by file name. */
  images: Record<string, ImageAsset>;
  /** Each district's shape from the city's map (plan.yaml districtMap), when there is one. */
  districtShapes?: Record<string, Shape>;
  /** 実績値 by fiscal year (data/actuals/<year>.yaml). */
  actuals: Record<number, YearActuals>;
  /** The data file of each record, keyed "policy:1-1", "project:2", "text:purpose", "edition" … */
  files: Record<string, string>;
}

/** The outcome: data when there is no error; diagnostics (errors and warnings) always. */
export interface Validation {
  data?: PlanData;
  diagnostics: Diagnostic[];
}

/** A parsed file's value with the file it came from. */
export interface Sourced<T> {
  source: YamlSource;
  value: T;
}

/** Validates loaded data; glyphs are checked against the booklet's fonts. */
export function validate(loaded: LoadedData, glyphs: GlyphCoverage): Validation {
  const diagnostics = [...loaded.diagnostics];
  const parsed: Array<Sourced<unknown>> = [];
  for (const source of loaded.yaml) {
    const result = checkShape(source);
    diagnostics.push(...result.diagnostics);
    if (result.value !== undefined) parsed.push({ source, value: result.value });
  }
  diagnostics.push(...checkGlyphs(loaded, glyphs));

  const of = <T>(kind: YamlSource["kind"]) => parsed.filter((p) => p.source.kind === kind) as Array<Sourced<T>>;
  const edition = of<EditionData>("edition")[0];
  const plan = of<PlanDeclaration>("plan")[0];
  // Every message in the plan's own terms (its plan.yaml, or the defaults when that is unreadable).
  const inTerms = (v: Validation): Validation => ({ ...v, diagnostics: inPlanTerms(v.diagnostics, plan?.value.terms ?? TERM_DEFAULTS) });
  const booklet = of<BookletData>("booklet")[0];
  const sdgs = of<{ goals: SdgGoalData[] }>("sdgs")[0];
  const plans = of<{ plans: RelatedPlanData[] }>("relatedPlans")[0];
  const policyAreas = of<PolicyAreaData>("policyArea");
  const policies = of<PolicyData>("policy");
  const projects = of<ProjectData>("project");
  const districts = of<DistrictData>("district");
  const figureSources = of<FigureData>("figure");
  const figureId = (file: string) => file.replace(/^.*[\\/]/, "").replace(/\.yaml$/, "");
  const resolved = resolveFigures(figureSources, loaded.csv);
  diagnostics.push(...resolved.diagnostics);
  const actualsResolved = resolveActuals(of<ActualsData>("actuals"), policies, projects);
  diagnostics.push(...actualsResolved.diagnostics);
  const map = resolveDistrictMap(plan, loaded.maps);
  diagnostics.push(...map.diagnostics);
  const cover = edition ? (["emblem", "keyVisual"] as const).flatMap((slot) => {
    const ref = edition.value.cover[slot];
    return ref ? [{ ref, source: edition.source, at: ["cover", slot, "image"], locate: () => locate(edition.source, ["cover", slot, "image"]) }] : [];
  }) : [];
  diagnostics.push(...checkMediaRefs(
    loaded.markdown, loaded.yaml, resolved.figures,
    Object.fromEntries(loaded.yaml.filter((s) => s.kind === "figure").map((s) => [figureId(s.file), s.file])),
    loaded.images, cover,
  ));

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

  // Kinds with a file that failed to read or parse: links into them are not reported (one error, not twenty).
  const failed = new Set(loaded.yaml.filter((s) => !parsed.some((p) => p.source === s)).map((s) => s.file));
  for (const d of loaded.diagnostics) if (d.severity === "error") failed.add(d.file);
  const incomplete = new Set<YamlSource["kind"]>(loaded.yaml.filter((s) => failed.has(s.file)).map((s) => s.kind));
  for (const file of failed) {
    const kind = kindOfPath(file);
    if (kind) incomplete.add(kind);
  }

  const input = { edition, plan, booklet, plans, sdgs, policyAreas, policies, projects, districts, incomplete, failed, texts: loaded.markdown };
  diagnostics.push(...checkDeclarations(input));
  diagnostics.push(...checkReferences(input));

  // A file whose shape is wrong is not read further: say so, so nobody takes the list as complete.
  for (const source of loaded.yaml.filter((s) => !parsed.some((p) => p.source === s))) {
    diagnostics.push({
      severity: "warning", file: source.file, line: 1, column: 1, field: "",
      message: `このファイルは、ここに示した誤りを直すまで、ほかのファイルとのつながり（${T.project}・${T.relatedPlan}・SDGs の番号など）をまだ確かめていません`,
      hint: "誤りを直してから、もう一度 check を実行してください。",
      en: "references of this file are checked once its shape errors are fixed",
    });
  }

  if (diagnostics.some((d) => d.severity === "error") || !edition || !plan || !booklet) return inTerms({ diagnostics });
  const ordered = inDeclaredOrder(plan.value, policyAreas, policies, projects, districts);
  const files: Record<string, string> = { edition: edition.source.file, plan: plan.source.file, booklet: booklet.source.file };
  if (plans) files.relatedPlans = plans.source.file;
  for (const { source, value } of policyAreas) files[`policyArea:${value.id}`] = source.file;
  for (const { source, value } of policies) files[`policy:${value.id}`] = source.file;
  for (const { source, value } of projects) files[`project:${value.id}`] = source.file;
  for (const { source, value } of districts) files[`district:${value.id}`] = source.file;
  for (const m of loaded.markdown) files[`text:${m.name}`] = m.file;
  return inTerms({
    diagnostics,
    data: {
      edition: edition.value,
      plan: plan.value,
      booklet: booklet.value,
      sdgs: sdgs?.value.goals ?? [],
      relatedPlans: plans?.value.plans ?? [],
      ...ordered,
      texts: Object.fromEntries(loaded.markdown.map((m) => [m.name, m.text])),
      figures: resolved.figures,
      images: Object.fromEntries(loaded.images.map((i) => [i.name, i])),
      ...(map.shapes ? { districtShapes: map.shapes } : {}),
      actuals: actualsResolved.actuals,
      files,
    },
  });
}

function kindOfPath(file: string): YamlSource["kind"] | undefined {
  if (/(^|[\\/])policies[\\/]/.test(file)) return "policy";
  if (/(^|[\\/])projects[\\/]/.test(file)) return "project";
  if (/(^|[\\/])policy-areas[\\/]/.test(file)) return "policyArea";
  if (/(^|[\\/])districts[\\/]/.test(file)) return "district";
  if (/(^|[\\/])related-plans\.yaml$/.test(file)) return "relatedPlans";
  if (/(^|[\\/])sdgs\.yaml$/.test(file)) return "sdgs";
  if (/(^|[\\/])plan\.yaml$/.test(file)) return "plan";
  return undefined;
}
