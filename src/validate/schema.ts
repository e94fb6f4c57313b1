// The plan data's one schema: TypeScript types (z.infer), validation (zod) and the JSON Schema
// files editors use (scripts/write-json-schema.ts) all come from here. Descriptions are Japanese
// because VS Code shows them to the staff who edit the YAML.
import { z } from "zod";

/** A fiscal year: 2025, "2025年度", "令和7年度" or "R7" (normalised to the Western year). */
export const fiscalYear = z
  .union([z.number().int(), z.string()])
  .transform((input, ctx) => {
    const year = parseFiscalYear(input);
    if (year === undefined) ctx.addIssue({ code: "custom", message: "fiscal-year", input });
    return year ?? 0;
  })
  .describe("年度。2025 / 2025年度 / 令和7年度 のいずれかで書きます");

/** A number; strings of full-width digits are accepted and normalised with a warning. */
export const numeric = z
  .union([z.number(), z.string()])
  .transform((input, ctx) => {
    const value = parseNumber(input);
    if (value === undefined) ctx.addIssue({ code: "custom", message: "number", input });
    return value ?? 0;
  })
  .describe("数値（半角数字）");

/** 2025, "2025年度", "令和7年度", "R7", "平成31年度" → 2025 …; undefined if not a year. */
export function parseFiscalYear(input: number | string): number | undefined {
  if (typeof input === "number") return Number.isInteger(input) && input >= 1926 && input <= 2200 ? input : undefined;
  const s = input.normalize("NFKC").replace(/\s/g, "");
  const western = /^(\d{4})(?:年度?)?$/.exec(s);
  if (western) return parseFiscalYear(Number(western[1]));
  const era = /^(令和|平成|R|H)(\d{1,2}|元)(?:年度?)?$/i.exec(s);
  if (!era) return undefined;
  const n = era[2] === "元" ? 1 : Number(era[2]);
  const reiwa = /^(令和|R)$/i.test(era[1]!);
  // 令和 starts at 元年 (2019); 平成 ran from 元年 to 31年 (1989–2019).
  if (n < 1 || (!reiwa && n > 31)) return undefined;
  return reiwa ? 2018 + n : 1988 + n;
}

/** "2026-10-01" is a real day (not 2026-13-45 or 2026-02-30). */
export function isCalendarDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

// A figure in a plan table has at most a dozen digits; more is a paste error, and beyond 15
// significant digits a double no longer holds the number as typed (it would print rounded or ∞).
const MAX_DIGITS = 15;

/** 80, "80", "８０", "1,234.5" → number; undefined if not a number (or too long to be one). */
export function parseNumber(input: number | string): number | undefined {
  if (typeof input === "number") return Number.isFinite(input) && Math.abs(input) < 10 ** MAX_DIGITS ? input : undefined;
  const s = input.normalize("NFKC").replace(/[,\s]/g, "").replace(/^[−ー]/, "-");
  if (!/^-?\d+(\.\d+)?$/.test(s) || s.replace(/^-?0*|\./g, "").length > MAX_DIGITS) return undefined;
  return Number(s);
}

// Upper bounds keep a pasted document (or an attack) from reaching the renderer: no field of a
// plan page holds more than a few hundred characters, a prose chapter a few thousand.
const MAX_TEXT = 2000;
const MAX_MARKDOWN = 20000;
const text = (description: string) => z.string().min(1).max(MAX_TEXT).describe(description);
const markdown = (description: string) => z.string().min(1).max(MAX_MARKDOWN).describe(`${description}（Markdown）`);
const id = (description: string) => z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe(description);

export const yearRange = z
  .object({ from: fiscalYear.describe("開始年度"), to: fiscalYear.describe("終了年度") })
  .strict();

/** 現状値 or 目標値 with the fiscal year it refers to. */
export const measuredValue = z
  .object({ value: z.union([z.number(), z.string()]).describe("値"), year: fiscalYear.describe("基準となる年度") })
  .strict()
  .transform((input, ctx) => {
    const value = parseNumber(input.value);
    if (value === undefined) {
      ctx.addIssue({ code: "custom", message: "number", path: ["value"], input: input.value });
      return z.NEVER;
    }
    // Decimal places as typed (90.0 stays 90.0 in the table), so a pair prints alike.
    return { value, year: input.year, digits: typedDecimals(input.value) };
  });

/** Decimal places as written: "90.0" → 1, 85 → 0. */
export function typedDecimals(input: number | string): number {
  const text = typeof input === "number" ? String(input) : input.normalize("NFKC").replace(/[,\s]/g, "");
  return (/\.(\d+)$/.exec(text)?.[1] ?? "").length;
}

