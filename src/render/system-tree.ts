// 計画の体系図 as a tree drawn in SVG from the data: 政策 → 重点施策 → 施策の展開方針, each 方針 with
// the numbers of the projects it serves. Every 方針 is shown (the tree is the plan's whole
// structure, ~100 方針 in the sample), so it runs over several pages: one figure per 政策, never
// cut; a 政策 taller than a page continues in a second figure whose 政策 box says （つづき）.
// Text is text (selectable, searchable), wrapped between phrases with the booklet's own font metrics.
import Handlebars from "handlebars";
import type { PolicyAreaView } from "../model/types.js";
import type { Terms } from "../validate/schema.js";
import { pt, r, svgLines, textWidth, wrapText } from "./svg-text.js";

const esc = Handlebars.escapeExpression;

/** Columns (mm) on the 175 mm type area. */
const WIDTH = 175;
const AREA = { x: 0, w: 33 };
const POLICY = { x: 39, w: 50 };
const DIRECTION = { x: 95, w: 62 };
const PROJECTS = { x: 158.4, w: 16.6 };
const CHIP = 2.8;
const CHIP_STEP = 3.45;
/** A figure no taller than this fits a page (259 mm) with the caption and a margin. */
export const MAX_FIGURE_HEIGHT = 236;

const SIZE = { areaNo: pt(7), area: pt(9.5), goal: pt(7), policy: pt(8), direction: pt(7.5), chip: pt(5.5), head: pt(7) };
const LEAD = 1.42;
const PAD = 1.1;
const POLICY_GAP = 1.8;

interface DirectionBox {
  label: string;
  lines: string[];
  projects: number[];
  height: number;
}
interface PolicyBox {
  id: string;
  lines: string[];
  directions: DirectionBox[];
  height: number;
}

/** A colour mixed with white (an opaque tint: a press file may hold no transparency). */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c * amount + 255 * (1 - amount));
  return `#${[(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => mix(c).toString(16).padStart(2, "0")).join("")}`;
}

function layoutPolicy(p: PolicyAreaView["policies"][number], labelWidth: number): PolicyBox {
  const idWidth = textWidth(`${p.id}`, SIZE.policy, 700) + 1.4;
  const lines = wrapText(p.title, POLICY.w - 2 * PAD - 1.5 - idWidth, SIZE.policy);
  const directions = p.directions.map((d): DirectionBox => {
    const text = wrapText(d.title, DIRECTION.w - labelWidth - 0.6, SIZE.direction);
    const perRow = Math.max(1, Math.floor((PROJECTS.w + CHIP_STEP - CHIP) / CHIP_STEP));
    const projects = d.projects.map((x) => x.id);
    const chipRows = Math.ceil(projects.length / perRow);
    const height = Math.max(text.length * SIZE.direction * LEAD, chipRows * CHIP_STEP) + 2 * PAD;
    return { label: d.label, lines: text, projects, height };
  });
  const own = lines.length * SIZE.policy * LEAD + 2 * PAD + 0.6;
  const height = Math.max(own, directions.reduce((h, d) => h + d.height, 0));
  return { id: p.id, lines, directions, height };
}

/** The tree of one 政策 as figures (more than one when it is taller than a page). */
export function systemTreeSvgs(area: PolicyAreaView, terms: Terms): string[] {
  const labelWidth = Math.max(...area.policies.flatMap((p) => p.directions.map((d) => textWidth(d.label, SIZE.direction, 700))), 0) + 1.6;
  const boxes = area.policies.map((p) => layoutPolicy(p, labelWidth));
  const nameLines = wrapText(area.name, AREA.w - 6, SIZE.area, 700);
  const goalLines = wrapText(area.goal, AREA.w - 6, SIZE.goal);
  const areaText = 3 + SIZE.areaNo * LEAD + nameLines.length * SIZE.area * 1.3 + 2 + goalLines.length * SIZE.goal * LEAD + 3;
  // Cut into figures of whole 重点施策, each no taller than a page allows.
  const chunks: PolicyBox[][] = [[]];
  let height = 0;
  for (const box of boxes) {
    if (chunks.at(-1)!.length > 0 && height + POLICY_GAP + box.height > MAX_FIGURE_HEIGHT) {
      chunks.push([]);
      height = 0;
    }
    height += (chunks.at(-1)!.length ? POLICY_GAP : 0) + box.height;
    chunks.at(-1)!.push(box);
  }
  return chunks.map((chunk, i) => figure(area, terms, chunk, i > 0, { nameLines, goalLines: i > 0 ? [] : goalLines, areaText, labelWidth }));
}

