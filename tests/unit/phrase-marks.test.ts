// Marks that read well: changed words (not characters) on the 新 side, replaced words on the 旧
// side, and in the draft the changed words inside the element rather than the whole block.
import { describe, expect, it } from "vitest";
import { diffPhrases } from "../../src/diff/phrase-diff.js";
import { changedPhrases, draftMarks } from "../../src/diff/draft-marks.js";
import { markText, markWords } from "../../src/diff/mark-words.js";
import { renderShinkyu } from "../../src/render/render-shinkyu.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { fontFaces } from "../../src/fonts.js";
import type { ChangeRow } from "../../src/diff/compare.js";
import { DATA } from "../helpers/data-copy.js";

const marked = (segments: Array<{ text: string; changed: boolean }>) => segments.map((s) => (s.changed ? `[${s.text}]` : s.text)).join("");

describe("diffPhrases", () => {
  it("marks a changed word whole, on both sides", () => {
    const { before, after } = diffPhrases("受入枠を確保します。", "受入枠を拡大します。");
    expect(marked(before)).toBe("受入枠を[確保]します。");
    expect(marked(after)).toBe("受入枠を[拡大]します。");
  });

  it("marks a rewritten phrase as one run, not a comb of characters around stray の and を", () => {
    const { before, after } = diffPhrases("地域の見守りを強化します。", "市民の健康づくりを支援します。");
    expect(marked(before)).toBe("[地域の見守りを強化]します。");
    expect(marked(after)).toBe("[市民の健康づくりを支援]します。");
  });

  it("marks numbers in a sentence as whole numbers, and words of a real sentence from the data", () => {
    const { after } = diffPhrases("令和5年度末で約41,000人と、約15%減少しています。", "令和6年度末で約40,500人と、約16%減少しています。");
    expect(marked(after)).toBe("令和[6]年度末で約[40,500]人と、約[16]%減少しています。");
    const vision = diffPhrases(
      "国民健康保険や後期高齢者医療、国民年金の制度が安定して運営され、加入者が健康づくりに取り組みながら、必要な医療や給付を安心して受けられるまちになっています。",
      "国民健康保険や後期高齢者医療の制度が持続的に運営され、加入者が自ら健康づくりに取り組みながら、必要な医療を安心して受けられるまちになっています。",
    );
    expect(marked(vision.before)).toBe("国民健康保険や後期高齢者医療[、国民年金]の制度が[安定して]運営され、加入者が健康づくりに取り組みながら、必要な医療[や給付]を安心して受けられるまちになっています。");
    expect(marked(vision.after)).toBe("国民健康保険や後期高齢者医療の制度が[持続的に]運営され、加入者が[自ら]健康づくりに取り組みながら、必要な医療を安心して受けられるまちになっています。");
  });
});

describe("the draft's word marks", () => {
  it("finds changed phrases with their neighbours, without the separators of a list", () => {
    expect(changedPhrases("受入枠を確保します。", "受入枠を拡大します。")).toEqual([{ text: "拡大", before: "受入枠を", after: "します。" }]);
    expect(changedPhrases("伊勢崎市こども計画", "伊勢崎市こども計画、伊勢崎市DX推進計画").map((p) => p.text)).toEqual(["伊勢崎市DX推進計画"]);
    expect(changedPhrases("A、B", "A")).toEqual([]); // only taken out: nothing to mark on the new page
  });

  it("wraps the words in the element's printed text, across Markdown markup, spaces and entities", () => {
    const html = renderMarkdown("本市では、**待機児童**は\nいませんが、受入枠を拡大します。\n\n次の段落 & 続き。");
    const out = markText(html, [
      { text: "受入枠を拡大", before: "いませんが、", after: "します。" },
      { text: "続き", before: "段落&", after: "。" },
    ]);
    expect(out.found).toBe(2);
    expect(out.html).toContain('<mark class="chg-word">受入枠を拡大</mark>します。');
    expect(out.html).toContain('&amp; <mark class="chg-word">続き</mark>。');
    // a phrase over an inline tag is marked on both sides of it, never across it
    const across = markText("地域の<strong>見守り</strong>を強化", [{ text: "の見守りを", before: "", after: "" }]);
    expect(across.html).toBe('地域<mark class="chg-word">の</mark><strong><mark class="chg-word">見守り</mark></strong><mark class="chg-word">を</mark>強化');
  });

  it("marks whole an element whose words cannot be found, and leaves a bar alone", () => {
    const html = '<p id="a" data-changed>受入枠を拡大します。</p><td id="b" data-changed><span>450</span></td><h4 id="c" data-changed>方針</h4>';
    const out = markWords(html, [
      { id: "a", mode: "words", phrases: [{ text: "見つからない語", before: "", after: "" }] },
      { id: "b", mode: "whole", phrases: [] },
      { id: "c", mode: "bar", phrases: [] },
    ]);
    expect(out).toBe('<p id="a" data-changed="whole">受入枠を拡大します。</p><td id="b" data-changed="whole"><span>450</span></td><h4 id="c" data-changed>方針</h4>');
  });

  it("gives each element one mark, the strongest: a figure whole, text by words, a removal's holder a bar", () => {
    const row = (r: Partial<ChangeRow>): ChangeRow => ({ group: "g", item: "i", kind: "changed", before: "", after: "", numeric: false, mark: "words", key: "", markable: true, ...r });
    const marks = draftMarks([
      row({ key: "v", before: "受入枠を確保します。", after: "受入枠を拡大します。" }),
      row({ key: "t", mark: "whole", numeric: true, before: "400", after: "450" }),
      row({ key: "t", before: "人", after: "件" }),
      row({ kind: "removed", markAt: "d", oldKey: "old" }),
      row({ key: "ch-plans", markable: false, before: "a", after: "b" }),
    ]);
    expect(marks).toEqual([
      { id: "v", mode: "words", phrases: [{ text: "拡大", before: "受入枠を", after: "します。" }] },
      { id: "t", mode: "whole", phrases: [{ text: "件", before: "", after: "" }] },
      { id: "d", mode: "bar", phrases: [] },
    ]);
  });
});

describe("the 新旧対照表 HTML", () => {
  it("underlines the changed words on the 新 side, strikes the replaced ones on the 旧 side, escapes the data", () => {
    const { before, after } = diffPhrases("受入枠を確保します。", "受入枠を<b>拡大</b>します。");
    const html = renderShinkyu(
      {
        title: "新旧対照表", head: "見出し", afterLabel: "案 第2版（令和7年1月10日）", beforeLabel: "第1回審議会資料", count: 2,
        groups: [{ name: "重点施策 1-1", rows: [
          { kind: "", item: "方針1 › 内容", before, after, numeric: false, page: "39" },
          { kind: "削除", item: "方針1 › 事業3「…」", before: [{ text: "事業名：…", changed: true }], after: [], numeric: false, page: "旧 p.57" },
        ] }],
      },
      { htmlDir: DATA, fonts: fontFaces() },
    );
    expect(html).toContain("<td>受入枠を<u>&lt;b&gt;拡大&lt;/b&gt;</u>します。</td>");
    expect(html).toContain("<td>受入枠を<del>確保</del>します。</td>");
    expect(html).toContain('<th scope="row" class="item"><span class="kind">削除</span>方針1 › 事業3「…」</th>');
    expect(html).toContain('<span class="empty">（削除）</span>');
    expect(html).toContain("旧 p.57");
  });
});
