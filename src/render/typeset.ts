// Japanese line breaking the way a book designer sets it, applied to the rendered HTML: what must
// never be split (an identifier such as 2-6 or 1-1-3, a number with its unit, a year, 方針1, a
// short bracketed note) is glued into a no-break span, and the end of every paragraph is glued
// too, so its last line never holds only 「す。」. Chromium's `text-wrap: pretty` only keeps two
// characters together in Japanese (measured: 159 → 157 short last lines in the sample), hence this.
// The glued runs are short (a few characters), so nothing can widen the page.

/** Words of the plan that are followed by a number (方針1, 政策2, 重点プロジェクト3 …), from its terms. */
export interface TypesetOptions {
  numbered: string[];
}

/** Characters a paragraph's last line keeps at least (when the paragraph is long enough to break). */
export const LAST_LINE = 5;
/** A paragraph shorter than this is a label, not a paragraph: its end is not glued. */
const MIN_PARAGRAPH = 8;
/** A glued run longer than this stays breakable (a long run without breaks would widen a narrow cell). */
const MAX_GLUE = 14;

const ERA = "(?:令和|平成|昭和)";
const ERA_YEAR = `${ERA}(?:元|\\d{1,2})`;
const NUMBER = "\\d[\\d,]*(?:\\.\\d+)?";
/** Units and counters a figure is printed with (the longest is tried first: 万人 before 万). */
const UNITS = [
  "ポイント", "世帯", "団体", "施設", "店舗", "品目", "項目", "種類", "路線", "時間", "年間", "年度", "か月", "ヶ月", "カ月", "か所", "カ所", "ヶ所", "箇所",
  "万人", "千人", "千円", "万円", "億円", "km²", "kWh", "周年", "回目", "km", "kW", "ha", "kg", "pt",
  "%", "％", "‰", "㎡", "人", "名", "件", "回", "校", "園", "館", "台", "本", "戸", "社", "店", "種", "歳", "倍", "割", "円", "万", "千", "億",
  "t", "m", "日", "月", "年", "週", "番", "号", "条", "章", "節", "位", "点", "冊", "枚", "頭", "棟", "室", "区", "便", "期", "次", "版",
];
const OPENING = /^[（「『〔［｛〈《【“‘(]$/u;
const CLOSING = /^[）」』〕］｝〉》】”’)、。，．・：；！？]$/u;

/** Elements whose end is a paragraph's end: their last characters are kept together. */
const BLOCK_END = /^<\/(p|li|dd|dt|td|th|h[1-6]|caption|figcaption|blockquote)>$/i;
/** Inline elements a paragraph's end may run through. Not <span>: the templates style many spans as
 * blocks (a figure's year, a head's second line), and a glued end around a block would not wrap. */
const INLINE = /^<\/?(a|b|strong|em|small|i|u|sub|sup|code|abbr)(\s[^>]*)?>$/i;
/** Elements whose text is not set as prose: no spans may go into them. */
const SKIP = /^(style|script|title|svg|pre|textarea)$/i;

/** Every glued run holds a digit, a bracket or 元 (令和元年): text without them has none. */
const MAY_GLUE = /[\d（元]/;
const OPEN = '<span class="nb">';
const CLOSE = "</span>";

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const isSpace = (c: string) => /^\s$/.test(c);

