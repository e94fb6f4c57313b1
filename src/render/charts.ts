// Charts drawn at build time by Apache ECharts' server-side SVG renderer: vector SVG with its
// labels as text (they print as text and extract from the PDF), no script in the booklet. The
// style follows the booklet: its fonts, and colours that are told apart by shape too (markers,
// dashes), as colour universal design asks.
import { createRequire } from "node:module";
import type * as ECharts from "echarts";
import Handlebars from "handlebars";
import type { FigureView, TrendView } from "../model/types.js";
import { charts } from "./chart-store.js";

const esc = Handlebars.escapeExpression;

let library: typeof ECharts | undefined;
/**
 * ECharts, loaded at the first chart: its single minified bundle (the same build as the package's
 * main file) loads in a fifth of the time, and a plan without charts never loads it (0.9 s of
 * every start otherwise).
 */
function echarts(): typeof ECharts {
  return (library ??= createRequire(import.meta.url)("echarts/dist/echarts.min.js") as typeof ECharts);
}
const FONT = "BIZ UDPGothic";
const INK = "#1f2328";
const SOFT = "#4a5058";
const RULE = "#c9ced6";
/** Dark enough for text on white and told apart by hue and lightness (CUD). */
const PALETTE = ["#006b7d", "#c25400", "#5a47a5", "#287534", "#b8325f", "#8a6400", "#2a63a8", "#4a5058"];
const SYMBOLS = ["circle", "rect", "triangle", "diamond", "pin", "arrow", "roundRect", "circle"];

/** Decimal places the values are written with (31.2 → 1), so 129.0 prints as 129.0 beside them. */
function decimals(values: Array<number | null>): number {
  return Math.min(3, Math.max(0, ...values.map((v) => (v === null ? 0 : (String(v).split(".")[1] ?? "").length))));
}

/** The SVG of a chart figure (line, bar, stacked bar, pie), sized in CSS pixels for the text column. */
export function figureSvg(f: FigureView, width = 640, height = 300): string {
  return charts().chart(["figure", f, width, height], () => drawFigure(f, width, height));
}

/** The figure drawn by ECharts, without the store. */
export function drawFigure(f: FigureView, width: number, height: number): string {
  const multi = f.series.length > 1;
  const digits = decimals(f.series.flatMap((s) => s.values));
  const number = (v: number) => v.toLocaleString("ja-JP", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const base = {
    animation: false,
    color: PALETTE,
    textStyle: { fontFamily: FONT, fontSize: 11, color: INK },
    legend: multi || f.type === "pie" ? { top: 0, textStyle: { fontFamily: FONT, fontSize: 11, color: INK }, itemWidth: 18, itemHeight: 10 } : undefined,
  };
  const option =
    f.type === "pie"
      ? {
          ...base,
          series: [{
            type: "pie", radius: ["0%", "62%"], center: ["50%", "56%"],
            label: { fontFamily: FONT, fontSize: 11, color: INK, formatter: (p: { name: string; value: number; percent: number }) => `${p.name}\n${number(p.value)}${f.unit}（${p.percent}%）` },
            data: f.categories.map((name, i) => ({ name, value: f.series[0]?.values[i] ?? 0 })),
          }],
        }
      : {
          ...base,
          grid: { left: 56, right: 16, top: multi ? 40 : 28, bottom: 32, containLabel: false },
          xAxis: { type: "category", data: f.categories, axisLine: { lineStyle: { color: SOFT } }, axisLabel: { fontFamily: FONT, fontSize: 10, color: INK }, axisTick: { alignWithLabel: true } },
          yAxis: {
            type: "value", name: f.unit ? `（${f.unit}）` : "", nameTextStyle: { fontFamily: FONT, fontSize: 10, color: SOFT, align: "right" },
            axisLabel: { fontFamily: FONT, fontSize: 10, color: INK, formatter: (v: number) => v.toLocaleString("ja-JP") },
            splitLine: { lineStyle: { color: RULE, width: 0.6 } },
          },
          series: f.series.map((s, i) => ({
            name: s.name,
            type: f.type === "line" ? "line" : "bar",
            ...(f.type === "stacked-bar" ? { stack: "total" } : {}),
            data: s.values,
            symbol: SYMBOLS[i % SYMBOLS.length],
            symbolSize: 6,
            lineStyle: { width: 2, type: i % 2 === 1 ? "dashed" : "solid" },
            barMaxWidth: 28,
            // The last value is labelled, so the chart reads without the axis.
            label: { show: f.type !== "line", position: f.type === "stacked-bar" ? "inside" : "top", fontFamily: FONT, fontSize: 9, color: f.type === "stacked-bar" ? "#fff" : INK, formatter: (p: { value: number }) => (p.value === null ? "" : number(p.value)) },
            endLabel: f.type === "line" ? { show: true, fontFamily: FONT, fontSize: 9, color: INK, formatter: (p: { value: number }) => number(p.value) } : undefined,
          })),
        };
  return render(option, width, height, `figure-${f.id}`, f.alt);
}

/** A small chart of an indicator's trend: past values, the 現状値, and the 目標値 marked in its year. */
export function trendSvg(t: TrendView, key: string, colour = PALETTE[0]!, width = 220, height = 110): string {
  return charts().chart(["trend", t, key, colour, width, height], () => drawTrend(t, key, colour, width, height));
}

/** The trend drawn by ECharts, without the store. */
export function drawTrend(t: TrendView, key: string, colour: string, width: number, height: number): string {
  // The way still to go: a dashed line from the latest value known to the target.
  const toTarget = t.years.map((_, i) => (i === t.last ? t.values[i] : i === t.target ? t.targetValue : null));
  const option = {
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 9, color: INK },
    grid: { left: 40, right: 30, top: 14, bottom: 20 },
    xAxis: {
      type: "category", data: t.years, axisTick: { show: false }, axisLine: { lineStyle: { color: SOFT } },
      axisLabel: { fontFamily: FONT, fontSize: 8, color: INK, interval: (i: number) => i === 0 || i === t.baseline || i === t.last || i === t.target },
    },
    yAxis: {
      type: "value", scale: true, splitNumber: 2, axisLabel: { fontFamily: FONT, fontSize: 8, color: SOFT, formatter: (v: number) => v.toLocaleString("ja-JP") },
      splitLine: { lineStyle: { color: RULE, width: 0.5 } },
    },
    series: [
      { type: "line", data: t.values, connectNulls: false, symbol: "circle", symbolSize: 4, lineStyle: { width: 1.6, color: colour }, itemStyle: { color: colour } },
      {
        type: "line", data: toTarget, connectNulls: true, symbol: "diamond", symbolSize: (_: unknown, p: { dataIndex: number }) => (p.dataIndex === t.target ? 9 : 0),
        lineStyle: { width: 1.2, type: "dashed", color: colour }, itemStyle: { color: "#fff", borderColor: colour, borderWidth: 1.5 },
        label: { show: true, position: "top", fontFamily: FONT, fontSize: 8, color: INK, formatter: (p: { dataIndex: number; value: number }) => (p.dataIndex === t.target ? `目標 ${p.value.toLocaleString("ja-JP")}` : "") },
      },
    ],
  };
  return render(option, width, height, `trend-${key}`, t.alt);
}

