// What each field of the comparable tree (plan-tree.ts) is called in the 新旧対照表 and the draft's
// change list, where the booklet prints it, and how its value is shown. One row per field,
// keyed by its pattern: list items are "[]", entries of a record keyed by name are "*". A field
// that is missing here is still compared (under its own name); tests/unit/compare-tree.test.ts
// fails until it is labelled here.

export interface FieldSpec {
  /** The field's name for the committee: 目指す姿, 目標値 … */
  label: string;
  /** The part of its item's element that prints it (model/change-keys.ts); else the item's own element. */
  part?: string;
  /** How the value is shown: a fiscal year, a date, 累計/単年度, one entry per line. */
  show?: "year" | "date" | "cumulative" | "yearStyle" | "lines";
  /** The item's identity (its number or id): compared by the list matching, not as a field. */
  identity?: true;
  /** How a value was typed, not what it is (85 and 85.0 are the same value): never a change. */
  ignore?: true;
}

/** 現状値 and 目標値 of an 成果指標 or a 数値目標: the value with its year. */
function measured(prefix: string): Record<string, FieldSpec> {
  return {
    [`${prefix}.name`]: { label: "指標名", part: "name" },
    [`${prefix}.unit`]: { label: "単位", part: "unit" },
    [`${prefix}.baseline.value`]: { label: "現状値", part: "baseline" },
    [`${prefix}.baseline.year`]: { label: "現状値の年度", part: "baseline", show: "year" },
    [`${prefix}.baseline.digits`]: { label: "現状値の小数の桁数", ignore: true },
    [`${prefix}.target.value`]: { label: "目標値", part: "target" },
    [`${prefix}.target.year`]: { label: "目標値の年度", part: "target", show: "year" },
    [`${prefix}.target.digits`]: { label: "目標値の小数の桁数", ignore: true },
  };
}

import { TERM_DEFAULTS, type TermName } from "../validate/schema.js";
import { T } from "../validate/in-terms.js";

/** Past values, how they are counted and taken, and a stable key: the fields an indicator and a target share. */
function timing(prefix: string): Record<string, FieldSpec> {
  return {
    [`${prefix}.key`]: { label: "キー", identity: true },
    [`${prefix}.history`]: { label: "過去の値", part: "name", show: "lines" },
    [`${prefix}.yearKind`]: { label: "年の数え方（年度・暦年）", part: "name" },
    [`${prefix}.asOf`]: { label: "値の時点", part: "name" },
  };
}

const POLICY = "policyAreas[].policies[]";
const DIRECTION = `${POLICY}.directions[]`;

