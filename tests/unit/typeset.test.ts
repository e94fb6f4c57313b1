// The line-breaking rules of render/typeset.ts on HTML snippets: what is glued, what is left alone.
import { describe, expect, it } from "vitest";
import { typesetHtml } from "../../src/render/typeset.js";

const set = (html: string) => typesetHtml(html, { numbered: ["方針", "政策", "重点プロジェクト"] });
const glued = (html: string) => [...set(html).matchAll(/<span class="nb">(.*?)<\/span>/g)].map((m) => m[1]);

describe("typesetHtml", () => {
  it("glues identifiers, figures with units, years, dates and the plan's numbered words", () => {
    expect(glued("<b>2-6 と 1-1-3</b>")).toEqual(["2-6", "1-1-3"]);
    expect(glued("<b>450人、1,234.5%、20〜30歳</b>")).toEqual(["450人、", "1,234.5%、", "20〜30歳"]);
    expect(glued("<b>令和11年度（2029年度）</b>")).toEqual(["令和11年度", "（2029年度）"]);
    expect(glued("<b>令和7〜11年度（2025〜2029年度）</b>")).toEqual(["令和7〜11年度", "（2025〜2029年度）"]);
    expect(glued("<b>2025（令和7）年度</b>")).toEqual(["2025（令和7）年度"]);
    expect(glued("<b>令和6年10月1日 4月1日</b>")).toEqual(["令和6年10月1日", "4月1日"]);
    expect(glued("<b>方針1 政策12 重点プロジェクト3</b>")).toEqual(["方針1", "政策12", "重点プロジェクト3"]);
    expect(glued("<b>利用者数（累計）</b>")).toEqual(["（累計）"]);
  });

  it("takes an opening bracket before and closing punctuation after a glued run with it", () => {
    expect(glued("<b>期間（2025〜2029年度）、</b>")).toEqual(["（2025〜2029年度）、"]);
  });

  it("keeps a paragraph's last five characters together, taking in a glued run they would cut", () => {
    expect(set("<p>長期ビジョンの計画期間は、令和7年度から10年間です。</p>")).toBe(
      '<p>長期ビジョンの計画期間は、<span class="nb">令和7年度</span>から<span class="nb">10年間です。</span></p>',
    );
    expect(set("<p>目標は、令和11年度までに2-6とします。</p>")).toContain('<span class="nb">2-6</span><span class="nb">とします。</span>');
    expect(set("<p>目標は、令和11年度までに2-6とする。</p>")).toContain('<span class="nb">2-6とする。</span>');
    // Through inline closers; not a short label; not inside SVG, style or the title.
    expect(set("<li>施策の推進によって実現したい<b>姿です。</b></li>")).toBe('<li>施策の推進によって実現した<span class="nb">い<b>姿です。</b></span></li>');
    expect(set("<li>施策の推進によって<b>実現したい姿</b>です。</li>")).toBe('<li>施策の推進によって<span class="nb"><b>実現したい姿</b>です。</span></li>');
    expect(set("<td>人</td><th>現状値</th>")).toBe("<td>人</td><th>現状値</th>");
    // Not around a span: the templates style spans as blocks, and a glued block would not wrap.
    const head = '<th><span class="x">5</span><span class="name">情報化推進プロジェクト</span></th>';
    expect(set(head)).toBe(head);
    expect(set('<svg><text>令和7年度 2-6</text></svg><style>p > b { }</style><title>令和7年度</title>')).toBe(
      '<svg><text>令和7年度 2-6</text></svg><style>p > b { }</style><title>令和7年度</title>',
    );
  });

  it("never splits an entity and never glues a long run", () => {
    expect(set("<p>A &amp; B の取組を進めるための計画&lt;案&gt;</p>")).toContain('<span class="nb">計画&lt;案&gt;</span>');
    const long = "0123456789-0123456789-01234";
    expect(glued(`<b>${long}</b>`)).toEqual([]);
  });

  it("leaves the text itself unchanged", () => {
    const html = "<p>本市の出生数は、令和元年度の1,746人から令和5年度には1,512人へと減少しており、合計特殊出生率も1.35と、2-6の課題です。</p>";
    expect(set(html).replace(/<\/?span[^>]*>/g, "")).toBe(html);
  });
});
