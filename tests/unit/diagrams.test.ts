// The diagrams drawn from the data: the 計画の構成 from what the booklet contains (the sample, and
// another city's plan with other terms, no long-term vision and no districts), and the 体系図 tree,
// which fits the type area's width and cuts a 政策 taller than a page into figures of whole 重点施策.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkData } from "../../src/build.js";
import { buildModel } from "../../src/model/build-model.js";
import type { PolicyAreaView } from "../../src/model/types.js";
import { structureDiagramSvg } from "../../src/render/structure-diagram.js";
import { MAX_FIGURE_HEIGHT, systemTreeSvgs } from "../../src/render/system-tree.js";
import { wrapText, textWidth, pt } from "../../src/render/svg-text.js";
import { DATA } from "../helpers/data-copy.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const model = (dir: string) => buildModel(checkData(dir).data!, { sdgIcon: () => undefined });
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
const size = (svg: string) => {
  const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
  return { width: Number(w), height: Number(h) };
};

describe("計画の構成", () => {
  it("draws the sample's vision, its plans and the parts of this booklet with their chapters and counts", () => {
    const b = model(DATA);
    expect(b.diagrams.structure.parts.map((p) => [p.name, p.chapter, p.count])).toEqual([
      ["地区別計画", "第3章", "11の地区"],
      ["重点プロジェクト", "第4章", "5つの重点プロジェクト"],
      ["重点施策", "第6章", "7つの政策・34の重点施策"],
      ["個別計画", "第7章", `${b.relatedPlans.length}の個別計画`],
    ]);
    expect(b.diagrams.structure.link).toEqual({ chapter: "第5章", label: "重点施策との対応" });
    const t = texts(structureDiagramSvg(b.diagrams.structure)).join("|");
    for (const s of ["将来ビジョン", b.edition.futureVision, "長期ビジョン（基本構想）", "前期アクションプラン（本計画）", "後期アクションプラン", "第3章", "11の地区", "第5章　重点施策との対応"]) {
      expect(t).toContain(s);
    }
  });

  it("draws another city's plan in its own terms: no vision, no districts, its title as the plan", () => {
    const b = model(path.join(ROOT, "tests/fixtures/midorino"));
    const s = b.diagrams.structure;
    expect(s.vision).toBeUndefined();
    expect(s.plans).toEqual([{ name: "第2次みどり野市総合計画 基本計画", period: "2026〜2030（令和8〜12）年度", current: true }]);
    expect(s.parts.map((p) => [p.name, p.count])).toEqual([["基本施策", "3つの基本目標・6つの基本施策"], ["リーディングプロジェクト", "2つのリーディングプロジェクト"]]);
    const t = texts(structureDiagramSvg(s)).join("|");
    expect(t).toContain("将来都市像");
    expect(t).not.toMatch(/地区|重点|政策|（本計画）/);
    expect(size(structureDiagramSvg(s)).width).toBe(175);
  });
});

describe("体系図", () => {
  it("draws every 重点施策 and 方針 of a 政策 with the projects each serves, as text, within the type area", () => {
    const b = model(DATA);
    const area = b.policyAreas[0]!;
    const svgs = systemTreeSvgs(area, b.terms);
    expect(svgs).toHaveLength(1);
    const t = texts(svgs[0]!);
    for (const p of area.policies) expect(t).toContain(p.id);
    expect(t.filter((x) => /^方針\d+$/.test(x))).toHaveLength(area.policies.reduce((n, p) => n + p.directions.length, 0));
    const chips = area.policies.flatMap((p) => p.directions.flatMap((d) => d.projects));
    expect(svgs[0]!.match(/class="tree-chip"/g)).toHaveLength(chips.length);
    expect(size(svgs[0]!).width).toBe(175);
    // Every x coordinate is inside the type area.
    for (const x of [...svgs[0]!.matchAll(/\b(?:x|x1|x2|cx)="([\d.]+)"/g)].map((m) => Number(m[1]))) expect(x).toBeLessThanOrEqual(175);
  });

  it("cuts a 政策 taller than a page into figures of whole 重点施策, the later ones marked （つづき）", () => {
    const b = model(DATA);
    const source = b.policyAreas[1]!;
    // Twelve 重点施策 of six 方針 each: far taller than a page.
    const policies = Array.from({ length: 12 }, (_, i) => ({
      ...source.policies[0]!,
      id: `${source.id}-${i + 1}`,
      directions: Array.from({ length: 6 }, (_, k) => ({ ...source.policies[0]!.directions[0]!, label: `方針${k + 1}` })),
    }));
    const big: PolicyAreaView = { ...source, policies };
    const svgs = systemTreeSvgs(big, b.terms);
    expect(svgs.length).toBeGreaterThan(1);
    for (const svg of svgs) expect(size(svg).height).toBeLessThanOrEqual(MAX_FIGURE_HEIGHT);
    expect(texts(svgs[1]!)).toContain(`${b.terms.policyArea}${source.id}（つづき）`);
    const ids = svgs.flatMap((svg) => texts(svg).filter((x) => /^\d+-\d+$/.test(x)));
    expect(ids).toEqual(policies.map((p) => p.id));
  });

  it("wraps between phrases in balanced lines, and breaks a word only when it is longer than a line", () => {
    const size8 = pt(8);
    expect(wrapText("子どもを産み育てる環境づくりの推進", 40, size8)).toEqual(["子どもを産み育てる", "環境づくりの推進"]);
    expect(wrapText("重点プロジェクト", 16.6, pt(7), 700)).toEqual(["重点", "プロジェクト"]);
    for (const line of wrapText("住環境と自然環境が調和した、心地良い空間で暮らせるまち", 27, pt(7))) expect(textWidth(line, pt(7))).toBeLessThanOrEqual(27);
  });
});
