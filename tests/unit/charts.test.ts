// Charts for the press: PDF/X-3 allows no transparency, and Ghostscript turns a page that has any
// into one picture. Every kind of chart ECharts draws here is checked for it, as drawn.
import { describe, expect, it } from "vitest";
import { figureSvg, withoutTransparency } from "../../src/render/charts.js";
import type { FigureView } from "../../src/model/types.js";

const figure = (type: FigureView["type"]): FigureView => ({
  id: `t-${type}`, anchor: `fig-${type}`, label: "図1", type, caption: "人口の推移", unit: "人", alt: "人口の推移のグラフ",
  categories: ["2020年", "2021年", "2022年"],
  series: [{ name: "男性", values: [100, 110, null] }, { name: "女性", values: [120, 115, 118] }],
});

/** Anything a PDF would carry as transparency: an opacity below 1, or a colour with alpha. */
const transparent = (svg: string) => [...svg.matchAll(/(?:fill-|stroke-)?opacity="(?!1")[^"]*"|opacity:\s*(?!1\b)[\d.]+|rgba\([^)]*,\s*(?!1\))[\d.]+\)/g)].map((m) => m[0]);

describe("charts", () => {
  for (const type of ["line", "bar", "stacked-bar", "pie"] as const) {
    it(`draw a ${type} chart (with its legend) without transparency`, () => {
      const svg = figureSvg(figure(type));
      expect(svg).toContain(type === "pie" ? "2021年" : "男性");
      expect(transparent(svg)).toEqual([]);
    });
  }

  it("draw the same chart the same way every time in one process (the preview and --watch render again)", () => {
    figureSvg(figure("pie"));
    expect(figureSvg(figure("bar"))).toBe(figureSvg(figure("bar")));
  });

  it("draw an invisible box unfilled instead of at opacity 0, and drop hover styles", () => {
    expect(withoutTransparency('<svg><style>.a:hover{fill:rgba(0,0,0,0)}</style><path d="M0" fill="rgb(0,0,0)" fill-opacity="0" stroke="#b7b9be"/><rect stroke-opacity="0" x="1"/><text fill="rgba(1,2,3,1)">x</text></svg>'))
      .toBe('<svg><path d="M0" fill="none" stroke="#b7b9be"/><rect stroke="none" x="1"/><text fill="rgb(1,2,3)">x</text></svg>');
  });
});