/** 成果指標 (outcome indicator) of a 施策の展開方針; also serves as the projects' KPI. */
export const indicator = z
  .object({
    name: text("指標名"),
    unit: z.string().max(40).describe("単位（%、人、件 など。単位がない場合は空文字）"),
    baseline: measuredValue.describe("現状値"),
    target: measuredValue.describe("目標値（年度は計画期間内）"),
    direction: z.enum(["増加", "減少", "維持"]).describe("目指す方向（増加／減少／維持）"),
    cumulative: z.boolean().describe("累計値の指標なら true"),
    definition: text("指標の説明（資料編に掲載）"),
    calculation: text("算出方法（資料編に掲載）"),
    rationale: text("目標値設定の根拠（資料編に掲載）"),
  })
  .strict();

/** 重点的に取り組む事業 (a key programme). */
export const program = z
  .object({ name: text("事業名"), description: text("事業の内容") })
  .strict();

/** A link from a 施策の展開方針 to one 基本的方向 of a 重点プロジェクト; declared only here. */
export const projectLink = z
  .object({
    project: z.number().int().describe("重点プロジェクトの番号（1〜5）"),
    basicDirection: z.number().int().describe("その重点プロジェクトの基本的方向の番号（1から）"),
  })
  .strict();

/** 施策の展開方針: numbered 方針1, 方針2 … by order. */
export const direction = z
  .object({
    title: text("方針の名称"),
    summary: text("方針の内容"),
    projects: z.array(projectLink).default([]).describe("この方針が対応する重点プロジェクトの基本的方向"),
    programs: z.array(program).min(1).describe("目指す姿の実現に向けて重点的に取り組む事業"),
    indicators: z.array(indicator).min(1).describe("成果指標"),
  })
  .strict();

/** 重点施策: one file per policy, data/policies/<id>.yaml. */
export const policy = z
  .object({
    id: z.string().regex(/^[1-9]-[1-9][0-9]?$/).describe("施策番号（例: 1-1）。ファイル名と同じにします"),
    title: text("重点施策の名称"),
    vision: text("目指す姿（5年後の市の姿）"),
    issues: markdown("現状と課題"),
    directions: z.array(direction).min(1).describe("施策の展開方針"),
    sdgs: z.array(z.number().int()).default([]).describe("特に関わりのあるSDGsのゴール番号（1〜17）"),
    relatedPlans: z.array(z.string()).default([]).describe("関連する個別計画のID（related-plans.yaml）"),
  })
  .strict();

/** 政策: one of the 7 policy areas, data/policy-areas/<id>.yaml. */
export const policyArea = z
  .object({
    id: z.number().int().min(1).describe("政策番号"),
    name: text("政策の名称（例: 子育て・教育政策）"),
    goal: text("政策のゴール"),
  })
  .strict();

/** 数値目標 of a 重点プロジェクト. */
export const projectTarget = z
  .object({
    name: text("指標名"),
    unit: z.string().max(40).describe("単位"),
    baseline: measuredValue.describe("現状値"),
    target: measuredValue.describe("目標値"),
  })
  .strict();

/** 基本的方向 of a 重点プロジェクト; its 施策の展開方針 and KPI are derived from the policies. */
export const basicDirection = z
  .object({ title: text("基本的方向の名称"), overview: text("取組内容の概要") })
  .strict();

/** 重点プロジェクト: data/projects/<id>.yaml. */
export const project = z
  .object({
    id: z.number().int().min(1).describe("プロジェクト番号"),
    name: text("プロジェクト名"),
    nationalStrategy: z.array(text("施策の方向")).min(1).describe("勘案する国総合戦略の施策の方向"),
    summary: text("主な内容"),
    situation: markdown("プロジェクトに関する地域の実情・課題認識"),
    aim: markdown("取組の方向性・目指す地域の姿"),
    targets: z.array(projectTarget).min(1).describe("数値目標"),
    basicDirections: z.array(basicDirection).min(1).describe("基本的方向"),
    relatedPlans: z.array(z.string()).default([]).describe("関連する個別計画のID"),
  })
  .strict();

