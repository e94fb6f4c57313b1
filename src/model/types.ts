// The plan model: what templates receive. Everything numbered, formatted and derived here, so
// templates only place it on the page.
import type { GeneratedName, Terms } from "../validate/schema.js";
import type { Shape } from "../validate/district-map.js";

/** A figure with its year, formatted for a table cell. */
export interface ValueView {
  value: string;
  year: string;
  yearSub: string;
  /** The year in the edition's full style, e.g. 令和5年度（2023年度）. */
  yearFull: string;
}

/** A photo or illustration from the data's images folder, as the page references it. */
export interface ImageView {
  /** The image file in the model; the renderer turns it into a URL relative to the written HTML. */
  src: string;
  /** Required alternative text (tagged as the Figure's /Alt). */
  alt: string;
  /** Pixel size, for the layout's aspect ratio. */
  width: number;
  height: number;
}

/** A chart or table, numbered where a text places it (図1 人口の推移). */
export interface FigureView {
  id: string;
  anchor: string;
  /** 図1, 表2, 図3-1 … */
  label: string;
  type: "line" | "bar" | "stacked-bar" | "pie" | "table";
  caption: string;
  unit: string;
  source?: string;
  note?: string;
  /** The text alternative (tagged as the figure's /Alt). */
  alt: string;
  categories: string[];
  series: Array<{ name: string; values: Array<number | null> }>;
}

/** An indicator's or target's past values and its way to the target, drawn as a small chart. */
export interface TrendView {
  /** Short year labels on the axis, from the first past year to the target year. */
  years: string[];
  /** The values by year (null where none: the years between now and the target). */
  values: Array<number | null>;
  /** Index of the 現状値, of the latest value known, and of the 目標値 among the years. */
  baseline: number;
  last: number;
  target: number;
  targetValue: number;
  unit: string;
  /** 「年度」 or 「暦年」, and the day values are taken (4月1日時点), for the caption. */
  yearKind: string;
  asOf?: string;
  /** The text alternative. */
  alt: string;
}

/** 成果指標 as printed on a policy page and in the 資料編. */
export interface IndicatorView {
  /** Change-mark id prefix (model/change-keys.ts); "" in the 各ページの見方 miniature. */
  key: string;
  /** Anchor id of its 資料編 entry. */
  anchor: string;
  /** 1-1-1: policy 1-1, its first indicator. */
  number: string;
  name: string;
  unit: string;
  baseline: ValueView;
  target: ValueView;
  direction: string;
  directionMark: string;
  cumulative: boolean;
  definition: string;
  calculation: string;
  rationale: string;
  policyId: string;
  policyTitle: string;
  directionLabel: string;
  /** Past values toward the target, when the data gives them. */
  trend?: TrendView;
}

export interface ProgramView {
  key: string;
  name: string;
  description: string;
}

/** 施策の展開方針 (方針1, 方針2 …). */
export interface DirectionView {
  key: string;
  number: number;
  label: string;
  title: string;
  summary: string;
  programs: ProgramView[];
  indicators: IndicatorView[];
  /** The 重点プロジェクト it serves, e.g. ["重点プロジェクト1"]. */
  projects: Array<{ id: number; anchor: string; label: string }>;
}

export interface SdgView {
  id: number;
  title: string;
  color: string;
  /** Official icon file (relative URL) when present, else undefined: a placeholder is drawn. */
  icon?: string;
  alt: string;
}

export interface PlanRef {
  id: string;
  name: string;
  department: string;
  period: string;
}

/** 重点施策, drawn as a two-page spread. */
export interface PolicyView {
  key: string;
  /** The data file it comes from (named when its pages overflow). */
  source: string;
  id: string;
  anchor: string;
  areaId: number;
  areaName: string;
  title: string;
  vision: string;
  /** 現状と課題 (Markdown). */
  issues: string;
  directions: DirectionView[];
  sdgs: SdgView[];
  relatedPlans: PlanRef[];
  /** Running head and page colour of its 政策. */
  pageName: string;
  /** Its 政策's colour (charts). */
  color: string;
}

/** 政策 with its 重点施策. */
export interface PolicyAreaView {
  key: string;
  source: string;
  id: number;
  anchor: string;
  name: string;
  goal: string;
  pageName: string;
  /** Its colour (#rrggbb), dark enough for white text and as text on white (≥ 4.5:1). */
  color: string;
  policies: PolicyView[];
}

/** A 施策の展開方針 linked to a project's 基本的方向, with its indicators as KPI. */
export interface LinkedDirection {
  policyId: string;
  policyTitle: string;
  policyAnchor: string;
  label: string;
  title: string;
  kpis: IndicatorView[];
}

