// The draft's marks applied to the rendered booklet: inside each changed element (the ones the
// `chg` helper gave ` data-changed`), its changed words are wrapped in <mark class="chg-word">.
// Words are found in the element's printed text by the words and their unchanged neighbours;
// spaces, line breaks and Markdown markup are ignored in the search, since the page shows
// neither. An element whose words cannot be found, or that changed as a whole (a figure, a new
// 事業), is marked whole (data-changed="whole"). Marks are inline and take no space, so the
// draft keeps the official edition's pages.
import type { WordMark } from "../model/types.js";

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
/** Not searched: what the page does not show as such (spaces, Markdown markup). */
const IGNORED = /[\s*_`#>]/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** `html` with every mark applied. */
export function markWords(html: string, marks: WordMark[]): string {
  const byId = new Map(marks.map((m) => [m.id, m]));
  // Edits in document order, the booklet rebuilt once from its pieces (it is a few megabytes).
  const pieces: string[] = [];
  let cursor = 0;
  for (const match of html.matchAll(/ id="([^"]+)" data-changed(?!=)/g)) {
    const mark = byId.get(match[1]!);
    const attrEnd = match.index + match[0].length;
    // A mark inside an element already marked (none in today's templates) goes with it.
    if (!mark || mark.mode === "bar" || attrEnd < cursor) continue;
    const open = html.indexOf(">", attrEnd) + 1;
    const close = mark.mode === "words" ? elementEnd(html, open) : -1;
    const marked = close >= 0 ? markText(html.slice(open, close), mark.phrases) : undefined;
    if (marked && marked.found > 0) {
      pieces.push(html.slice(cursor, open), marked.html);
      cursor = close;
    } else {
      pieces.push(html.slice(cursor, attrEnd), '="whole"');
      cursor = attrEnd;
    }
  }
  pieces.push(html.slice(cursor));
  return pieces.join("");
}

/** Where the element whose content starts at `from` ends (its closing tag), or -1. */
function elementEnd(html: string, from: number): number {
  const tags = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;
  tags.lastIndex = from;
  let depth = 0;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (VOID.has(m[2]!.toLowerCase()) || m[3]) continue;
    if (!m[1]) depth++;
    else if (depth-- === 0) return m.index;
  }
  return -1;
}

interface Char {
  chunk: number;
  start: number;
  end: number;
}

/** An element's inner HTML with the phrases wrapped, and how many were found. */
export function markText(inner: string, phrases: WordMark["phrases"]): { html: string; found: number } {
  const chunks = inner.split(/(<[^>]*>)/);
  const chars: Char[] = [];
  let text = "";
  chunks.forEach((chunk, c) => {
    if (c % 2 === 1) return; // a tag
    for (let k = 0; k < chunk.length; ) {
      const entity = chunk[k] === "&" ? /^&(#x[0-9a-f]+|#\d+|[a-z]+);/i.exec(chunk.slice(k, k + 12)) : null;
      const ch = entity ? decode(entity[1]!) : String.fromCodePoint(chunk.codePointAt(k)!);
      const width = entity ? entity[0].length : ch.length;
      if (!IGNORED.test(ch)) {
        chars.push({ chunk: c, start: k, end: k + width });
        text += ch.length === 1 ? ch : ch.charAt(0); // one text position per kept character
      }
      k += width;
    }
  });
  const ranges: Array<[number, number]> = [];
  let cursor = 0;
  for (const p of phrases) {
    const at = locate(text, normal(p.before), normal(p.text), normal(p.after), cursor) ?? locate(text, normal(p.before), normal(p.text), normal(p.after), 0);
    if (!at) continue;
    ranges.push(at);
    cursor = at[1];
  }
  // Each range becomes one <mark> per text chunk it covers.
  const wraps = new Map<number, Array<[number, number]>>();
  for (const [from, to] of ranges) {
    for (let k = from; k < to; ) {
      const c = chars[k]!.chunk;
      let last = k;
      while (last + 1 < to && chars[last + 1]!.chunk === c) last++;
      wraps.set(c, [...(wraps.get(c) ?? []), [chars[k]!.start, chars[last]!.end]]);
      k = last + 1;
    }
  }
  for (const [c, spans] of wraps) {
    let chunk = chunks[c]!;
    for (const [s, e] of merge(spans).reverse()) chunk = `${chunk.slice(0, s)}<mark class="chg-word">${chunk.slice(s, e)}</mark>${chunk.slice(e)}`;
    chunks[c] = chunk;
  }
  return { html: chunks.join(""), found: ranges.length };
}

/** The phrase's place in `text` from `cursor`: with both neighbours, one, or none. */
function locate(text: string, before: string, phrase: string, after: string, cursor: number): [number, number] | undefined {
  if (phrase === "") return undefined;
  for (const [b, a] of [[before, after], [before, ""], ["", after], ["", ""]] as const) {
    const i = text.indexOf(b + phrase + a, cursor);
    if (i >= 0) return [i + b.length, i + b.length + phrase.length];
  }
  return undefined;
}

function normal(s: string): string {
  return [...s].filter((ch) => !IGNORED.test(ch)).map((ch) => ch.charAt(0)).join("");
}

function decode(name: string): string {
  if (name[0] === "#") return String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
  return ENTITIES[name.toLowerCase()] ?? `&${name};`;
}

function merge(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...spans].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
