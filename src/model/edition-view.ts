// The edition as printed: names, dates and periods in the edition's year style, and the 計画の期間
// chart drawn from the periods the edition declares (never guessed from its title).
import type { EditionData, ImageRef } from "../validate/schema.js";
import type { ImageAsset } from "../load/load-assets.js";
import type { EditionView, ImageView } from "./types.js";
import { dayLabel, eraYear, fiscalYearLabel, periodLabel, periodShort, westernFirst, type YearStyle } from "./format.js";
import { issueDate } from "./edition-dates.js";

/** The edition's facts, formatted once for the cover, colophon, heads and charts. */
export function editionView(e: EditionData, images: Record<string, ImageAsset>): EditionView {
  const style = e.yearStyle;
  // src is the image's file; the renderer makes it a URL relative to where the HTML is written.
  const image = (ref?: ImageRef): ImageView | undefined => {
    const file = ref && images[ref.image];
    return file && { src: file.abs, alt: ref.alt, width: file.width, height: file.height };
  };
  const emblem = image(e.cover.emblem);
  const keyVisual = image(e.cover.keyVisual);
  return {
    title: e.title, subtitle: e.subtitle, city: e.city, author: e.author, futureVision: e.futureVision,
    stage: e.stage, version: e.version, dateLabel: issueDate(e.date, style), dayLabel: dayLabel(e.date, style), isoDate: e.date,
    period: periodLabel(e.period.from, e.period.to, style),
    endYear: fiscalYearLabel(e.period.to, style),
    periodShort: periodShort(e.period.from, e.period.to, style),
    longTermVision: e.longTermVision && `${e.longTermVision.name}　${periodLabel(e.longTermVision.period.from, e.longTermVision.period.to, style)}`,
    publisher: e.publisher, keywords: e.keywords, sampleContent: e.sampleContent,
    timeline: timeline(e, style),
    ...(emblem ? { emblem } : {}),
    ...(keyVisual ? { keyVisual } : {}),
  };
}

/**
 * 計画の期間 as bars over fiscal years: the long-term vision (when there is one), this plan, and
 * the other plans the edition names within the vision (e.g. 後期アクションプラン).
 */
function timeline(e: EditionData, style: YearStyle): EditionView["timeline"] {
  const vision = e.longTermVision;
  const spans = [e.period, ...(vision ? [vision.period, ...vision.plans.map((p) => p.period)] : [])];
  const from = Math.min(...spans.map((s) => s.from));
  const to = Math.max(...spans.map((s) => s.to));
  // Each year in the style's calendars, the leading one first (令和8 over 2026, or 2026 over 令和8).
  const western = westernFirst(style);
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i).map((y) => ({
    main: western ? String(y) : eraYear(y),
    sub: style === "era" || style === "western" ? "" : western ? eraYear(y) : String(y),
  }));
  const bar = (label: string, a: number, b: number, current: boolean) => ({
    label, period: periodShort(a, b, style), years: `${b - a + 1}年間`, start: a - from + 1, span: b - a + 1, current,
  });
  const bars = [];
  if (vision) bars.push(bar(vision.name, vision.period.from, vision.period.to, false));
  bars.push(bar(e.period.name ? `${e.period.name}（本計画）` : "本計画", e.period.from, e.period.to, true));
  for (const p of vision?.plans ?? []) bars.push(bar(p.name, p.period.from, p.period.to, false));
  return { years, bars };
}
