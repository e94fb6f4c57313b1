// A spread (重点施策, 重点プロジェクト) is one flow of blocks poured into fixed pages: the left page,
// the right page, and — when the text is longer than a spread — continuation spreads whose left
// page repeats the spread's head marked （つづき）, so nothing is ever clipped. Blocks are the
// elements marked data-flow, in order. A block marked data-flow="with-next" (a heading) never
// ends a page: it goes with the block after it. A block that does not fit the rest of a page is
// cut between its children when it is marked data-flow-split (paragraphs of a text, 方針 parts,
// table row groups <tr data-group>, or rows), the cut-off part continuing at the top of the next
// page under a repeated heading ([data-flow-repeat]) or the table's repeated column heads. A
// block that cannot be cut and is taller than a whole page stays, overflowing: the print stage
// measures that and fails the build. Runs in the page after the fonts are loaded: the print
// stage and the preview both call it (it must not reference anything outside itself).

/** In the page: flows every spread and flowing page; returns the names (data-fit) of those continued. */
export function flowSheets(): string[] {
  const overflows = (sheet: HTMLElement) => sheet.scrollHeight > sheet.clientHeight + 1;

  /** A copy of an element without its children and without any id (ids must stay unique). */
  function shell<T extends Element>(el: T): T {
    const copy = el.cloneNode(false) as T;
    copy.removeAttribute("id");
    return copy;
  }

  /** A deep copy without ids, marked as continued: a repeated heading or table head. */
  function repeat<T extends Element>(el: T): T {
    const copy = el.cloneNode(true) as T;
    copy.removeAttribute("id");
    for (const inner of copy.querySelectorAll("[id]")) inner.removeAttribute("id");
    copy.classList.add("flow-repeat");
    copy.setAttribute("aria-hidden", "true");
    return copy;
  }

  /** The pieces a block can be cut between: table row groups, or its element children. */
  function pieces(el: HTMLElement): { items: Element[][]; fixed: number } {
    if (el instanceof HTMLTableElement) {
      const body = el.tBodies[0];
      if (!body) return { items: [], fixed: 0 };
      const groups: Element[][] = [];
      const grouped = [...body.rows].some((r) => r.hasAttribute("data-group"));
      for (const row of body.rows) {
        if (!grouped || row.hasAttribute("data-group") || groups.length === 0) groups.push([row]);
        else groups.at(-1)!.push(row);
      }
      return { items: groups, fixed: 0 };
    }
    const children = [...el.children];
    // Repeated headings at the start stay with the first part.
    let fixed = 0;
    while (fixed < children.length && children[fixed]!.hasAttribute("data-flow-repeat")) fixed++;
    return { items: children.slice(fixed).map((c) => [c]), fixed };
  }

  /** The empty continuation of a split block, with its repeated heading or table heads. */
  function continuation(el: HTMLElement): { root: HTMLElement; into: HTMLElement } {
    const root = shell(el);
    root.classList.add("flow-continued");
    if (el instanceof HTMLTableElement) {
      if (el.caption) root.append(repeat(el.caption));
      if (el.tHead) root.append(repeat(el.tHead));
      const body = document.createElement("tbody");
      root.append(body);
      return { root, into: body };
    }
    for (const child of el.children) if (child.hasAttribute("data-flow-repeat")) root.append(repeat(child));
    return { root, into: root };
  }

  /**
   * Cuts `el` (the last thing on `sheet`, which overflows) so that the sheet fits: its trailing
   * pieces move into a continuation, returned for the next page; null if no cut makes it fit
   * while leaving something of `el` here. A piece that is itself splittable is cut in turn, so
   * the page is filled as far as it goes.
   */
  function split(el: HTMLElement, sheet: HTMLElement): HTMLElement | null {
    if (!el.hasAttribute("data-flow-split")) {
      // A wrapper of one splittable element (a table in a div) is cut inside.
      const only = el.children.length === 1 ? (el.children[0] as HTMLElement) : null;
      if (!only || !only.hasAttribute("data-flow-split")) return null;
      const rest = split(only, sheet);
      if (!rest) return null;
      const wrapper = shell(el);
      wrapper.classList.add("flow-continued");
      wrapper.append(rest);
      return wrapper;
    }
    const { items } = pieces(el);
    if (items.length === 0) return null;
    const home = el instanceof HTMLTableElement ? el.tBodies[0]! : el;
    // Move whole pieces from the end until the sheet fits; keep at least one piece here.
    const moved: Element[][] = [];
    while (overflows(sheet) && items.length > 1) {
      const piece = items.pop()!;
      for (const node of piece) node.remove();
      moved.unshift(piece);
    }
    /** The continuation holding `first` (a cut-off part) and then the moved pieces, in order. */
    const rest = (first: Element | null) => {
      const { root, into } = continuation(el);
      if (first) into.append(first);
      for (const piece of moved) into.append(...piece);
      return root;
    };
    if (overflows(sheet)) {
      // Even one piece is too much: cut inside it, or give up (everything back in place).
      const only = items[0]!;
      const inner = only.length === 1 && only[0] instanceof HTMLElement ? split(only[0], sheet) : null;
      if (!inner) {
        for (const piece of moved) home.append(...piece);
        return null;
      }
      return rest(inner);
    }
    if (moved.length === 0) return null;
    // Fill the page: the first moved piece may fit in part.
    const [first] = moved[0]!;
    if (moved[0]!.length === 1 && first instanceof HTMLElement && first.hasAttribute("data-flow-split")) {
      home.append(first);
      const inner = split(first, sheet);
      if (inner) {
        moved.shift();
        return rest(inner);
      }
      first.remove();
    }
    return rest(null);
  }

  const continued: string[] = [];
  // Flowed once: the preview patches changed spreads in and flows only those.
  for (const spread of document.querySelectorAll<HTMLElement>("[data-flow-spread]:not([data-flowed])")) {
    spread.dataset.flowed = "";
    const sheets = [...spread.querySelectorAll<HTMLElement>(":scope > .sheet")];
    if (sheets.length === 0) continue;
    const head = spread.querySelector<HTMLElement>("[data-flow-head]");
    const blocks = sheets.flatMap((s) => [...s.querySelectorAll<HTMLElement>(":scope > [data-flow]")]);
    for (const b of blocks) b.remove();
    let last: HTMLElement = spread;
    let at = 0;
    // Spreads continue by spreads (a left and a right page); single pages (a district, a
    // divider's list) by one page more.
    const step = spread.dataset.flowSpread === "1" ? 1 : 2;
    /** The next page of the flow, adding a continuation page or spread after the last one when needed. */
    const next = () => {
      at++;
      if (at < sheets.length) return;
      const page = () => {
        const sheet = shell(sheets[sheets.length - 1]!);
        sheet.classList.add("sheet--continued");
        return sheet;
      };
      if (step === 1) {
        const more = page();
        if (head) more.append(repeat(head));
        sheets.at(-1)!.after(more);
        sheets.push(more);
      } else {
        const more = shell(spread);
        for (const name of ["data-start", "data-flow-spread", "data-flowed"]) more.removeAttribute(name);
        more.classList.add("spread--continued");
        const left = shell(sheets[0]!);
        const right = shell(sheets[1] ?? sheets[0]!);
        for (const sheet of [left, right]) sheet.classList.add("sheet--continued");
        if (head) left.append(repeat(head));
        more.append(left, right);
        last.after(more);
        last = more;
        sheets.push(left, right);
      }
    };
    /** Places one block from page `at` on, cutting it across pages when it is marked so. */
    const place = (block: HTMLElement): void => {
      const sheet = sheets[at]!;
      sheet.append(block);
      if (!overflows(sheet)) return;
      const alone = sheet.querySelector(":scope > [data-flow]") === block;
      const rest = split(block, sheet);
      if (rest) {
        next();
        place(rest);
        return;
      }
      // Alone on its page and still too tall: it cannot flow (the print stage reports it).
      if (alone) return;
      block.remove();
      next();
      place(block);
    };
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i]!;
      const partner = block.dataset.flow === "with-next" ? blocks[i + 1] : undefined;
      if (!partner) {
        place(block);
        continue;
      }
      // A heading goes where its block starts: placed together, then moved on if they parted.
      i++;
      place(block);
      const headingAt = at;
      place(partner);
      const partnerAt = sheets.findIndex((s) => s.contains(partner));
      if (partnerAt > headingAt) {
        const target = sheets[partnerAt]!;
        target.insertBefore(block, partner);
        // Rare: the heading does not fit above the block's first part; it stays where it was.
        if (overflows(target)) sheets[headingAt]!.append(block);
      }
    }
    // A continuation page left empty is dropped (the next spread's own start adds any blank page).
    const empty = (sheet: HTMLElement) => !sheet.querySelector(":scope > [data-flow], :scope > .flow-continued");
    for (let s = sheets.length - 1; s >= step && sheets[s]!.classList.contains("sheet--continued") && empty(sheets[s]!); s--) {
      const page = sheets[s]!;
      const spreadOf = page.parentElement!;
      page.remove();
      sheets.pop();
      if (!spreadOf.querySelector(":scope > .sheet")) spreadOf.remove();
    }
    if (sheets.some((s) => s.classList.contains("sheet--continued"))) continued.push(spread.dataset.fit ?? spread.id);
  }
  // 各ページの見方 shows the first candidate whose own spread fits its two pages: a continued one
  // would be cut at the bottom of the miniature, with callouts the legend explains. None fits:
  // the first, as drawn. The others go, so the printed HTML holds one miniature.
  const minis = [...document.querySelectorAll<HTMLElement>(".how-to-read__mini[data-mini-of]")];
  if (minis.length > 0) {
    const fits = (mini: HTMLElement) => !document.getElementById(mini.dataset.miniOf!)?.nextElementSibling?.classList.contains("spread--continued");
    const chosen = minis.find(fits) ?? minis[0]!;
    for (const mini of minis) if (mini !== chosen) mini.remove();
    chosen.removeAttribute("hidden");
    chosen.removeAttribute("data-mini-of");
  }
  return continued;
}
