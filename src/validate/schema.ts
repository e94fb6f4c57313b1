// The plan data's one schema: TypeScript types (z.infer), validation (zod) and the JSON Schema
// files editors use (scripts/write-json-schema.ts) all come from here. Descriptions are Japanese
// because VS Code shows them to the staff who edit the YAML.
import { z } from "zod";
import { TERM_DEFAULTS, type TermName } from "./terms.js";

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
const id = (description: string) => z.string().max(40).regex(/^[a-z0-9][a-z0-9-]*$/).describe(description);
/** A list with an upper bound: a plan has dozens of items, never thousands (a paste or an attack). */
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max);
/** 政策 number: 1, 2 … 99. */
const areaId = z.number().int().min(1).max(99);
/** 重点施策 number as printed: 1-1, 10-2, 3-12 (the 政策's number, a hyphen, its own). */
export const POLICY_ID = /^[1-9][0-9]?-[1-9][0-9]?$/;
const policyId = z.string().regex(POLICY_ID).describe("施策番号（例: 1-1、10-2）");
/** 重点プロジェクト number. */
const projectId = z.number().int().min(1).max(99);

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

/**
 * Past values of a figure, year → value ("2020年度: 1746" or "2020: 1746"): its trend toward the
 * target is drawn from them. Keys are read as years, values as numbers; each error is located.
 */
export const history = z
  .record(z.string(), z.union([z.number(), z.string()]))
  .superRefine((map, ctx) => {
    const entries = Object.entries(map);
    if (entries.length > 60) ctx.addIssue({ code: "custom", message: "history-too-long", input: entries.length });
    for (const [year, value] of entries) {
      if (parseFiscalYear(year) === undefined) ctx.addIssue({ code: "custom", message: "fiscal-year", path: [year], input: year });
      else if (parseNumber(value) === undefined) ctx.addIssue({ code: "custom", message: "number", path: [year], input: value });
    }
  })
  .transform((map) =>
    Object.entries(map)
      .map(([year, value]) => ({ year: parseFiscalYear(year) ?? 0, value: parseNumber(value) ?? 0 }))
      .sort((a, b) => a.year - b.year),
  )
  .describe("過去の値（年度: 値。例: 2020年度: 1746）。推移のグラフに使います");

/** The stable key of an indicator or target: survives a change of its wording or order (actuals and Excel refer to it). */
const figureKey = z.string().max(40).regex(/^[a-z0-9][a-z0-9-]*$/);

/** How a figure's history and actuals are counted and when: 年度 or 暦年, and the day of the year they are taken. */
const timing = {
  yearKind: z.enum(["年度", "暦年"]).default("年度").describe("値の年の数え方（年度／暦年）"),
  asOf: z.string().max(20).optional().describe("値の時点（例: 4月1日時点、3月31日時点）"),
};

/** 成果指標 (outcome indicator) of a 施策の展開方針; also serves as the projects' KPI. */
export const indicator = z
  .object({
    key: figureKey.describe("指標のキー（半角英小文字・数字・ハイフン。計画の中で一意。名称や順番を変えても変えません。実績値はこのキーで結び付きます）"),
    name: text("指標名"),
    unit: z.string().max(40).describe("単位（%、人、件 など。単位がない場合は空文字）"),
    baseline: measuredValue.describe("現状値"),
    target: measuredValue.describe("目標値（年度は計画期間内）"),
    direction: z.enum(["増加", "減少", "維持"]).describe("目指す方向（増加／減少／維持）"),
    keep: z.enum(["以上", "以下"]).optional().describe("維持の指標で、現状値を保つ向き（以上: 下回ると未達、以下: 上回ると未達）。省略すると現状値が 0 なら以下、それ以外は以上"),
    cumulative: z.boolean().describe("累計値の指標なら true"),
    definition: text("指標の説明（資料編に掲載）"),
    calculation: text("算出方法（資料編に掲載）"),
    rationale: text("目標値設定の根拠（資料編に掲載）"),
    history: history.optional(),
    ...timing,
  })
  .strict();

/** 重点的に取り組む事業 (a key programme). */
export const program = z
  .object({ name: text("事業名"), description: text("事業の内容") })
  .strict();

