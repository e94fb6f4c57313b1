// A two-page spread is one flow cut at the page: blocks marked data-flow on the right page move
// back to the left page, in order, while they fit there, so the spread's white space falls at
// its end instead of in the middle (the left page of a short 現状と課題 was a third empty). A
// block marked data-flow="with-next" (a heading) only moves together with the block after it.
// When the next block does not fit whole but holds a table marked data-split, the table is
// cut between its row groups (<tr data-group> starts one): the first groups end the left page,
// the rest open the right page under the same column heads. Runs in the page after the fonts
// are loaded: the print stage and the preview both call it.

/** In the page: balances every spread; returns how many blocks moved. */
export function balanceSpreads(): number {
  const overflows = (sheet: HTMLElement) => sheet.scrollHeight > sheet.clientHeight + 1;

  /** Moves the last row groups of `table` (in `left`) to a continuation of its block on the right. */
  function split(left: HTMLElement, right: HTMLElement, block: HTMLElement, table: HTMLTableElement): boolean {
    const body = table.tBodies[0];
    if (!body) return false;
    const groups = [...body.rows].filter((r) => r.hasAttribute("data-group"));
    if (groups.length < 2) return false;
    const rest = block.cloneNode(false) as HTMLElement;
    rest.removeAttribute("id");
    rest.classList.add("flow-continued");
    const restTable = table.cloneNode(false) as HTMLTableElement;
    restTable.removeAttribute("data-split");
    if (table.caption) restTable.append(table.caption.cloneNode(true));
    if (table.tHead) restTable.append(table.tHead.cloneNode(true));
    const restBody = document.createElement("tbody");
    restTable.append(restBody);
    rest.append(restTable);
    right.prepend(rest);
    // Move groups from the end until the left page fits; keep at least one group on each side.
    for (let g = groups.length - 1; g >= 1 && overflows(left); g--) {
      const moving: HTMLTableRowElement[] = [];
      for (let row: Element | null = groups[g]!; row && (row === groups[g] || !row.hasAttribute("data-group")); row = row.nextElementSibling) {
        moving.push(row as HTMLTableRowElement);
      }
      restBody.prepend(...moving);
    }
    if (!overflows(left) && restBody.rows.length > 0) return true;
    // No cut makes it fit: put everything back.
    body.append(...restBody.rows);
    rest.remove();
    return false;
  }

  let moved = 0;
  for (const spread of document.querySelectorAll<HTMLElement>(".spread")) {
    const left = spread.querySelector<HTMLElement>(":scope > .sheet--left");
    const right = spread.querySelector<HTMLElement>(":scope > .sheet--right");
    if (!left || !right) continue;
    for (;;) {
      const first = right.firstElementChild as HTMLElement | null;
      if (!first || !first.hasAttribute("data-flow")) break;
      const unit = [first];
      if (first.dataset.flow === "with-next") {
        const next = first.nextElementSibling as HTMLElement | null;
        if (!next || !next.hasAttribute("data-flow")) break;
        unit.push(next);
      }
      left.append(...unit);
      if (!overflows(left)) {
        moved += unit.length;
        continue;
      }
      const last = unit[unit.length - 1]!;
      const table = last.querySelector<HTMLTableElement>("table[data-split]");
      if (table && split(left, right, last, table)) moved += unit.length;
      else right.prepend(...unit);
      break;
    }
  }
  return moved;
}
