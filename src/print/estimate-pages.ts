// Where each anchor will be printed, found without printing: the document is laid out once in
// columns the size of the page area, and Chromium breaks columns with the same fragmentation
// engine that breaks pages (line and row breaks, break-inside: avoid, orphans and widows, table
// heads repeated, a fixed page's sheet never cut). Forced page breaks, and the breaks a change of
// named page makes, do not break columns: they are made column breaks for the measurement. Full
// pages without margins (covers, a divider's colour page) are taller than a column but cannot be
// cut (overflow: hidden), so they take one column each, as they take one page.
//
// It is an estimate: the print stage prints with it and checks the printed pages against their
// own destinations, so a wrong guess costs a second print, never a wrong page number. Runs in the
// page after flowSheets (self-contained); the document is left as it was.

/** Anchor → 0-based page index, and the page count, as the print is expected to come out. */
export interface PageEstimate {
  pages: Record<string, number>;
  pageCount: number;
}

/** In the page: the estimated page of every link target (what the printed PDF names as a destination); null without a page area. */
export function estimatePages(): PageEstimate | null {
  // The page area: the booklet's sheets are exactly its size (styles/tokens.css), but for an
  // edition that widens it (the draft's 5 mm for change bars).
  const probe = document.createElement("div");
  probe.style.cssText = "position: absolute; visibility: hidden; width: var(--page-area-width, var(--sheet-width)); height: var(--sheet-height)";
  document.body.append(probe);
  const { width, height } = probe.getBoundingClientRect();
  probe.remove();
  // A document without the booklet's tokens (a test page): no columns to lay it out in.
  if (!width || !height) return null;

  // Each changed element's style attribute as it was (or none): the printed HTML stays the same
  // as a rebuild's, byte for byte.
  const styles = new Map<HTMLElement, string | null>();
  const force = (el: HTMLElement, property: "break-before" | "break-after") => {
    if (!styles.has(el)) styles.set(el, el.getAttribute("style"));
    el.style.setProperty(property, "column", "important");
  };
  const pageBreak = (value: string) => ["page", "left", "right", "recto", "verso"].includes(value);

  // Forced breaks inside something that is never cut (a sheet, a cover, an inline) do not break
  // the print either: those subtrees are not visited, nor SVG, which makes no boxes to break.
  const usedPage = new Map<Element, string>([[document.body, getComputedStyle(document.body).page || "auto"]]);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (node) => {
      const el = node as Element;
      if (!(el instanceof HTMLElement)) return NodeFilter.FILTER_REJECT;
      const style = getComputedStyle(el);
      if (style.display === "none" || style.display.startsWith("inline") || style.position === "absolute" || style.position === "fixed") return NodeFilter.FILTER_REJECT;
      const inherited = usedPage.get(el.parentElement!) ?? "auto";
      const own = style.page && style.page !== "auto" ? style.page : inherited;
      usedPage.set(el, own);
      if (pageBreak(style.breakBefore)) force(el, "break-before");
      if (pageBreak(style.breakAfter)) force(el, "break-after");
      // Siblings on different named pages are on different pages.
      if (own !== inherited) {
        if (el.previousElementSibling) force(el, "break-before");
        if (el.nextElementSibling) force(el, "break-after");
      }
      return style.overflowX !== "visible" || style.overflowY !== "visible" ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  while (walker.nextNode());

  const body = document.body;
  const bodyStyle = body.getAttribute("style");
  // Columns as wide as the page area, one after another to the right; a fragment's column is
  // its offset from the first divided by the width.
  body.style.cssText += `; width: ${width}px; height: ${height}px; column-count: 1; column-gap: 0; column-fill: auto; margin: 0; padding: 0; border: 0; overflow: visible`;
  try {
    const origin = body.getBoundingClientRect().left;
    const column = (rect: DOMRect) => Math.round((rect.left - origin) / width);
    const pages: Record<string, number> = {};
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
      const id = decodeURIComponent(link.getAttribute("href")!.slice(1));
      if (id in pages) continue;
      const first = document.getElementById(id)?.getClientRects()[0];
      if (first) pages[id] = column(first);
    }
    let pageCount = 0;
    for (const child of body.children) {
      const rects = child.getClientRects();
      if (rects.length > 0) pageCount = Math.max(pageCount, column(rects[rects.length - 1]!) + 1);
    }
    return { pages, pageCount };
  } finally {
    styles.set(body, bodyStyle);
    for (const [el, style] of styles) {
      // Read first: Blink writes inline style changes to the attribute lazily, and removing it
      // before that left style="" behind.
      el.getAttribute("style");
      if (style === null) el.removeAttribute("style");
      else el.setAttribute("style", style);
    }
  }
}
