// 計画の構成 drawn in SVG from the model (model/diagrams.ts): the future vision, the long-term
// vision and its plans (this one in colour), and the parts this plan's booklet contains — with
// their chapters and counts in the plan's terms — the projects and 重点施策 linked by the chapter
// that relates them, and the individual plans that carry the 重点施策 out. Text is text.
import Handlebars from "handlebars";
import type { StructureView } from "../model/types.js";
import { pt, r, svgLines, textWidth, wrapText } from "./svg-text.js";

const esc = Handlebars.escapeExpression;
const WIDTH = 175;
/** Drawn inside the type area by half a stroke on every side, so no outline is cut at its edge. */
const INSET = 0.3;
const W = WIDTH - 2 * INSET;
const GAP = 4;
const S = { label: pt(7.5), vision: pt(13), name: pt(10), sub: pt(8), badge: pt(7) };

/** A box with centred lines of text; returns its SVG and height. */
function box(x: number, y: number, w: number, lines: Array<{ text: string; size: number; cls: string; weight?: 400 | 700 | "serif" }>, cls: string, minHeight = 0): { svg: string; h: number } {
  const wrapped = lines.map((l) => ({ ...l, lines: wrapText(l.text, w - 6, l.size, l.weight ?? 400) }));
  const content = wrapped.reduce((h, l) => h + l.lines.length * l.size * 1.35, 0) + (wrapped.length - 1) * 0.8;
  const h = Math.max(minHeight, content + 5);
  let ty = y + (h - content) / 2;
  const text = wrapped
    .map((l) => {
      const svg = svgLines(l.lines, x + w / 2, ty + l.size * 1.05, { size: l.size, lead: l.size * 1.35, cls: l.cls, anchor: "middle" });
      ty += l.lines.length * l.size * 1.35 + 0.8;
      return svg;
    })
    .join("");
  return { svg: `<rect x="${r(x)}" y="${r(y)}" width="${r(w)}" height="${r(h)}" rx="1.5" class="${cls}"/>${text}`, h };
}

