// The plan declares what it holds (plan.yaml: 政策, projects, districts; each 政策 file: its 重点施策)
// and how the booklet is made of it (booklet.yaml). Files are checked against those declarations
// both ways: a declared file that is missing is an error, and so is a record nobody declared (it
// would silently not print). Texts nobody places, and generated parts without data, are warned.
import path from "node:path";
import type { MarkdownSource, YamlSource } from "../load/load-data.js";
import { locate } from "../load/source.js";
import {
  GENERATED, type BookletData, type ContentItem, type DistrictData, type EditionData, type GeneratedName, type PlanDeclaration,
  type PolicyAreaData, type PolicyData, type ProjectData, type RelatedPlanData,
} from "./schema.js";
import { fieldPath, type Diagnostic } from "./diagnostic.js";
import type { Sourced } from "./validate.js";
import { T } from "./in-terms.js";

/** What the declaration checks read: every parsed file, and which files failed to read or parse. */
export interface DeclarationInput {
  edition?: Sourced<EditionData>;
  plan?: Sourced<PlanDeclaration>;
  booklet?: Sourced<BookletData>;
  plans?: Sourced<{ plans: RelatedPlanData[] }>;
  policyAreas: Sourced<PolicyAreaData>[];
  policies: Sourced<PolicyData>[];
  projects: Sourced<ProjectData>[];
  districts: Sourced<DistrictData>[];
  texts: MarkdownSource[];
  /** Files with an error of their own (unreadable, not YAML, wrong shape). */
  failed: Set<string>;
  /** Kinds with such a file: what they declare is unknown, so nothing is called undeclared. */
  incomplete: Set<YamlSource["kind"]>;
}

/** How much of each kind of data the plan has: what decides whether a generated part prints. */
export interface DataCounts {
  policyAreas: number;
  policies: number;
  projects: number;
  districts: number;
  mappedDistricts: number;
  relatedPlans: number;
  indicators: number;
}

/** Whether a generated part has anything to print; a part without data is left out, never printed empty. */
export function contentAvailable(name: GeneratedName, n: DataCounts): boolean {
  switch (name) {
    case "period-chart":
    case "structure-diagram":
      return true;
    case "system-chart":
    case "policy-goals":
      return n.policyAreas > 0;
    case "district-overview":
      return n.mappedDistricts > 0;
    case "districts":
      return n.districts > 0;
    case "project-list":
    case "projects":
      return n.projects > 0;
    case "matrix":
      return n.projects > 0 && n.policies > 0;
    case "how-to-read":
    case "policies":
      return n.policies > 0;
    case "related-plans":
      return n.relatedPlans > 0;
    case "indicator-notes":
      return n.indicators > 0;
  }
}