/** Keeps the charts drawn since the last save for the next run (a render calls it when done). */
export function saveDrawnCharts(): void {
  charts().save();
}

/** A table figure: its categories as rows and its series as columns, numbers to the right. */
export function figureTable(f: FigureView): string {
  const head = `<tr><th scope="col"></th>${f.series.map((s) => `<th scope="col">${esc(s.name)}</th>`).join("")}</tr>`;
  const rows = f.categories.map((c, i) =>
    `<tr><th scope="row">${esc(c)}</th>${f.series.map((s) => `<td class="num">${s.values[i] === null ? "—" : esc(s.values[i]!.toLocaleString("ja-JP"))}</td>`).join("")}</tr>`,
  );
  const unit = f.unit ? `<span class="figure__unit">（単位：${esc(f.unit)}）</span>` : "";
  return `<table class="data-table figure-table"><caption><span class="figure__label">${esc(f.label)}</span>${esc(f.caption)}${unit}</caption><thead>${head}</thead><tbody>${rows.join("")}</tbody></table>`;
}

/** ECharts' SSR SVG, with its ids made stable and unique (they count up per chart otherwise) and a text alternative. */
function render(option: ECharts.EChartsCoreOption, width: number, height: number, id: string, alt: string): string {
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(option);
    const svg = withoutTransparency(chart.renderToSVGString());
    return svg
      // The classes named only the hover styles (dropped), and count up across a process's charts:
      // a preview or watch that renders again must give the same page.
      .replace(/ class="zr\d+-cls-\d+"/g, "")
      .replace(/zr\d+-/g, `${id}-`)
      .replace(/^<svg /, `<svg class="chart" role="img" aria-label="${esc(alt)}" preserveAspectRatio="xMidYMid meet" `)
      .replace(/ width="\d+" height="\d+"/, "");
  } finally {
    chart.dispose();
  }
}

/**
 * PDF/X-3 allows no transparency, and Ghostscript turns a page that has any into one picture
 * (its text no longer text). ECharts draws its legend's box in black at opacity 0, and adds
 * hover styles, which do not print: the box is drawn unfilled and the styles dropped.
 */
export function withoutTransparency(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]*\s(?:fill|stroke)-opacity="0"[^>]*>/g, (tag) => {
      for (const paint of ["fill", "stroke"]) {
        if (!tag.includes(` ${paint}-opacity="0"`)) continue;
        tag = tag.replace(` ${paint}-opacity="0"`, "");
        tag = new RegExp(`\\s${paint}="[^"]*"`).test(tag) ? tag.replace(new RegExp(`\\s${paint}="[^"]*"`), ` ${paint}="none"`) : tag.replace(/^<\w+/, `$& ${paint}="none"`);
      }
      return tag;
    })
    .replace(/rgba\((\d+),(\d+),(\d+),1\)/g, "rgb($1,$2,$3)");
}
