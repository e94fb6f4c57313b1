// Element ids of the items a revision can change. The model hands them to the templates (which
// add a part suffix, e.g. `{{chg key "vision"}}` → id="chg-policy-1-1-vision"), and the
// comparison (src/diff/) names each changed row by the same id: so a changed item is found on
// the printed page (its page number, its change mark) without the two sides knowing each other.
// The suffixes used by the templates are listed with each prefix.

/** 政策: -name, -goal (its divider page). */
export const areaKey = (id: number) => `chg-area-${id}`;

/** 重点施策: -title, -vision, -issues, -sdgs, -plans. */
export const policyKey = (id: string) => `chg-policy-${id}`;

/** 施策の展開方針 n (1-based): -title, -summary. */
export const directionKey = (policyId: string, n: number) => `${policyKey(policyId)}-d${n}`;

/** 事業 k of 方針 n: the list item itself (no suffix). */
export const programKey = (policyId: string, n: number, k: number) => `${directionKey(policyId, n)}-p${k}`;

/** 成果指標 k of 方針 n: -name, -unit, -baseline, -target, -direction (policy page), -note (資料編). */
export const indicatorKey = (policyId: string, n: number, k: number) => `${directionKey(policyId, n)}-i${k}`;

/** 重点プロジェクト: -name, -summary, -situation, -aim, -plans. */
export const projectKey = (id: number) => `chg-project-${id}`;

/** 数値目標 k of a project: -name, -baseline, -target. */
export const projectTargetKey = (id: number, k: number) => `${projectKey(id)}-t${k}`;

/** 基本的方向 k of a project: the section itself (no suffix). */
export const basicDirectionKey = (id: number, k: number) => `${projectKey(id)}-b${k}`;

/** 地区: -vision, -features, -initiatives. */
export const districtKey = (id: string) => `chg-district-${id}`;

/** A prose section of data/text/ (purpose, period …): the section itself (no suffix). */
export const textKey = (name: string) => `chg-text-${name}`;

/** The full id of a part: `key` + "-" + `part`, or `key` alone. */
export function partId(key: string, part?: string): string {
  return part ? `${key}-${part}` : key;
}
