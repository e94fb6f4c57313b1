// Two versions of a plan that differ in ways of every kind (issue 11's "Done when"): from the
// first to the second, 政策7 is removed with its 重点施策, 重点プロジェクト5 is removed (and the
// 方針 that served it no longer say so), 重点施策 2-3 moves to 政策3 as 3-6, a 個別計画 is
// renamed, the 将来ビジョン is edited, and a 事業 is added; the edition is 第2版 of a later date.
// Made as folders, as staff would.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataCopy, edit } from "./data-copy.js";

export const RENAMED_PLAN = { before: "伊勢崎市こども計画", after: "伊勢崎市こども・子育て計画" };
export const NEW_VISION = "えがお咲く未来へ 誰もが暮らしやすい共生都市 いせさき";
export const NEW_PROGRAM = "産後ケア訪問拡充事業";

/** The first version: the sample data as it is. */
export function firstVersion(): string {
  return dataCopy();
}

/** The second version: the first with every kind of change. */
export function secondVersion(): string {
  const dir = dataCopy();
  // 政策7 and its four 重点施策 go (and so does its place in the plan's declaration).
  rmSync(path.join(dir, "policy-areas/7.yaml"));
  for (const f of readdirSync(path.join(dir, "policies")).filter((f) => f.startsWith("7-"))) rmSync(path.join(dir, "policies", f));
  edit(dir, "plan.yaml", "policyAreas: [1, 2, 3, 4, 5, 6, 7]", "policyAreas: [1, 2, 3, 4, 5, 6]");
  // 重点プロジェクト5 goes, and with it every link to it.
  rmSync(path.join(dir, "projects/5.yaml"));
  edit(dir, "plan.yaml", "projects: [1, 2, 3, 4, 5]", "projects: [1, 2, 3, 4]");
  for (const f of readdirSync(path.join(dir, "policies"))) {
    const file = path.join(dir, "policies", f);
    const text = readFileSync(file, "utf8");
    const next = text.replace(/^ *- \{ project: 5, basicDirection: \d+ \}\n/gm, "").replace(/^( *)projects:\n(?!\1 )/gm, "");
    if (next !== text) writeFileSync(file, next);
  }
  // 重点施策 2-3 moves to 政策3, after 3-5.
  renameSync(path.join(dir, "policies/2-3.yaml"), path.join(dir, "policies/3-6.yaml"));
  edit(dir, "policies/3-6.yaml", 'id: "2-3"', 'id: "3-6"');
  edit(dir, "policy-areas/2.yaml", '"2-3", ', "");
  edit(dir, "policy-areas/3.yaml", '"3-5"]', '"3-5", "3-6"]');
  edit(dir, "related-plans.yaml", `name: ${RENAMED_PLAN.before}`, `name: ${RENAMED_PLAN.after}`);
  edit(dir, "edition.yaml", "futureVision: えがお咲く未来へ 持続可能な共生都市 いせさき", `futureVision: ${NEW_VISION}`);
  edit(dir, "edition.yaml", "version: 第1版", "version: 第2版");
  edit(dir, "edition.yaml", "date: 2024-10-01", "date: 2024-12-01");
  edit(dir, "policies/1-1.yaml", /(    programs:\n)/, `$1      - name: ${NEW_PROGRAM}\n        description: 助産師が産後の家庭を訪ね、授乳や育児の相談に応じる回数を増やします。\n`);
  return dir;
}
