// Where blank pages go and what number each anchor's page prints: pure arithmetic on the pages
// the last print reported, so it is tested without a browser.

/** An element that must begin a page, on the given side ("page": any side). */
export interface PageStart {
  anchor: string;
  side: "left" | "right" | "page";
  hasBlankBefore: boolean;
}

export interface PaginationInput {
  starts: PageStart[];
  /** Anchor → 0-based physical page index from the last print. */
  pages: Map<string, number>;
  pageCount: number;
  /** The anchor that opens the body: its page prints as 1. */
  firstBodyAnchor: string;
  /** Print editions: the page count must be a multiple of this (binding); blank pages are added before `padBefore`. */
  padTo?: number;
  padBefore?: string;
  /** Padding pages already in the document (from an earlier print or hint). */
  pads?: number;
}

export interface PaginationPlan {
  /** Insert one blank page before each of these anchors. */
  blanksBefore: string[];
  /** Remove the blank page before each of these (left from an earlier build's hint). */
  blanksRemoved: string[];
  /** Anchor → the page number printed on its page (after the blanks change). */
  labels: Record<string, string>;
  /** Pages before body page 1. */
  frontPages: number;
  /** Padding pages wanted before `padBefore` (0 when no binding multiple is asked for). */
  pads: number;
}

/**
 * In a left-bound book page 1 (physical) is a right-hand page: a right start needs an odd
 * physical page, a left start an even one. A blank page before a start shifts everything after.
 */
export function planPagination(input: PaginationInput): PaginationPlan {
  const blanksBefore: string[] = [];
  const blanksRemoved: string[] = [];
  const shifts: Array<{ from: number; delta: number }> = [];
  const shifted = (index: number) => index + shifts.filter((s) => s.from <= index).reduce((n, s) => n + s.delta, 0);
  input.starts.forEach((start, i) => {
    let index = input.pages.get(start.anchor);
    // The back cover is the last page and is linked from nowhere: it has no destination.
    if (index === undefined && i === input.starts.length - 1) index = input.pageCount - 1;
    if (index === undefined) throw new Error(`no destination for page start #${start.anchor}`);
    if (start.side === "page") return;
    const physical = shifted(index) + 1;
    if ((physical % 2 === 1) === (start.side === "right")) return;
    if (start.hasBlankBefore) {
      blanksRemoved.push(start.anchor);
      shifts.push({ from: index, delta: -1 });
    } else {
      blanksBefore.push(start.anchor);
      shifts.push({ from: index, delta: 1 });
    }
  });
  // Binding: pad with blank pages before the back cover up to the multiple (pads are an even
  // number, since the back cover is a left-hand page, so no page before it changes side).
  const existingPads = input.pads ?? 0;
  let pads = 0;
  if (input.padTo && input.padTo > 1) {
    const total = shifted(input.pageCount) - existingPads;
    pads = (input.padTo - (total % input.padTo)) % input.padTo;
    const at = input.padBefore === undefined ? undefined : input.pages.get(input.padBefore) ?? input.pageCount - 1;
    if (at !== undefined && pads !== existingPads) shifts.push({ from: at, delta: pads - existingPads });
  }
  const bodyIndex = input.pages.get(input.firstBodyAnchor);
  if (bodyIndex === undefined) throw new Error(`no destination for the first body page #${input.firstBodyAnchor}`);
  const frontPages = shifted(bodyIndex);
  const labels: Record<string, string> = {};
  for (const [anchor, index] of input.pages) {
    const n = shifted(index) - frontPages + 1;
    labels[anchor] = n >= 1 ? String(n) : "";
  }
  return { blanksBefore, blanksRemoved, labels, frontPages, pads };
}