/** Every declaration problem, located where the declaration or the undeclared file is. */
export function checkDeclarations(input: DeclarationInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (source: YamlSource, at: PropertyKey[], message: string, hint: string, en: string, severity: Diagnostic["severity"] = "error") =>
    out.push({ severity, file: source.file, ...locate(source, at), field: fieldPath(at), message, hint, en });
  const dataDir = (source: YamlSource) => path.dirname(source.file);
  /** A declared record's file exists but has errors of its own: those say enough. */
  const failedFile = (root: string, folder: string, id: string | number) => input.failed.has(path.join(root, folder, `${id}.yaml`));

  const plan = input.plan;
  if (plan) {
    const root = dataDir(plan.source);
    const declared = <T extends { id: string | number }>(list: Array<string | number>, records: Sourced<T>[], field: string, folder: string, what: string) => {
      const seen = new Set<string>();
      list.forEach((id, i) => {
        if (seen.has(String(id))) report(plan.source, [field, i], `${what} ${id} が2回書かれています`, "重複を削除してください。", `${field} ${id} declared twice`);
        seen.add(String(id));
        if (!records.some((r) => String(r.value.id) === String(id)) && !failedFile(root, folder, id)) {
          report(plan.source, [field, i], `${what} ${id} のファイル ${folder}/${id}.yaml がありません`, `${folder}/${id}.yaml を作成するか、plan.yaml の ${field} から ${id} を削除してください。`, `declared ${field} ${id} has no file`);
        }
      });
      for (const r of records) {
        if (!seen.has(String(r.value.id))) {
          report(r.source, ["id"], `${what} ${r.value.id} は plan.yaml の ${field} に書かれていません（このままでは冊子に載りません）`, `plan.yaml の ${field} に ${r.value.id} を加えるか、このファイルを削除してください。`, `${field} ${r.value.id} not declared in plan.yaml`);
        }
      }
    };
    declared(plan.value.policyAreas, input.policyAreas, "policyAreas", "policy-areas", T.policyArea);
    declared(plan.value.projects, input.projects, "projects", "projects", T.project);
    declared(plan.value.districts, input.districts, "districts", "districts", "地区");
  }

  // Each 政策 declares its 重点施策; every 重点施策 belongs to exactly one 政策, whose number it starts with.
  const owner = new Map<string, Sourced<PolicyAreaData>>();
  for (const area of input.policyAreas) {
    const root = path.dirname(dataDir(area.source));
    area.value.policies.forEach((id, i) => {
      const first = owner.get(id);
      if (first) {
        report(area.source, ["policies", i], `${T.policy} ${id} は ${first.source.file} にも書かれています`, `1つの${T.policy}は1つの${T.policyArea}にだけ書いてください。`, `policy ${id} declared twice`);
        return;
      }
      owner.set(id, area);
      if (!id.startsWith(`${area.value.id}-`)) {
        report(area.source, ["policies", i], `${T.policy} ${id} の番号が、${T.policyArea} ${area.value.id} の番号で始まっていません`, `この${T.policyArea}の${T.policy}の番号は ${area.value.id}-1、${area.value.id}-2 … とします。ほかの${T.policyArea}の${T.policy}なら、その${T.policyArea}のファイルに書いてください。`, `policy ${id} does not start with its area's number`);
      }
      if (!input.policies.some((p) => p.value.id === id) && !failedFile(root, "policies", id)) {
        report(area.source, ["policies", i], `${T.policy} ${id} のファイル policies/${id}.yaml がありません`, `policies/${id}.yaml を作成するか、この${T.policyArea}の policies から ${id} を削除してください。`, `declared policy ${id} has no file`);
      }
    });
    if (area.value.policies.length === 0) {
      report(area.source, ["policies"], `${T.policyArea} ${area.value.id} には${T.policy}がありません（${T.policyArea}の扉は印刷しません）`, `${T.policy}があれば policies に番号を書いてください。`, "policy area without policies", "warning");
    }
  }
  if (!input.incomplete.has("policyArea")) {
    for (const p of input.policies) {
      if (!owner.has(p.value.id)) {
        report(p.source, ["id"], `${T.policy} ${p.value.id} は、どの${T.policyArea}の policies にも書かれていません（このままでは冊子に載りません）`, `policy-areas/ の${T.policyArea}のファイルの policies に ${p.value.id} を加えるか、このファイルを削除してください。`, `policy ${p.value.id} declared by no policy area`);
      }
    }
  }

  if (input.booklet) out.push(...checkBooklet(input, report));
  return out;
}

type Report = (source: YamlSource, at: PropertyKey[], message: string, hint: string, en: string, severity?: Diagnostic["severity"]) => void;

