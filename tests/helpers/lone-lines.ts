// Lone lines measured in the laid-out page: for every paragraph (an element that holds text of
// its own in its inline formatting context) that runs over two lines or more, how many
// characters its last line holds. A last line that a <br> starts (a label set on two lines on
// purpose, as 2026／令和8) was not wrapped there. Runs in the page (self-contained, passed to
// page.evaluate).

/** A paragraph whose last line is short. */
export interface ShortLastLine {
  /** The paragraph's tag and class, e.g. "p.lead". */
  where: string;
  /** Its last line, as printed. */
  line: string;
  /** The end of the line before it. */
  before: string;
  /** The id of the nearest ancestor that has one (to find it in the HTML). */
  near: string;
}

/** In the page: every paragraph of two or more lines whose last line has `max` characters or fewer. */
export function shortLastLines(max: number): ShortLastLine[] {
  const blockish = (el: Element) => {
    const d = getComputedStyle(el).display;
    return !d.startsWith("inline") && d !== "contents" && d !== "none";
  };
  const paragraphs = new Map<Element, Text[]>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!node.data.trim()) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest("svg, style, script, [hidden], .visually-hidden, [aria-hidden='true'] .page-ref")) continue;
    let block: Element = parent;
    while (!blockish(block) && block.parentElement) block = block.parentElement;
    const list = paragraphs.get(block) ?? [];
    list.push(node);
    paragraphs.set(block, list);
  }
  const out: ShortLastLine[] = [];
  const range = document.createRange();
  /** The vertical middle of character i of a text node, or null when it is not laid out. */
  const middle = (node: Text, i: number): number | null => {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const r = [...range.getClientRects()].find((x) => x.width > 0 || x.height > 0);
    return r ? (r.top + r.bottom) / 2 : null;
  };
  for (const [block, texts] of paragraphs) {
    const box = block.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    // Walk back from the last character: those on the last line, then the first of the line before.
    let last: number | null = null;
    let height = 0;
    const line: string[] = [];
    let before = "";
    let done = false;
    let forced = false;
    let start: [Text, number] | undefined;
    for (let t = texts.length - 1; t >= 0 && !done; t--) {
      const node = texts[t]!;
      for (let i = node.data.length - 1; i >= 0; i--) {
        const ch = node.data[i]!;
        if (/\s/.test(ch)) continue;
        const y = middle(node, i);
        if (y === null) continue;
        if (last === null) {
          last = y;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          height = range.getBoundingClientRect().height;
        }
        if (Math.abs(y - last) < height / 2) {
          line.unshift(ch);
          start = [node, i];
        } else {
          before = node.data.slice(Math.max(0, i - 5), i + 1);
          if (start) {
            range.setStart(node, i + 1);
            range.setEnd(...start);
            forced = range.cloneContents().querySelector("br") !== null;
          }
          done = true;
          break;
        }
      }
    }
    if (done && !forced && line.length <= max) {
      out.push({
        where: `${block.tagName.toLowerCase()}${block.classList.length ? `.${[...block.classList].join(".")}` : ""}`,
        line: line.join(""), before, near: block.closest("[id]")?.id ?? "",
      });
    }
  }
  return out;
}