/** The pattern of everything glued, for one plan's terms. */
export function gluePattern(options: TypesetOptions): RegExp {
  const units = [...UNITS].sort((a, b) => b.length - a.length).map(escapeRe).join("|");
  const terms = [...new Set(options.numbered.filter(Boolean))].sort((a, b) => b.length - a.length).map(escapeRe);
  const alternatives = [
    // 令和7年度, 令和7〜11年度, 令和6年10月1日, 令和元年
    `${ERA_YEAR}(?:〜(?:${ERA})?(?:元|\\d{1,2}))?(?:年度|年)?(?:\\d{1,2}月(?:\\d{1,2}日)?)?`,
    // 2025（令和7）年度, 2025〜2029（令和7〜11）年度
    `\\d{4}(?:〜\\d{4})?（${ERA_YEAR}(?:〜(?:元|\\d{1,2}))?）年度?`,
    // 2025年度, 2025〜2029年度, 2024年10月1日
    `\\d{4}(?:〜\\d{4})?(?:年度|年)(?:\\d{1,2}月(?:\\d{1,2}日)?)?`,
    // 2-6, 1-1-3, 0270-24-5111
    `\\d+(?:-\\d+)+`,
    // 4月1日
    `\\d{1,2}月\\d{1,2}日`,
    // 第3章, 第2次
    `第\\d+(?:章|節|次|版|回|期|号)`,
    // 方針1, 政策2 (the plan's own words)
    ...(terms.length ? [`(?:${terms.join("|")})\\d+`] : []),
    // 450人, 1,234.5%, 20〜30歳
    `${NUMBER}(?:〜${NUMBER})?(?:${units})`,
    // （累計）, （暦年）, （4月1日時点）: a short note in brackets
    `（[^（）\\s]{1,8}）`,
  ];
  return new RegExp(alternatives.join("|"), "gu");
}