/** booklet.yaml: texts exist, nothing placed twice, cover first and back cover last, parts without data said. */
function checkBooklet(input: DeclarationInput, report: Report): Diagnostic[] {
  const out: Diagnostic[] = [];
  const booklet = input.booklet!;
  const parts = booklet.value.parts;
  const texts = new Map(input.texts.map((t) => [t.name, t]));
  const placed = new Map<string, string>();
  const place = (key: string, at: PropertyKey[], label: string) => {
    const first = placed.get(key);
    if (first) report(booklet.source, at, `${label}が2回置かれています（最初は ${first}）`, "冊子の中で1回だけ置いてください。", `${key} placed twice`);
    else placed.set(key, fieldPath(at));
  };
  const text = (name: string, at: PropertyKey[]) => {
    place(`text:${name}`, at, `文章 ${name}`);
    if (!texts.has(name) && !input.failed.has(path.join(path.dirname(booklet.source.file), "text", `${name}.md`))) {
      report(booklet.source, at, `文章のファイル text/${name}.md がありません`, `data/text/${name}.md を作成するか、名前のつづりを確認してください（.md を除いた名前を書きます）。`, `text ${name} missing`);
    }
  };
  const counts = countsOf(input);
  const tocAt = parts.indexOf("toc");
  let bodyChapters = 0;
  parts.forEach((part, i) => {
    if (typeof part === "string") {
      place(part, ["parts", i], part === "cover" ? "表紙" : part === "toc" ? "目次" : "奥付");
      if (part === "cover" && i !== 0) report(booklet.source, ["parts", i], "表紙（cover）は冊子の最初に置きます", "parts の1番目に移してください。", "cover not first");
      if (part === "back-cover" && i !== parts.length - 1) report(booklet.source, ["parts", i], "奥付（back-cover）は冊子の最後に置きます", "parts の最後に移してください。", "back cover not last");
      return;
    }
    if ("chapter" in part) {
      let printable = 0;
      part.contents.forEach((item: ContentItem, j) => {
        const at = ["parts", i, "contents", j];
        if (typeof item !== "string") {
          text(item.text, [...at, "text"]);
          printable++;
          return;
        }
        place(item, at, `「${GENERATED[item]}」`);
        if (contentAvailable(item, counts)) printable++;
        else report(booklet.source, at, `「${GENERATED[item]}」に載せるデータがないため、この部分は印刷しません`, "データを追加するか、booklet.yaml からこの行を削除してください。", `generated part ${item} has no data`, "warning");
      });
      if (printable === 0) report(booklet.source, ["parts", i], `章「${part.chapter}」には印刷する中身がないため、章ごと印刷しません`, "データを追加するか、booklet.yaml からこの章を削除してください。", "chapter has nothing to print", "warning");
      else if (i > tocAt) bodyChapters++;
      return;
    }
    text(part.text, ["parts", i, "text"]);
    if (i > tocAt) bodyChapters++;
  });
  if (bodyChapters === 0 && !input.incomplete.has("policyArea") && !input.incomplete.has("policy")) {
    report(booklet.source, ["parts"], "本文の章が1つもありません（印刷するものがありません）", "parts に、目次（toc）の後の章（chapter: 題名 と contents、または text: 名前）を加えてください。", "booklet has no body chapter");
  }
  if (!input.incomplete.has("booklet")) {
    for (const t of input.texts.filter((t) => !placed.has(`text:${t.name}`))) {
      out.push({
        severity: "warning", file: t.file, line: 1, column: 1, field: "",
        message: "この文章は booklet.yaml のどこにも置かれていません（冊子に載りません）",
        hint: `booklet.yaml の章の contents に「- text: ${t.name}」を加えるか、ファイルを削除してください。`,
        en: "text not placed in booklet.yaml",
      });
    }
  }
  return out;
}

/** The counts that decide which generated parts print. */
export function countsOf(input: Pick<DeclarationInput, "policyAreas" | "policies" | "projects" | "districts" | "plans">): DataCounts {
  return {
    policyAreas: input.policyAreas.length,
    policies: input.policies.length,
    projects: input.projects.length,
    districts: input.districts.length,
    mappedDistricts: input.districts.filter((d) => d.value.map).length,
    relatedPlans: input.plans?.value.plans.length ?? 0,
    indicators: input.policies.reduce((n, p) => n + p.value.directions.reduce((m, d) => m + d.indicators.length, 0), 0),
  };
}

/** The records in the order plan.yaml and the 政策 files declare them. */
export function inDeclaredOrder(
  plan: PlanDeclaration,
  areas: Sourced<PolicyAreaData>[],
  policies: Sourced<PolicyData>[],
  projects: Sourced<ProjectData>[],
  districts: Sourced<DistrictData>[],
): { policyAreas: PolicyAreaData[]; policies: PolicyData[]; projects: ProjectData[]; districts: DistrictData[] } {
  const pick = <T extends { id: string | number }>(ids: Array<string | number>, list: Sourced<T>[]) =>
    ids.map((id) => list.find((r) => String(r.value.id) === String(id))?.value).filter((v): v is T => v !== undefined);
  const policyAreas = pick(plan.policyAreas, areas);
  return {
    policyAreas,
    policies: policyAreas.flatMap((a) => pick(a.policies, policies)),
    projects: pick(plan.projects, projects),
    districts: pick(plan.districts, districts),
  };
}