/** 地区: data/districts/<id>.yaml, with a schematic map made of grid cells. */
export const district = z
  .object({
    id: id("地区ID（半角英小文字）"),
    order: z.number().int().describe("掲載順"),
    name: text("地区名（例: 北地区）"),
    features: markdown("地区の特性"),
    vision: text("地区の将来像"),
    initiatives: z.array(text("取組")).min(1).describe("主な取組"),
    map: z
      .object({
        cells: z
          .array(z.string().regex(/^[A-L](?:[1-9]|1[0-2])$/))
          .min(1)
          .describe("模式図のマス（A1〜L12）。地区ごとに重ならないようにします"),
      })
      .strict()
      .describe("地区の模式図（実際の地図をなぞったものではありません）"),
  })
  .strict();

/** 個別計画 (related sectoral plan). */
export const relatedPlan = z
  .object({
    id: id("計画ID（半角英小文字とハイフン）"),
    name: text("計画名"),
    period: z
      .object({ from: fiscalYear.describe("開始年度"), to: fiscalYear.optional().describe("終了年度（期間の定めがなく随時見直す計画では書きません）") })
      .strict()
      .describe("計画期間"),
    department: text("所管課"),
  })
  .strict();

export const relatedPlans = z
  .object({ plans: z.array(relatedPlan).min(1).describe("個別計画の一覧") })
  .strict();

/** SDGs goal: the shared list data/sdgs.yaml. */
export const sdgGoal = z
  .object({
    id: z.number().int().describe("ゴール番号"),
    title: text("ゴールの日本語タイトル"),
    color: z.string().regex(/^#[0-9A-Fa-f]{6}$/).describe("公式カラー"),
  })
  .strict();

export const sdgs = z.object({ goals: z.array(sdgGoal).length(17) }).strict();

export const yearStyles = ["era-western", "western-era", "era", "western"] as const;

/** The edition file: facts of the plan and of this document. */
export const edition = z
  .object({
    title: text("冊子の題名"),
    subtitle: z.string().max(MAX_TEXT).default("").describe("副題"),
    city: text("市の名称"),
    author: text("作成者（PDFの作成者欄）"),
    futureVision: text("将来ビジョン"),
    longTermVision: z
      .object({ name: text("長期ビジョンの名称"), period: yearRange })
      .strict()
      .describe("長期ビジョン（基本構想）"),
    period: yearRange.describe("この計画（前期アクションプラン）の期間"),
    stage: z.enum(["素案", "案", "最終案", "策定"]).describe("文書の段階"),
    version: text("版（例: 第2版）"),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine(isCalendarDate, { message: "calendar-date" })
      .describe("発行日（YYYY-MM-DD）"),
    yearStyle: z.enum(yearStyles).default("era-western").describe("年度の表記（era-western: 令和7年度（2025年度））"),
    binding: z
      .enum(["無線綴じ", "中綴じ"])
      .default("無線綴じ")
      .describe("製本の方法。印刷用の版（--edition print）のページ数を、無線綴じは2、中綴じは4の倍数にそろえます"),
    publisher: z
      .object({
        department: text("担当課（例: 企画部 企画調整課）"),
        address: text("所在地"),
        phone: text("電話番号"),
        url: z.string().url().optional().describe("市のウェブサイト"),
      })
      .strict()
      .describe("発行者（裏表紙・奥付）"),
    keywords: z.array(z.string().max(100)).max(50).default([]).describe("PDFのキーワード"),
    sampleContent: z.string().max(MAX_TEXT).default("").describe("見本として作成した内容の説明"),
  })
  .strict();

export type FiscalYearInput = z.input<typeof fiscalYear>;
export type PolicyData = z.output<typeof policy>;
export type PolicyAreaData = z.output<typeof policyArea>;
export type ProjectData = z.output<typeof project>;
export type DistrictData = z.output<typeof district>;
export type RelatedPlanData = z.output<typeof relatedPlan>;
export type SdgGoalData = z.output<typeof sdgGoal>;
export type EditionData = z.output<typeof edition>;
export type IndicatorData = z.output<typeof indicator>;
export type DirectionData = z.output<typeof direction>;

/** Every YAML file kind, with the folder or file it lives in and its JSON Schema name. */
export const fileKinds = {
  edition: { schema: edition, jsonSchema: "edition.schema.json" },
  policyArea: { schema: policyArea, jsonSchema: "policy-area.schema.json" },
  policy: { schema: policy, jsonSchema: "policy.schema.json" },
  project: { schema: project, jsonSchema: "project.schema.json" },
  district: { schema: district, jsonSchema: "district.schema.json" },
  relatedPlans: { schema: relatedPlans, jsonSchema: "related-plans.schema.json" },
  sdgs: { schema: sdgs, jsonSchema: "sdgs.schema.json" },
} as const;

export type FileKind = keyof typeof fileKinds;