/** The 計画の構成 diagram as one SVG. */
export function structureDiagramSvg(s: StructureView): string {
  const out: string[] = [];
  let y = 0;
  const down = (x: number, from: number, to: number, dashed = false) =>
    out.push(`<line x1="${r(x)}" y1="${r(from)}" x2="${r(x)}" y2="${r(to)}" class="sd-link${dashed ? " sd-link--dashed" : ""}"/>`);

  // The future vision over everything.
  const vision = box(0, y, W, [
    { text: s.futureVision.label, size: S.label, cls: "sd-on-dark" },
    { text: s.futureVision.text, size: S.vision, cls: "sd-on-dark sd-serif", weight: "serif" },
  ], "sd-banner", 15);
  out.push(vision.svg);
  y += vision.h;
  if (s.vision) {
    down(W / 2, y, y + GAP);
    y += GAP;
    const v = box(0, y, W, [
      { text: s.vision.name, size: S.name, cls: "sd-name", weight: 700 },
      { text: s.vision.period, size: S.sub, cls: "sd-sub" },
    ], "sd-vision", 12);
    out.push(v.svg);
    y += v.h;
  }
  // The plans of the vision side by side, this one in colour.
  const n = s.plans.length;
  const planW = (W - (n - 1) * GAP) / n;
  const current = s.plans.findIndex((p) => p.current);
  const planX = (i: number) => i * (planW + GAP);
  if (s.vision) {
    const bus = y + GAP / 2;
    out.push(`<path d="M${W / 2} ${r(y)}V${r(bus)}M${r(planX(0) + planW / 2)} ${r(bus)}H${r(planX(n - 1) + planW / 2)}" class="sd-link"/>`);
    for (let i = 0; i < n; i++) down(planX(i) + planW / 2, bus, y + GAP);
  } else {
    // No long-term vision: the plan itself under the future vision.
    down(planX(current) + planW / 2, y, y + GAP);
  }
  y += GAP;
  const planLines = (p: StructureView["plans"][number]) => [
    { text: p.current && s.vision ? `${p.name}（本計画）` : p.name, size: S.name, cls: p.current ? "sd-on-dark" : "sd-name", weight: 700 as const },
    { text: p.period, size: S.sub, cls: p.current ? "sd-on-dark" : "sd-sub" },
  ];
  const planH = Math.max(...s.plans.map((p, i) => box(planX(i), y, planW, planLines(p), "", 12).h));
  s.plans.forEach((p, i) => out.push(box(planX(i), y, planW, planLines(p), p.current ? "sd-plan" : "sd-plan-other", planH).svg));
  y += planH;

  // The parts of this plan, under it.
  const inside = s.parts.filter((p) => p.kind !== "related-plans");
  const outside = s.parts.find((p) => p.kind === "related-plans");
  const partX: Record<string, { x: number; w: number; bottom: number }> = {};
  if (inside.length) {
    const w = (W - (inside.length - 1) * GAP) / inside.length;
    const from = planX(current) + planW / 2;
    const bus = y + GAP;
    const centres = inside.map((_, i) => i * (w + GAP) + w / 2);
    out.push(`<path d="M${r(from)} ${r(y)}V${r(bus)}M${r(Math.min(from, centres[0]!))} ${r(bus)}H${r(Math.max(from, centres.at(-1)!))}" class="sd-link"/>`);
    for (const c of centres) down(c, bus, bus + GAP);
    y = bus + GAP;
    const parts = inside.map((p, i) => ({ p, x: i * (w + GAP), lines: partLines(p) }));
    const h = Math.max(...parts.map(({ x, lines }) => box(x, y, w, lines, "sd-part").h));
    for (const { p, x, lines } of parts) {
      out.push(box(x, y, w, lines, "sd-part", h).svg);
      partX[p.kind] = { x, w, bottom: y + h };
    }
    y += h;
  }
  // The chapter relating the projects and the 重点施策, as a link under their boxes.
  const a = partX.projects;
  const b = partX.policies;
  if (s.link && a && b) {
    const ax = a.x + a.w / 2;
    const bx = b.x + b.w / 2;
    const low = y + 7;
    out.push(`<path d="M${r(ax)} ${r(a.bottom)}V${r(low)}H${r(bx)}V${r(b.bottom)}" class="sd-link sd-link--dashed"/>`);
    const label = `${s.link.chapter}　${s.link.label}`;
    const lw = textWidth(label, S.badge, 700) + 4;
    out.push(`<rect x="${r((ax + bx) / 2 - lw / 2)}" y="${r(low - 2.6)}" width="${r(lw)}" height="5.2" rx="2.6" class="sd-badge"/>`);
    out.push(svgLines([label], (ax + bx) / 2, low + S.badge * 0.36, { size: S.badge, lead: 0, cls: "sd-badge-text", anchor: "middle" }));
    y = low + 2.6;
  }
  // The individual plans, outside this plan, under the 重点施策 they carry out.
  if (outside && b) {
    const top = y + GAP + 2;
    down(b.x + b.w / 2 + (s.link && a ? 8 : 0), b.bottom, top, true);
    const o = box(b.x, top, b.w, partLines(outside), "sd-outside");
    out.push(o.svg);
    y = top + o.h;
  }
  const height = y + 2 * INSET;
  const label = [
    `${s.futureVision.label}「${s.futureVision.text}」`,
    s.vision ? `${s.vision.name}（${s.vision.period}）` : "",
    s.plans.map((p) => `${p.name}${p.current ? "（本計画）" : ""} ${p.period}`).join("、"),
    s.parts.map((p) => `${p.name}（${p.chapter}）${p.count}`).join("、"),
  ].filter(Boolean).join("。");
  return `<svg class="structure-diagram__svg" viewBox="0 0 ${WIDTH} ${r(height)}" width="${WIDTH}mm" height="${r(height)}mm" role="img" aria-label="${esc(label)}"><g transform="translate(${INSET} ${INSET})">${out.join("")}</g></svg>`;
}

function partLines(p: StructureView["parts"][number]) {
  return [
    { text: p.chapter, size: S.badge, cls: "sd-chapter", weight: 700 as const },
    { text: p.name, size: S.name, cls: "sd-name", weight: 700 as const },
    { text: p.count, size: S.sub, cls: "sd-sub" },
  ];
}