export interface ProjectView {
  key: string;
  source: string;
  id: number;
  anchor: string;
  name: string;
  nationalStrategy: string[];
  summary: string;
  situation?: string;
  aim?: string;
  targets: Array<{ key: string; name: string; unit: string; baseline: ValueView; target: ValueView; trend?: TrendView }>;
  basicDirections: Array<{ key: string; number: number; title: string; overview: string; directions: LinkedDirection[] }>;
  relatedPlans: PlanRef[];
}

/** One row of the 重点施策との対応 matrix. */
export interface MatrixRow {
  areaName: string;
  areaGoal: string;
  /** Set on the first row of its 政策, for a row-spanning cell. */
  areaRowSpan: number;
  /** Set on the last row of its 政策 (the group ends). */
  lastOfArea: boolean;
  areaId: number;
  policyId: string;
  policyTitle: string;
  policyAnchor: string;
  cells: Array<{ directions: string[] }>;
}

export interface DistrictView {
  key: string;
  source: string;
  id: string;
  anchor: string;
  name: string;
  features: string;
  vision: string;
  initiatives: string[];
  /** Schematic map cells; empty when the district has no map. */
  cells: string[];
  /** The district's shape from the city's own map (drawn instead of the cells). */
  shape?: Shape;
  colorIndex: number;
}

/** 個別計画 with the policies and projects it serves (derived from their declarations). */
export interface RelatedPlanView extends PlanRef {
  policies: Array<{ id: string; anchor: string }>;
  projects: Array<{ id: number; anchor: string }>;
}

/** A table of contents entry; bookmarks are built from the same tree. */
export interface TocEntry {
  anchor: string;
  title: string;
  /** The bookmark's title when it differs from the TOC line's (第1章　はじめに). */
  label?: string;
  /** 1 chapter, 2 政策/project/section, 3 重点施策. */
  level: number;
  /** Chapter number (第N章) of a numbered chapter. */
  number?: number;
  /** A chapter of the front matter: bookmarked, but not listed in the printed TOC. */
  front?: boolean;
  children: TocEntry[];
}

/** A prose section from Markdown. */
export interface TextSection {
  key: string;
  anchor: string;
  title: string;
  /** Markdown without its first heading (the title). */
  body: string;
}

export interface EditionView {
  title: string;
  subtitle: string;
  city: string;
  author: string;
  futureVision: string;
  stage: string;
  version: string;
  /** Issue date in the year style, as the cover prints it, e.g. 令和8年（2026年）10月. */
  dateLabel: string;
  /** Full date for drafts in the style's leading calendar, e.g. 令和8年10月1日 or 2026年10月1日. */
  dayLabel: string;
  isoDate: string;
  period: string;
  /** The plan's last fiscal year in the edition's style (目指す姿 are set for it). */
  endYear: string;
  periodShort: string;
  longTermVision?: string;
  publisher: { department: string; address: string; phone: string; url?: string };
  /** 計画の期間 as a chart: the fiscal years of the long-term vision and the plans in it. */
  timeline: { years: Array<{ main: string; sub: string }>; bars: Array<{ label: string; period: string; years: string; start: number; span: number; current: boolean }> };
  keywords: string[];
  sampleContent: string;
  /** The city's emblem (市章) for the cover, when the data has one. */
  emblem?: ImageView;
  /** A key visual (photo or illustration) for the cover, when the data has one. */
  keyVisual?: ImageView;
}

/** The cover's and colophon's dates and stage (model/edition-dates.ts). */
export interface EditionDatesView {
  /** The issue date in the edition's year style (令和6年（2024年）10月). */
  issued: string;
  /** The stage while the document is not adopted (素案, 案, 最終案); absent once 策定. */
  stageLabel?: string;
}

/** What a chapter holds, in order: a Markdown text or a part generated from the data. */
export type ContentView =
  | { kind: "text"; section: TextSection }
  | { kind: GeneratedName; anchor: string; title: string };

/** A chapter (or a Markdown text as a whole chapter), numbered and named once for TOC, bookmarks, heads and headings. */
export interface ChapterView {
  kind: "chapter";
  anchor: string;
  /** 第N章 for numbered body chapters. */
  number?: number;
  title: string;
  /** The bookmark's and the web file's name: 第1章　はじめに, or the title. */
  label: string;
  /** Named @page of its running head. */
  pageName: string;
  /** Before the table of contents: front matter (no folio, not counted). */
  front: boolean;
  /** A whole chapter from one Markdown file: its body. */
  text?: TextSection;
  contents: ContentView[];
}

/** The booklet's parts in print order, as booklet.yaml declares them (parts without data left out). */
export type PartView = { kind: "cover" } | { kind: "toc" } | { kind: "change-list" } | { kind: "back-cover" } | ChapterView;

/** A named @page: the running head (柱) and, for a 政策's pages, its thumb tab. */
export interface PageNameView {
  name: string;
  head: string;
  tab?: string;
  /** The tab's colour. */
  color?: string;
  tabOffset?: number;
  tabHeight?: number;
}