function figure(area: PolicyAreaView, terms: Terms, boxes: PolicyBox[], continued: boolean, text: { nameLines: string[]; goalLines: string[]; areaText: number; labelWidth: number }): string {
  const body = boxes.reduce((h, b, i) => h + b.height + (i ? POLICY_GAP : 0), 0);
  const height = Math.max(body, text.areaText);
  const color = area.color;
  const light = tint(color, 0.1);
  const out: string[] = [];
  // 政策: a box in its colour the height of its 重点施策.
  out.push(`<rect x="${AREA.x}" y="0" width="${AREA.w}" height="${r(height)}" rx="1.2" fill="${color}"/>`);
  let y = 3 + SIZE.areaNo;
  out.push(svgLines([`${terms.policyArea}${area.id}${continued ? "（つづき）" : ""}`], AREA.x + 3, y, { size: SIZE.areaNo, lead: 0, cls: "tree-area-no" }));
  y += SIZE.areaNo * 0.5 + SIZE.area * 1.15;
  out.push(svgLines(text.nameLines, AREA.x + 3, y, { size: SIZE.area, lead: SIZE.area * 1.3, cls: "tree-area" }));
  y += (text.nameLines.length - 1) * SIZE.area * 1.3 + 2 + SIZE.goal * 1.2;
  if (text.goalLines.length) out.push(svgLines(text.goalLines, AREA.x + 3, y, { size: SIZE.goal, lead: SIZE.goal * LEAD, cls: "tree-goal" }));
  let top = 0;
  for (const box of boxes) {
    const mid = top + Math.min(box.height, box.lines.length * SIZE.policy * LEAD + 2 * PAD + 0.6) / 2;
    // 政策 → 重点施策
    out.push(`<line x1="${AREA.w}" y1="${r(mid)}" x2="${POLICY.x}" y2="${r(mid)}" stroke="${color}" stroke-width="0.35"/>`);
    out.push(`<rect x="${POLICY.x}" y="${r(top)}" width="${POLICY.w}" height="${r(box.height)}" fill="${light}" stroke="${color}" stroke-width="0.3"/>`);
    out.push(`<rect x="${POLICY.x}" y="${r(top)}" width="1" height="${r(box.height)}" fill="${color}"/>`);
    const first = top + PAD + SIZE.policy * 1.05;
    out.push(svgLines([box.id], POLICY.x + PAD + 1.2, first, { size: SIZE.policy, lead: 0, cls: "tree-policy-no" }));
    const idWidth = textWidth(box.id, SIZE.policy, 700) + 1.4;
    out.push(svgLines(box.lines, POLICY.x + PAD + 1.2 + idWidth, first, { size: SIZE.policy, lead: SIZE.policy * LEAD, cls: "tree-policy" }));
    // 重点施策 → 方針: a spine with a branch to each.
    let dy = top;
    const mids = box.directions.map((d) => {
      const m = dy + d.height / 2;
      dy += d.height;
      return m;
    });
    if (mids.length) {
      const spine = POLICY.x + POLICY.w + 3;
      out.push(`<path d="M${POLICY.x + POLICY.w} ${r(mid)}H${spine}M${spine} ${r(Math.min(mid, mids[0]!))}V${r(Math.max(mid, mids.at(-1)!))}" fill="none" stroke="${color}" stroke-width="0.3"/>`);
      for (const m of mids) out.push(`<line x1="${spine}" y1="${r(m)}" x2="${DIRECTION.x - 0.6}" y2="${r(m)}" stroke="${color}" stroke-width="0.3"/>`);
    }
    dy = top;
    box.directions.forEach((d, k) => {
      const textTop = dy + d.height / 2 - (d.lines.length * SIZE.direction * LEAD) / 2 + SIZE.direction * 1.02;
      out.push(svgLines([d.label], DIRECTION.x, textTop, { size: SIZE.direction, lead: 0, cls: "tree-direction-no" }));
      out.push(svgLines(d.lines, DIRECTION.x + text.labelWidth, textTop, { size: SIZE.direction, lead: SIZE.direction * LEAD, cls: "tree-direction" }));
      const perRow = Math.max(1, Math.floor((PROJECTS.w + CHIP_STEP - CHIP) / CHIP_STEP));
      const rows = Math.ceil(d.projects.length / perRow);
      d.projects.forEach((id, n) => {
        const cx = PROJECTS.x + CHIP / 2 + (n % perRow) * CHIP_STEP;
        const cy = dy + d.height / 2 - ((rows - 1) * CHIP_STEP) / 2 + Math.floor(n / perRow) * CHIP_STEP;
        out.push(`<circle cx="${r(cx)}" cy="${r(cy)}" r="${CHIP / 2}" class="tree-chip"/>`);
        out.push(`<text class="tree-chip-no" x="${r(cx)}" y="${r(cy + SIZE.chip * 0.36)}" font-size="${r(SIZE.chip)}" text-anchor="middle">${id}</text>`);
      });
      if (k < box.directions.length - 1) out.push(`<line x1="${DIRECTION.x}" y1="${r(dy + d.height)}" x2="${WIDTH}" y2="${r(dy + d.height)}" class="tree-rule"/>`);
      dy += d.height;
    });
    top += box.height + POLICY_GAP;
  }
  const label = `${terms.policyArea}${area.id} ${area.name}${continued ? "（つづき）" : ""}：${boxes
    .map((b) => {
      const policy = area.policies.find((p) => p.id === b.id)!;
      const dirs = policy.directions.map((d) => `${d.label} ${d.title}${d.projects.length ? `（${d.projects.map((x) => `${terms.project}${x.id}`).join("・")}）` : ""}`);
      return `${b.id} ${policy.title}：${dirs.join("、")}`;
    })
    .join("。")}`;
  return `<svg class="system-tree__svg" viewBox="0 0 ${WIDTH} ${r(height)}" width="${WIDTH}mm" height="${r(height)}mm" role="img" aria-label="${esc(label)}">${out.join("")}</svg>`;
}

