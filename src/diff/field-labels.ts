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

const POLICY = "policyAreas[].policies[]";
const DIRECTION = `${POLICY}.directions[]`;

export const FIELDS: Record<string, FieldSpec> = {
  "edition.title": { label: "冊子の題名" },
  "edition.subtitle": { label: "副題" },
  "edition.city": { label: "市の名称" },
  "edition.author": { label: "作成者（PDF の文書情報）" },
  "edition.futureVision": { label: "将来ビジョン" },
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

  "texts.*": { label: "本文" },

  "districts[].id": { label: "地区ID", identity: true },
  "districts[].order": { label: "掲載順", part: "name" },
  "districts[].name": { label: "地区名", part: "name" },
  "districts[].features": { label: "地区の特性", part: "features" },
  "districts[].vision": { label: "地区の将来像", part: "vision" },
  "districts[].initiatives": { label: "主な取組", part: "initiatives", show: "lines" },
  "districts[].map.cells": { label: "模式図のマス", part: "name" },

  "projects[].id": { label: "プロジェクト番号", identity: true },
  "projects[].name": { label: "名称", part: "name" },
  "projects[].nationalStrategy": { label: "勘案する国総合戦略の施策の方向", part: "strategy", show: "lines" },
  "projects[].summary": { label: "主な内容", part: "summary" },
  "projects[].situation": { label: "地域の実情・課題認識", part: "situation" },
  "projects[].aim": { label: "取組の方向性・目指す地域の姿", part: "aim" },
  ...measured("projects[].targets[]"),
  "projects[].basicDirections[].title": { label: "名称" },
  "projects[].basicDirections[].overview": { label: "取組内容の概要" },
  "projects[].relatedPlans": { label: "関連計画", part: "plans" },

  "policyAreas[].id": { label: "政策番号", identity: true },
  "policyAreas[].name": { label: "名称", part: "name" },
  "policyAreas[].goal": { label: "政策のゴール", part: "goal" },

  [`${POLICY}.id`]: { label: "施策番号", identity: true },
  [`${POLICY}.title`]: { label: "名称", part: "title" },
  [`${POLICY}.vision`]: { label: "目指す姿", part: "vision" },
  [`${POLICY}.issues`]: { label: "現状と課題", part: "issues" },
  [`${POLICY}.sdgs`]: { label: "SDGs のゴール", part: "sdgs" },
  [`${POLICY}.relatedPlans`]: { label: "関連計画", part: "plans" },
  [`${DIRECTION}.title`]: { label: "名称", part: "title" },
  [`${DIRECTION}.summary`]: { label: "内容", part: "summary" },
  [`${DIRECTION}.projects`]: { label: "対応する重点プロジェクト", part: "title" },
  [`${DIRECTION}.programs[].name`]: { label: "事業名" },
  [`${DIRECTION}.programs[].description`]: { label: "事業の内容" },
  ...measured(`${DIRECTION}.indicators[]`),
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