/** A link from a 施策の展開方針 to one 基本的方向 of a 重点プロジェクト; declared only here. */
export const projectLink = z
  .object({
    project: projectId.describe("重点プロジェクトの番号"),
    basicDirection: z.number().int().min(1).max(99).describe("その重点プロジェクトの基本的方向の番号（1から）"),
  })
  .strict();

/** 施策の展開方針: numbered 方針1, 方針2 … by order. */
export const direction = z
  .object({
    title: text("方針の名称"),
    summary: text("方針の内容"),
    department: z.string().min(1).max(60).optional().describe("この方針の所管課（重点施策の所管課と違うときだけ書きます）"),
    projects: list(projectLink, 50).default([]).describe("この方針が対応する重点プロジェクトの基本的方向"),
    programs: list(program, 50).default([]).describe("目指す姿の実現に向けて重点的に取り組む事業"),
    indicators: list(indicator, 50).default([]).describe("成果指標"),
  })
  .strict();

/** 重点施策: one file per policy, data/policies/<id>.yaml. */
export const policy = z
  .object({
    id: policyId.describe("施策番号（例: 1-1、10-2）。ファイル名と同じにします"),
    title: text("重点施策の名称"),
    department: z.string().min(1).max(60).optional().describe("所管課（進行管理の実績の照会先。例: こども家庭課）"),
    vision: text("目指す姿（5年後の市の姿）"),
    issues: markdown("現状と課題"),
    directions: list(direction, 30).default([]).describe("施策の展開方針"),
    sdgs: list(z.number().int(), 17).default([]).describe("特に関わりのあるSDGsのゴール番号（1〜17）"),
    relatedPlans: list(z.string().max(40), 50).default([]).describe("関連する個別計画のID（related-plans.yaml）"),
  })
  .strict();

/** A colour as #RRGGBB. */
const colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/);

/** 政策: data/policy-areas/<id>.yaml, declaring its 重点施策 in order. */
export const policyArea = z
  .object({
    id: areaId.describe("政策番号（1〜99）"),
    name: text("政策の名称（例: ○○政策）"),
    goal: text("政策のゴール"),
    policies: list(policyId, 60).describe("この政策の重点施策の番号（掲載順。policies/番号.yaml）"),
    color: colour.optional().describe("政策の色（#RRGGBB）。白い文字との明暗比が 4.5:1 以上の濃い色にします。省略すると自動で決めます"),
  })
  .strict();

/** 数値目標 of a 重点プロジェクト. */
export const projectTarget = z
  .object({
    key: figureKey.describe("数値目標のキー（半角英小文字・数字・ハイフン。計画の中で一意。実績値はこのキーで結び付きます）"),
    name: text("指標名"),
    unit: z.string().max(40).describe("単位"),
    baseline: measuredValue.describe("現状値"),
    target: measuredValue.describe("目標値"),
    history: history.optional(),
    ...timing,
  })
  .strict();

/** 基本的方向 of a 重点プロジェクト; its 施策の展開方針 and KPI are derived from the policies. */
export const basicDirection = z
  .object({ title: text("基本的方向の名称"), overview: text("取組内容の概要") })
  .strict();

/** 重点プロジェクト: data/projects/<id>.yaml. */
export const project = z
  .object({
    id: projectId.describe("プロジェクト番号"),
    name: text("プロジェクト名"),
    department: z.string().min(1).max(60).optional().describe("所管課（数値目標の実績の照会先）"),
    nationalStrategy: list(text("施策の方向"), 10).default([]).describe("勘案する国総合戦略の施策の方向（ない場合は省略）"),
    summary: text("主な内容"),
    situation: markdown("プロジェクトに関する地域の実情・課題認識").optional(),
    aim: markdown("取組の方向性・目指す地域の姿").optional(),
    targets: list(projectTarget, 30).default([]).describe("数値目標"),
    basicDirections: list(basicDirection, 30).default([]).describe("基本的方向"),
    relatedPlans: list(z.string().max(40), 50).default([]).describe("関連する個別計画のID"),
  })
  .strict();