/** The column heads over the tree, aligned with its columns (the plan's own terms). */
export function systemTreeHeadSvg(terms: Terms, withProjects: boolean): string {
  const heads: Array<[string, { x: number; w: number }]> = [
    [terms.policyArea, AREA],
    [terms.policy, POLICY],
    [terms.direction, DIRECTION],
    ...(withProjects ? [[terms.project, PROJECTS] as [string, { x: number; w: number }]] : []),
  ];
  const wrapped = heads.map(([t, col]) => ({ col, lines: wrapText(t, col.w, SIZE.head, 700) }));
  const rows = Math.max(...wrapped.map((w) => w.lines.length));
  const height = rows * SIZE.head * 1.3 + 1.6;
  const text = wrapped
    .map(({ col, lines }) => svgLines(lines, col.x + col.w / 2, height - 1.6 - (lines.length - 1) * SIZE.head * 1.3 - SIZE.head * 0.25, { size: SIZE.head, lead: SIZE.head * 1.3, cls: "tree-head", anchor: "middle" }))
    .join("");
  return `<svg class="system-tree__head" viewBox="0 0 ${WIDTH} ${r(height)}" width="${WIDTH}mm" height="${r(height)}mm" aria-hidden="true">${text}<line x1="0" y1="${r(height - 0.2)}" x2="${WIDTH}" y2="${r(height - 0.2)}" class="tree-head-rule"/></svg>`;
}