/** The text split into printed characters: an HTML entity (&amp;) is one, as is a surrogate pair. */
function characters(text: string): string[] {
  return text.match(/&(?:#\d+|#x[0-9a-f]+|\w+);|[\s\S]/giu) ?? [];
}

/** Glued runs of a text as [start, end) in characters, each widened by the brackets around it. */
function glueRuns(chars: string[], pattern: RegExp): Array<[number, number]> {
  const text = chars.join("");
  const runs: Array<[number, number]> = [];
  if (!MAY_GLUE.test(text)) return runs;
  const offsets = new Map<number, number>();
  let at = 0;
  chars.forEach((c, i) => {
    offsets.set(at, i);
    at += c.length;
  });
  offsets.set(at, chars.length);
  const charAt = (offset: number) => offsets.get(offset) ?? -1;
  for (const m of text.matchAll(pattern)) {
    let from = charAt(m.index);
    let to = charAt(m.index + m[0].length);
    if (from < 0 || to < 0) continue;
    // An opening bracket before it and closing punctuation after it go with it (kinsoku): a
    // narrow cell would otherwise leave 「（」 alone at a line's end.
    while (from > 0 && OPENING.test(chars[from - 1]!) && (runs.at(-1)?.[1] ?? 0) < from) from--;
    while (to < chars.length && CLOSING.test(chars[to]!)) to++;
    if (to - from > MAX_GLUE) continue;
    const last = runs.at(-1);
    if (last && from < last[1]) last[1] = Math.max(last[1], to);
    else runs.push([from, to]);
  }
  return runs;
}

/** A text with its glued runs wrapped (characters from `upTo` on are left as they are). */
function glueText(chars: string[], runs: Array<[number, number]>, upTo = chars.length): string {
  let out = "";
  let i = 0;
  for (const [from, to] of runs) {
    if (to > upTo) break;
    out += chars.slice(i, from).join("") + OPEN + chars.slice(from, to).join("") + CLOSE;
    i = to;
  }
  return out + chars.slice(i, upTo).join("");
}

/** Where a paragraph's glued end begins: at a character of a text part, or before a tag part (char -1). */
interface TailStart {
  part: number;
  char: number;
}

/**
 * The start of the glued end of the paragraph closed by the tag at `end`: its last LAST_LINE
 * characters, moved back to take in a glued run they would cut and to keep inline elements whole
 * (a span may not open inside a <b> and close outside it). Undefined when the paragraph is short
 * or the end would be too long to glue.
 */
function tailStart(parts: string[], end: number, pattern: RegExp): TailStart | undefined {
  let counted = 0;
  let depth = 0;
  let start: TailStart | undefined;
  let pending = false;
  for (let j = end - 1; j >= 0 && (counted < MIN_PARAGRAPH || pending); j--) {
    const part = parts[j]!;
    if (j % 2 === 1) {
      if (!INLINE.test(part)) break;
      depth += part.startsWith("</") ? 1 : -1;
      if (depth < 0) break;
      if (pending && depth === 0) {
        start = { part: j, char: -1 };
        pending = false;
      }
      continue;
    }
    const chars = characters(part);
    for (let k = chars.length - 1; k >= 0; k--) {
      if (isSpace(chars[k]!)) continue;
      if (++counted !== LAST_LINE) continue;
      if (depth > 0) {
        // Inside an inline element: the glue starts before the element opens.
        pending = true;
        continue;
      }
      let char = k;
      for (const [from, to] of glueRuns(chars, pattern)) if (from < char && to > char) char = from;
      start = { part: j, char };
    }
  }
  if (!start || pending || counted < MIN_PARAGRAPH) return undefined;
  let length = 0;
  for (let j = start.part; j < end; j += 1) {
    if (j % 2 === 1) continue;
    const chars = characters(parts[j]!);
    length += (j === start.part && start.char >= 0 ? chars.slice(start.char) : chars).filter((c) => !isSpace(c)).length;
  }
  return length <= MAX_GLUE ? start : undefined;
}

/** The rendered HTML with identifiers, figures and years unbreakable and every paragraph's end kept together. */
export function typesetHtml(html: string, options: TypesetOptions): string {
  const pattern = gluePattern(options);
  const parts = html.split(/(<[^>]*>)/);
  // Parts that are not prose (inside <style>, <svg> …).
  const skipped = new Set<number>();
  let skipName = "";
  let depth = 0;
  for (let i = 1; i < parts.length; i += 2) {
    const m = /^<(\/?)([a-z][\w-]*)/i.exec(parts[i]!);
    if (!m) continue;
    const name = m[2]!.toLowerCase();
    if (depth > 0) {
      if (name === skipName) depth += m[1] ? -1 : parts[i]!.endsWith("/>") ? 0 : 1;
      if (depth > 0) skipped.add(i + 1);
    } else if (!m[1] && SKIP.test(name) && !parts[i]!.endsWith("/>")) {
      skipName = name;
      depth = 1;
      skipped.add(i + 1);
    }
  }
  // Paragraph ends: where each glued end opens, and the tags it closes before.
  const opens = new Map<number, number>();
  const closes = new Set<number>();
  for (let i = 1; i < parts.length; i += 2) {
    if (skipped.has(i - 1) || !BLOCK_END.test(parts[i]!)) continue;
    const start = tailStart(parts, i, pattern);
    if (!start) continue;
    opens.set(start.part, start.char);
    closes.add(i);
  }
  let inTail = false;
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const open = opens.get(i);
    if (i % 2 === 1) {
      if (closes.has(i) && inTail) {
        out.push(CLOSE);
        inTail = false;
      }
      if (open !== undefined) {
        out.push(OPEN);
        inTail = true;
      }
      out.push(part);
      continue;
    }
    // Most text holds nothing to glue (no digit, bracket or 元) and ends no paragraph: as it is.
    if (skipped.has(i) || inTail || (open === undefined && !MAY_GLUE.test(part)) || part.trim() === "") {
      out.push(part);
      continue;
    }
    const chars = characters(part);
    const runs = glueRuns(chars, pattern);
    if (open === undefined) {
      out.push(glueText(chars, runs));
      continue;
    }
    out.push(glueText(chars, runs, open), OPEN, chars.slice(open).join(""));
    inTail = true;
  }
  return out.join("");
}

/**
 * An escaped text that ends a paragraph although its HTML element does not (a title followed by a
 * block-styled span, a name inside a link): its last characters kept together, as at a block's end.
 */
export function glueEnd(escaped: string): string {
  const parts = ["", "<p>", escaped, "</p>", ""];
  const start = tailStart(parts, 3, /$^/gu);
  if (!start) return escaped;
  const chars = characters(escaped);
  return chars.slice(0, start.char).join("") + OPEN + chars.slice(start.char).join("") + CLOSE;
}