/** 重点施策との対応 of one 政策: each 重点施策's 方針 that serve a project, and in each project's column the 基本的方向 it serves. */
export interface MatrixAreaView {
  id: number;
  name: string;
  policies: Array<{
    id: string;
    anchor: string;
    title: string;
    /** Only the 方針 that serve a project; none when the 重点施策 serves no project. */
    directions: Array<{ label: string; title: string; cells: Array<{ basicDirections: number[] }> }>;
  }>;
}

/** A part of this plan in the 計画の構成 diagram: a generated part the booklet contains, where and how many. */
export interface StructurePartView {
  kind: "districts" | "projects" | "policies" | "related-plans";
  /** Its name in the plan's terms (地区別計画, 重点プロジェクト …). */
  name: string;
  /** Where it is: 第3章, or the chapter's title when unnumbered. */
  chapter: string;
  /** How many, in the plan's terms: 「Nの地区」, 「Nつの政策・Mの重点施策」 (countOf). */
  count: string;
}

/** 計画の構成: the long-term vision (when there is one), this plan among its plans, and the parts that make this plan up. */
export interface StructureView {
  futureVision: { label: string; text: string };
  vision?: { name: string; period: string };
  /** This plan, and the other plans of the vision in period order (this one marked current). */
  plans: Array<{ name: string; period: string; current: boolean }>;
  parts: StructurePartView[];
  /** The chapter relating projects and 重点施策 (the matrix), when both parts and it are in the booklet. */
  link?: { label: string; chapter: string };
}

/** The whole booklet, ready to render. */
export interface Booklet {
  edition: EditionView & EditionDatesView;
  terms: Terms;
  parts: PartView[];
  toc: TocEntry[];
  /** The anchor that opens body page 1 (the first chapter after the TOC). */
  firstBodyAnchor: string;
  /** Every anchor the print stage must find in the PDF (chapters, sections, spreads, the back cover). */
  anchors: string[];
  /** The 計画の体系 views, shared by the system chart, the matrix and the goals list. */
  policyAreas: PolicyAreaView[];
  projects: ProjectView[];
  districts: DistrictView[];
  matrix: { projects: Array<{ id: number; name: string; nameLines: string[] }>; rows: MatrixRow[] };
  /** 「Nの政策とMの重点施策」: counts said in the data's own terms (captions, alt text). */
  counts: { policyAreas: number; policies: number; projects: number };
  /**
   * The first 重点施策 (up to MINIATURE_CANDIDATES) without change-mark ids, each drawn as a
   * candidate for the 各ページの見方 miniature: the print keeps the first whose own spread fits
   * its two pages (print/flow-sheets.ts), as a longer one would be cut in the miniature.
   */
  howToRead: PolicyView[];
  /** Draft with --changes-since: what changed, listed at the front and marked on the pages. */
  changes?: ChangeListView;
  relatedPlans: RelatedPlanView[];
  indicators: IndicatorView[];
  pageNames: PageNameView[];
  /** Every placed chart and table by id (where a text says [[図 id]]). */
  figures: Record<string, FigureView>;
  /** The data's images by file name → file (texts place them with ![…](images/name)). */
  images: Record<string, string>;
  /** The title of the chapter holding each generated part, by camelCase kind (indicatorNotes …), for cross references. */
  whereIs: Record<string, string>;
  /** Diagram data (model/diagrams.ts): the matrix by 政策, and the 計画の構成. */
  diagrams: { matrix: MatrixAreaView[]; structure: StructureView };
}

/** One changed item in the draft's change list; `id` is the changed element (its page is looked up). */
export interface ChangeItemView {
  item: string;
  /** 変更, 新設, 削除, 移動. */
  kind: string;
  /** The element whose page is looked up; "" when the item is gone or on no numbered page. */
  id: string;
  /** Said instead of a page when there is no element: 「旧 p.57」 (a removed item's page in the old booklet), 「表紙」. */
  page: string;
}

/** A changed element of a draft, and how it is marked: its changed words, the whole (small) element, or a bar beside it. */
export interface WordMark {
  id: string;
  mode: "words" | "whole" | "bar";
  /** Changed words as printed, with a few unchanged characters either side to find them by. */
  phrases: Array<{ text: string; before: string; after: string }>;
}

/** The draft's list of what changed since an earlier version of the data (front matter). */
export interface ChangeListView {
  /** What the draft is compared with, e.g. 「案 第1版（令和6年10月1日）」 or the --label given. */
  since: string;
  count: number;
  groups: Array<{ name: string; items: ChangeItemView[] }>;
  /** Every marked element id: the templates mark these. */
  ids: string[];
  /** How each of them is marked (applied to the rendered HTML). */
  marks: WordMark[];
}
