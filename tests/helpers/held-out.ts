// Two versions of a plan that differ in ways of every kind (issue 11's "Done when"), made from
// the second plan (tests/fixtures/midorino: its own terms, 44 pages, so the four booklets these
// tests print cost a fraction of the sample's). From the first to the second, 基本目標3 is
// removed with its 基本施策, リーディングプロジェクト2 is removed (and the 取組方針 that served it
// no longer say so), 基本施策 1-3 moves to 基本目標2 as 2-3, a 個別計画 is renamed, the
// 将来都市像 is edited, and a 主な事業 is added; the edition is 第2版 of a later date.
// Made as folders, as staff would.
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { edit, fixtureCopy } from "./data-copy.js";

export const RENAMED_PLAN = { before: "みどり野市子ども・子育て支援事業計画", after: "みどり野市こども計画" };
export const NEW_VISION = "水と緑に包まれ 誰もが自分らしく暮らせるまち みどり野";
export const NEW_PROGRAM = "産後ケア訪問拡充事業";

/**
 * The first version: the second plan as a draft 第1版, with a list of 個別計画 (the fixture has
 * none) that two 基本施策 name.
 */
export function firstVersion(): string {
  const dir = fixtureCopy();
  writeFileSync(
    path.join(dir, "related-plans.yaml"),
    [
      "plans:",
      "  - id: kodomo",
      `    name: ${RENAMED_PLAN.before}`,
      "    period: { from: 2025, to: 2029 }",
      "    department: こども家庭課",
      "  - id: kankyo",
      "    name: みどり野市環境基本計画",
      "    period: { from: 2026, to: 2035 }",
      "    department: 環境政策課",
      "",
    ].join("\n"),
  );
  edit(dir, "policies/1-1.yaml", "sdgs: [4, 10]\n", "sdgs: [4, 10]\nrelatedPlans: [kodomo]\n");
  edit(dir, "policies/2-1.yaml", "sdgs: [3, 11]\n", "sdgs: [3, 11]\nrelatedPlans: [kankyo]\n");
  edit(dir, "edition.yaml", "stage: 策定", "stage: 案");
  edit(dir, "edition.yaml", "date: 2026-03-31", "date: 2025-10-01");
  return dir;
}

/** The second version: the first with every kind of change. */
export function secondVersion(): string {
  const dir = firstVersion();
  // 基本目標3 and its 基本施策 go (and so does its place in the plan's declaration).
  rmSync(path.join(dir, "policy-areas/3.yaml"));
  for (const f of readdirSync(path.join(dir, "policies")).filter((f) => f.startsWith("3-"))) rmSync(path.join(dir, "policies", f));
  edit(dir, "plan.yaml", "policyAreas: [1, 2, 3]", "policyAreas: [1, 2]");
  // リーディングプロジェクト2 goes, and with it every link to it.
  rmSync(path.join(dir, "projects/2.yaml"));
  edit(dir, "plan.yaml", "projects: [1, 2]", "projects: [1]");
  for (const f of readdirSync(path.join(dir, "policies"))) {
    const file = path.join(dir, "policies", f);
    const text = readFileSync(file, "utf8");
    const next = text.replace(/^ *- \{ project: 2, basicDirection: \d+ \}\n/gm, "").replace(/^( *)projects:\n(?!\1 )/gm, "");
    if (next !== text) writeFileSync(file, next);
  }
  // 基本施策 1-3 moves to 基本目標2, after 2-2.
  renameSync(path.join(dir, "policies/1-3.yaml"), path.join(dir, "policies/2-3.yaml"));
  edit(dir, "policies/2-3.yaml", 'id: "1-3"', 'id: "2-3"');
  edit(dir, "policy-areas/1.yaml", ', "1-3"]', "]");
  edit(dir, "policy-areas/2.yaml", '"2-2"]', '"2-2", "2-3"]');
  edit(dir, "related-plans.yaml", `name: ${RENAMED_PLAN.before}`, `name: ${RENAMED_PLAN.after}`);
  edit(dir, "edition.yaml", /^futureVision: .*$/m, `futureVision: ${NEW_VISION}`);
  edit(dir, "edition.yaml", "version: 第1版", "version: 第2版");
  edit(dir, "edition.yaml", "date: 2025-10-01", "date: 2025-12-01");
  edit(dir, "policies/1-1.yaml", /(    programs:\n)/, `$1      - name: ${NEW_PROGRAM}\n        description: 助産師が産後の家庭を訪ね、授乳や育児の相談に応じる回数を増やします。\n`);
  return dir;
}
