// Charts for the press: PDF/X-3 allows no transparency, and Ghostscript turns a page that has any
// into one picture. Every kind of chart ECharts draws here is checked for it, as drawn. Drawn
// charts are kept between runs (render/chart-store.ts) and used again only for the same inputs
// and the same drawing code.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { drawFigure, figureSvg, withoutTransparency } from "../../src/render/charts.js";
import { chartStore } from "../../src/render/chart-store.js";
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
      const svg = drawFigure(figure(type), 640, 300);
      expect(svg).toContain(type === "pie" ? "2021年" : "男性");
      expect(transparent(svg)).toEqual([]);
    });
  }

  it("draw the same chart the same way every time in one process (the preview and --watch render again)", () => {
    drawFigure(figure("pie"), 640, 300);
    expect(drawFigure(figure("bar"), 640, 300)).toBe(drawFigure(figure("bar"), 640, 300));
  });

  it("draw an invisible box unfilled instead of at opacity 0, and drop hover styles", () => {
    expect(withoutTransparency('<svg><style>.a:hover{fill:rgba(0,0,0,0)}</style><path d="M0" fill="rgb(0,0,0)" fill-opacity="0" stroke="#b7b9be"/><rect stroke-opacity="0" x="1"/><text fill="rgba(1,2,3,1)">x</text></svg>'))
      .toBe('<svg><path d="M0" fill="none" stroke="#b7b9be"/><rect stroke="none" x="1"/><text fill="rgb(1,2,3)">x</text></svg>');
  });
});

describe("the store of drawn charts", () => {
  const file = () => path.join(mkdtempSync(path.join(tmpdir(), "plan-press-charts-")), "charts.json");

  it("gives a chart drawn in an earlier run for the same inputs, without drawing it", () => {
    const store = file();
    const first = chartStore(store, "code-1");
    expect(first.chart(["figure", figure("bar")], () => drawFigure(figure("bar"), 640, 300))).toBe(drawFigure(figure("bar"), 640, 300));
    first.save();
    const draw = vi.fn(() => "drawn again");
    const next = chartStore(store, "code-1");
    expect(next.chart(["figure", figure("bar")], draw)).toBe(drawFigure(figure("bar"), 640, 300));
    expect(draw).not.toHaveBeenCalled();
    // The booklet's figure is the store's: the same SVG as drawn afresh.
    expect(figureSvg(figure("line"))).toBe(drawFigure(figure("line"), 640, 300));
  });

  it("draws again when the inputs, the drawing code or the store changed", () => {
    const store = file();
    const first = chartStore(store, "code-1");
    first.chart(["figure", figure("bar")], () => "bar");
    first.save();
    const changed = { ...figure("bar"), series: [{ name: "男性", values: [100, 111, null] }] };
    expect(chartStore(store, "code-1").chart(["figure", changed], () => "changed data")).toBe("changed data");
    expect(chartStore(store, "code-2").chart(["figure", figure("bar")], () => "changed code")).toBe("changed code");
    writeFileSync(store, readFileSync(store, "utf8").slice(0, 40));
    expect(chartStore(store, "code-1").chart(["figure", figure("bar")], () => "damaged store")).toBe("damaged store");
  });

  it("keeps the 400 most recently used", () => {
    const store = file();
    const many = chartStore(store, "code-1");
    many.chart(["kept"], () => "kept");
    for (let i = 0; i < 400; i++) many.chart(["chart", i], () => `chart ${i}`);
    many.chart(["kept"], () => "drawn again");
    many.save();
    const next = chartStore(store, "code-1");
    expect(next.chart(["kept"], () => "drawn again")).toBe("kept");
    expect(next.chart(["chart", 0], () => "dropped")).toBe("dropped");
    expect(next.chart(["chart", 399], () => "dropped")).toBe("chart 399");
  });
});
