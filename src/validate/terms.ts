// The words a plan uses for its levels and blocks, kept apart from the schema (zod) so that
// printing a message in them loads no validation library.

/** What a city calls each level and block of its plan; the sample's words are the defaults. */
export const TERM_DEFAULTS = {
  futureVision: "将来ビジョン",
  policyArea: "政策",
  policyAreaGoal: "政策のゴール",
  policy: "重点施策",
  vision: "目指す姿",
  issues: "現状と課題",
  direction: "施策の展開方針",
  directionShort: "方針",
  program: "重点的に取り組む事業",
  indicator: "成果指標",
  sdgs: "SDGsゴール",
  relatedPlan: "関連計画",
  relatedPlanList: "個別計画",
  project: "重点プロジェクト",
  projectSummary: "主な内容",
  nationalStrategy: "勘案する国総合戦略の施策の方向",
  situation: "プロジェクトに関する地域の実情・課題認識",
  aim: "取組の方向性・目指す地域の姿",
  projectTarget: "数値目標",
  basicDirection: "基本的方向",
  districtPlan: "地区別計画",
  districtVision: "地区の将来像",
  districtFeatures: "地区の特性",
  districtInitiatives: "主な取組",
} as const;
export type TermName = keyof typeof TERM_DEFAULTS;
export type Terms = Record<TermName, string>;