export const FIELDS: Record<string, FieldSpec> = {
  "edition.title": { label: "冊子の題名" },
  "edition.subtitle": { label: "副題" },
  "edition.city": { label: "市の名称" },
  "edition.author": { label: "作成者（PDF の文書情報）" },
  "edition.futureVision": { label: T.futureVision },
  "edition.longTermVision.name": { label: "長期ビジョンの名称" },
  "edition.longTermVision.period.from": { label: "長期ビジョンの開始年度", show: "year" },
  "edition.longTermVision.period.to": { label: "長期ビジョンの終了年度", show: "year" },
  "edition.period.from": { label: "計画期間の開始年度", show: "year" },
  "edition.period.to": { label: "計画期間の終了年度", show: "year" },
  "edition.stage": { label: "段階" },
  "edition.version": { label: "版" },
  "edition.date": { label: "発行日", show: "date" },
  "edition.yearStyle": { label: "年度の表記", show: "yearStyle" },
  "edition.binding": { label: "製本の方法" },
  "edition.publisher.department": { label: "発行者の担当課" },
  "edition.publisher.address": { label: "発行者の所在地" },
  "edition.publisher.phone": { label: "発行者の電話番号" },
  "edition.publisher.url": { label: "市のウェブサイト" },
  "edition.keywords": { label: "PDF のキーワード" },
  "edition.sampleContent": { label: "見本データについて" },
  "edition.period.name": { label: "計画の期間の図でのこの計画の名称" },
  "edition.longTermVision.plans[].name": { label: "名称" },
  "edition.longTermVision.plans[].period.from": { label: "開始年度", show: "year" },
  "edition.longTermVision.plans[].period.to": { label: "終了年度", show: "year" },
  "edition.cover.emblem.image": { label: "表紙の市章の画像" },
  "edition.cover.emblem.alt": { label: "表紙の市章の代替テキスト" },
  "edition.cover.keyVisual.image": { label: "表紙の画像" },
  "edition.cover.keyVisual.alt": { label: "表紙の画像の代替テキスト" },

  "plan.policyAreas": { label: `${T.policyArea}の一覧（掲載順）` },
  "plan.projects": { label: `${T.project}の一覧（掲載順）` },
  "plan.districts": { label: "地区の一覧（掲載順）" },
  "plan.districtMap.file": { label: "地区の地図のファイル" },
  "plan.districtMap.property": { label: "地区の地図の、地区 ID の属性" },
  ...Object.fromEntries((Object.keys(TERM_DEFAULTS) as TermName[]).map((k) => [`plan.terms.${k}`, { label: `用語（既定:「${TERM_DEFAULTS[k]}」）` }])),

  "booklet.parts": { label: "表紙・目次・章の並びと中身", show: "lines" },
  "booklet.figureNumbers": { label: "図表の番号の付け方" },

  "figures.*.type": { label: "図表の種類" },
  "figures.*.caption": { label: "題名" },
  "figures.*.unit": { label: "単位" },
  "figures.*.source": { label: "出典" },
  "figures.*.note": { label: "注" },
  "figures.*.alt": { label: "代替テキスト" },
  "figures.*.csv": { label: "値の CSV ファイル" },
  "figures.*.categories": { label: "項目", show: "lines" },
  "figures.*.series[].name": { label: "系列名" },
  "figures.*.series[].values": { label: "値" },

  "images.*.format": { label: "画像の形式" },
  "images.*.width": { label: "画像の幅（画素）" },
  "images.*.height": { label: "画像の高さ（画素）" },
  "images.*.bytes": { label: "画像のファイルの大きさ" },

  "actuals.*.year": { label: "年度", identity: true },
  "actuals.*.values": { label: "実績値" },
  "actuals.*.values.*.value": { label: "実績値" },
  "actuals.*.values.*.note": { label: "備考" },
  "actuals.*.comments": { label: "評価・課題・今後の方向" },
  "actuals.*.comments.*.evaluation": { label: "評価" },
  "actuals.*.comments.*.issues": { label: "課題" },
  "actuals.*.comments.*.next": { label: "今後の方向" },

  "texts.*": { label: "本文" },

  "districts[].id": { label: "地区ID", identity: true },
  "districts[].shape": { label: "地図の図形", part: "name" },
  "districts[].name": { label: "地区名", part: "name" },
  "districts[].features": { label: T.districtFeatures, part: "features" },
  "districts[].vision": { label: T.districtVision, part: "vision" },
  "districts[].initiatives": { label: T.districtInitiatives, part: "initiatives", show: "lines" },
  "districts[].map.cells": { label: "模式図のマス", part: "name" },

  "projects[].id": { label: "プロジェクト番号", identity: true },
  "projects[].name": { label: "名称", part: "name" },
  "projects[].department": { label: "所管課", part: "name" },
  "projects[].nationalStrategy": { label: T.nationalStrategy, part: "strategy", show: "lines" },
  "projects[].summary": { label: T.projectSummary, part: "summary" },
  "projects[].situation": { label: T.situation, part: "situation" },
  "projects[].aim": { label: T.aim, part: "aim" },
  ...measured("projects[].targets[]"),
  ...timing("projects[].targets[]"),
  "projects[].basicDirections[].title": { label: "名称" },
  "projects[].basicDirections[].overview": { label: "取組内容の概要" },
  "projects[].relatedPlans": { label: T.relatedPlan, part: "plans" },

  "policyAreas[].id": { label: "政策番号", identity: true },
  "policyAreas[].name": { label: "名称", part: "name" },
  "policyAreas[].goal": { label: T.policyAreaGoal, part: "goal" },
  "policyAreas[].color": { label: `${T.policyArea}の色`, part: "name" },
  "policyAreas[].policies": { label: `${T.policy}の一覧（掲載順）`, part: "name" },

  [`${POLICY}.id`]: { label: "施策番号", identity: true },
  [`${POLICY}.title`]: { label: "名称", part: "title" },
  [`${POLICY}.department`]: { label: "所管課", part: "title" },
  [`${POLICY}.vision`]: { label: T.vision, part: "vision" },
  [`${POLICY}.issues`]: { label: T.issues, part: "issues" },
  [`${POLICY}.sdgs`]: { label: T.sdgs, part: "sdgs" },
  [`${POLICY}.relatedPlans`]: { label: T.relatedPlan, part: "plans" },
  [`${DIRECTION}.title`]: { label: "名称", part: "title" },
  [`${DIRECTION}.summary`]: { label: "内容", part: "summary" },
  [`${DIRECTION}.department`]: { label: "所管課", part: "title" },
  [`${DIRECTION}.projects`]: { label: `対応する${T.project}`, part: "title" },
  [`${DIRECTION}.programs[].name`]: { label: "事業名" },
  [`${DIRECTION}.programs[].description`]: { label: "事業の内容" },
  ...measured(`${DIRECTION}.indicators[]`),
  ...timing(`${DIRECTION}.indicators[]`),
  [`${DIRECTION}.indicators[].keep`]: { label: "維持の向き", part: "direction" },
  [`${DIRECTION}.indicators[].direction`]: { label: "目指す方向", part: "direction" },
  [`${DIRECTION}.indicators[].cumulative`]: { label: "累計・単年度", part: "name", show: "cumulative" },
  [`${DIRECTION}.indicators[].definition`]: { label: "指標の説明", part: "note" },
  [`${DIRECTION}.indicators[].calculation`]: { label: "算出方法", part: "note" },
  [`${DIRECTION}.indicators[].rationale`]: { label: "目標値設定の根拠", part: "note" },

  "relatedPlans[].id": { label: "計画ID", identity: true },
  "relatedPlans[].name": { label: "計画名" },
  "relatedPlans[].period.from": { label: "計画期間の開始年度", show: "year" },
  "relatedPlans[].period.to": { label: "計画期間の終了年度", show: "year" },
  "relatedPlans[].department": { label: "所管課" },

  "sdgs[].id": { label: "ゴール番号", identity: true },
  "sdgs[].title": { label: "タイトル" },
  "sdgs[].color": { label: "色" },
};

/**
 * The heading of the rows of a top-level record that is no item of its own (the table groups
 * rows under it), in the committee's words: never the data file's key.
 */
export const GROUPS: Record<string, string> = {
  plan: "計画の構成",
  booklet: "冊子の構成",
};