/** 地区: data/districts/<id>.yaml, optionally with a schematic map made of grid cells. */
export const district = z
  .object({
    id: id("地区ID（半角英小文字）"),
    name: text("地区名（例: 中央地区）"),
    features: markdown("地区の特性"),
    vision: text("地区の将来像"),
    initiatives: list(text("取組"), 30).default([]).describe("主な取組"),
    map: z
      .object({
        cells: list(z.string().regex(/^[A-L](?:[1-9]|1[0-2])$/), 144)
          .min(1)
          .describe("模式図のマス（A1〜L12）。地区ごとに重ならないようにします"),
      })
      .strict()
      .optional()
      .describe("地区の模式図（実際の地図をなぞったものではありません）。省略すると図を載せません"),
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
  .object({ plans: list(relatedPlan, 300).describe("個別計画の一覧") })
  .strict();

/** SDGs goal: the shared list data/sdgs.yaml. */
export const sdgGoal = z
  .object({
    id: z.number().int().describe("ゴール番号"),
    title: text("ゴールの日本語タイトル"),
    color: colour.describe("公式カラー"),
  })
  .strict();

export const sdgs = z.object({ goals: z.array(sdgGoal).length(17) }).strict();

// The plan's terms (terms.ts): their defaults are the sample's words.
export { TERM_DEFAULTS, type TermName, type Terms } from "./terms.js";

const TERM_JA: Record<TermName, string> = {
  futureVision: "表紙・体系図の将来像の呼び方（例: 将来ビジョン、将来都市像）",
  policyArea: "計画の第1層（例: 政策、基本目標）", policyAreaGoal: "第1層の目標（例: 政策のゴール）",
  policy: "計画の第2層（例: 重点施策、基本施策）", vision: "目指す姿", issues: "現状と課題",
  direction: "施策の下の方針（例: 施策の展開方針、取組方針）", directionShort: "方針の短い呼び方（方針1、方針2 …）",
  program: "方針ごとの事業", indicator: "指標（例: 成果指標、KPI）", sdgs: "SDGs の欄", relatedPlan: "施策のページの関連計画",
  relatedPlanList: "個別計画の一覧での呼び方", project: "横断的な計画（例: 重点プロジェクト、リーディングプロジェクト）",
  projectSummary: "プロジェクトの主な内容", nationalStrategy: "国の総合戦略との関係", situation: "プロジェクトの実情・課題",
  aim: "プロジェクトの方向性", projectTarget: "プロジェクトの数値目標", basicDirection: "プロジェクトの基本的方向",
  districtPlan: "地区別計画", districtVision: "地区の将来像", districtFeatures: "地区の特性", districtInitiatives: "地区の主な取組",
};

export const terms = z
  .object(Object.fromEntries(
    (Object.keys(TERM_DEFAULTS) as TermName[]).map((k) => [k, z.string().min(1).max(40).default(TERM_DEFAULTS[k]).describe(`${TERM_JA[k]}。既定: ${TERM_DEFAULTS[k]}`)]),
  ) as { [K in TermName]: z.ZodDefault<z.ZodString> })
  .strict();

/** data/plan.yaml: what the plan holds (each list names the files, in order) and the words it uses. */
export const plan = z
  .object({
    districtMap: z
      .object({
        file: z.string().max(60).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.(geojson|json)$/).describe("data/maps/ の GeoJSON ファイルの名前"),
        property: z.string().min(1).max(40).describe("各地区の ID（districts/ID.yaml の ID）が入っている属性の名前"),
      })
      .strict()
      .optional()
      .describe("地区の地図（市が用意した GeoJSON）。省略すると各地区の模式図のマスで描きます"),
    policyAreas: list(areaId, 20).min(1).describe("政策の番号（掲載順。policy-areas/番号.yaml）。各政策の重点施策は政策のファイルの policies に書きます"),
    projects: list(projectId, 30).default([]).describe("重点プロジェクトの番号（掲載順。projects/番号.yaml）。ない場合は省略"),
    districts: list(id("地区ID"), 60).default([]).describe("地区のID（掲載順。districts/ID.yaml）。ない場合は省略"),
    terms: terms.default(TERM_DEFAULTS).describe("計画で使う用語。書いたものだけが既定から変わります"),
  })
  .strict();

/** A cell of a figure's data: a number, a number as text, or empty (no value that year). */
const figureValue = z.union([z.number(), z.string().max(30), z.null()]);

/**
 * A chart or table, data/figures/<id>.yaml, placed in a text by a line 「[[図 id]]」 (or
 * 「[[表 id]]」 for a table). Its values are written here or read from a CSV file beside it.
 */
export const figure = z
  .object({
    type: z.enum(["line", "bar", "stacked-bar", "pie", "table"]).describe("種類: line（折れ線）／bar（棒）／stacked-bar（積み上げ棒）／pie（円）／table（表）"),
    caption: text("図表の題名（「図1 人口の推移」の「人口の推移」）"),
    unit: z.string().max(20).default("").describe("値の単位（人、% など）"),
    source: z.string().min(1).max(200).optional().describe("出典"),
    note: z.string().min(1).max(500).optional().describe("注（※ で始まる説明）"),
    alt: z.string().min(1).max(500).optional().describe("代替テキスト（省略すると題名と値から自動でつくります）"),
    csv: z.string().max(60).regex(/^[a-z0-9][a-z0-9-]*\.csv$/).optional().describe("値を読む CSV ファイル（figures/ の中）。1行目が系列名、1列目が項目（年など）"),
    categories: list(z.union([z.string().min(1).max(40), z.number()]), 100).optional().describe("項目（横軸の年など）"),
    series: list(z.object({ name: text("系列の名前"), values: list(figureValue, 100).describe("値（項目の順に。ない年は null）") }).strict(), 12)
      .optional()
      .describe("系列（線・棒の1本ずつ）"),
  })
  .strict();

/** Generated contents a chapter can hold, and what each prints. */
export const GENERATED = {
  "period-chart": "計画の期間の図（edition.yaml の期間から）",
  "structure-diagram": "計画の構成の図（長期ビジョン、この計画と、冊子にある地区別計画・重点プロジェクト・重点施策などの部分）",
  "system-chart": "計画の体系図（政策・重点施策・施策の展開方針と、対応する重点プロジェクト）",
  "policy-goals": "政策のゴールの一覧",
  "district-overview": "地区の区分の図（地区の模式図）",
  districts: "地区ごとのページ",
  "project-list": "重点プロジェクトの一覧表",
  projects: "重点プロジェクトの見開き",
  matrix: "重点施策との対応表",
  "how-to-read": "各ページの見方",
  policies: "政策ごとの扉と重点施策の見開き",
  "related-plans": "個別計画の一覧表",
  "indicator-notes": "成果指標の解説",
} as const;
export type GeneratedName = keyof typeof GENERATED;
const generatedNames = Object.keys(GENERATED) as [GeneratedName, ...GeneratedName[]];

/** A Markdown text of data/text/ by its file name without .md. */
const textName = z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(40).describe("data/text/ の Markdown ファイルの名前（.md を除く。例: purpose）");

const contentItem = z
  .union([z.enum(generatedNames), z.object({ text: textName }).strict()])
  .describe(`章の中身。text: 名前（data/text/名前.md）か、自動でつくる部分: ${generatedNames.join("／")}`);

const chapterPart = z
  .object({
    chapter: text("章の題名"),
    numbered: z.boolean().default(true).describe("第1章 … の番号を付けるか（資料編などは false）"),
    head: z.string().min(1).max(40).optional().describe("ページ上の柱の文字（省略すると章の題名）"),
    contents: list(contentItem, 40).min(1).describe("章の中身（上から順に）"),
  })
  .strict();

export const BOOKLET_KEYWORDS = { cover: "表紙", toc: "目次", "back-cover": "奥付（裏表紙）" } as const;
const bookletPart = z
  .union([z.enum(["cover", "toc", "back-cover"]), chapterPart, z.object({ text: textName, numbered: z.boolean().default(true), head: z.string().min(1).max(40).optional() }).strict()])
  .describe("冊子の部分。cover（表紙）／toc（目次）／back-cover（奥付）／chapter: 題名 と contents（章）／text: 名前（1つの Markdown ファイルで1章。見出し # が章の題名）");

/** data/booklet.yaml: the booklet's parts in order; chapter numbers, TOC, bookmarks and running heads follow it. */
export const booklet = z
  .object({
    parts: list(bookletPart, 60).min(1).describe("冊子の部分（上から順に印刷します）"),
    figureNumbers: z.enum(["booklet", "chapter"]).default("booklet").describe("図表の番号: booklet（図1、図2 …）／chapter（章ごとに 図2-1 …）"),
  })
  .strict();

export const yearStyles = ["era-western", "western-era", "era", "western"] as const;

/** 実績値: data/actuals/<year>.yaml, one file per fiscal year, written by plan-press sheet import (or by hand). */
export const actuals = z
  .object({
    year: fiscalYear.describe("実績の年度（ファイル名と同じ）"),
    values: z
      .record(z.string().max(40), z.union([z.number(), z.string().max(30), z.object({ value: z.union([z.number(), z.string().max(30)]), note: z.string().max(500).optional() }).strict()]))
      .default({})
      .describe("指標・数値目標のキー: 実績値（備考があれば { value: 値, note: 備考 }）"),
    comments: z
      .record(
        z.string().max(20),
        z.object({
          evaluation: z.string().min(1).max(2000).optional().describe("評価"),
          issues: z.string().min(1).max(2000).optional().describe("課題"),
          next: z.string().min(1).max(2000).optional().describe("今後の方向"),
        }).strict(),
      )
      .default({})
      .describe("重点施策の番号: 評価・課題・今後の方向"),
  })
  .strict();

/** A file in data/images/ with its required alternative text. */
export const imageRef = z
  .object({
    image: z.string().max(100).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.(png|jpe?g)$/i).describe("data/images/ の画像ファイルの名前（PNG か JPEG）"),
    alt: text("代替テキスト（画像の内容を言葉で。読み上げに使われます）"),
  })
  .strict();

/** The edition file: facts of the plan and of this document. */
export const edition = z
  .object({
    title: text("冊子の題名"),
    subtitle: z.string().max(MAX_TEXT).default("").describe("副題"),
    city: text("市の名称"),
    author: text("作成者（PDFの作成者欄）"),
    futureVision: text("将来ビジョン"),
    longTermVision: z
      .object({
        name: text("長期ビジョンの名称"),
        period: yearRange,
        plans: list(z.object({ name: text("計画の名称（例: 後期アクションプラン）"), period: yearRange }).strict(), 10)
          .default([])
          .describe("長期ビジョンの期間内の、この計画以外の計画（例: 後期アクションプラン）。計画の期間の図に並べます"),
      })
      .strict()
      .optional()
      .describe("長期ビジョン（基本構想）。計画の期間の図に使います"),
    period: z
      .object({
        from: fiscalYear.describe("開始年度"),
        to: fiscalYear.describe("終了年度"),
        name: z.string().max(60).optional().describe("計画の期間の図でのこの計画の名称（例: 前期アクションプラン）"),
      })
      .strict()
      .describe("この計画の期間"),
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
    cover: z
      .object({
        emblem: imageRef.optional().describe("市章（表紙に載せます）"),
        keyVisual: imageRef.optional().describe("表紙のキービジュアル（写真やイラスト）"),
      })
      .strict()
      .default({})
      .describe("表紙の画像"),
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
export type PlanDeclaration = z.output<typeof plan>;
export type BookletData = z.output<typeof booklet>;
export type BookletPart = BookletData["parts"][number];
export type ContentItem = z.output<typeof contentItem>;
export type FigureData = z.output<typeof figure>;
export type ImageRef = z.output<typeof imageRef>;
export type ActualsData = z.output<typeof actuals>;

/** Every YAML file kind, with the folder or file it lives in and its JSON Schema name. */
export const fileKinds = {
  edition: { schema: edition, jsonSchema: "edition.schema.json" },
  plan: { schema: plan, jsonSchema: "plan.schema.json" },
  booklet: { schema: booklet, jsonSchema: "booklet.schema.json" },
  figure: { schema: figure, jsonSchema: "figure.schema.json" },
  actuals: { schema: actuals, jsonSchema: "actuals.schema.json" },
  policyArea: { schema: policyArea, jsonSchema: "policy-area.schema.json" },
  policy: { schema: policy, jsonSchema: "policy.schema.json" },
  project: { schema: project, jsonSchema: "project.schema.json" },
  district: { schema: district, jsonSchema: "district.schema.json" },
  relatedPlans: { schema: relatedPlans, jsonSchema: "related-plans.schema.json" },
  sdgs: { schema: sdgs, jsonSchema: "sdgs.schema.json" },
} as const;

export type FileKind = keyof typeof fileKinds;
