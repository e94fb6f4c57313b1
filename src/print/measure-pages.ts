// What does not fit, measured in the laid-out page (print media, the page's own width) before
// printing: a fixed page whose content is taller than the page after flowing (it would be
// clipped), and anything wider than the page — Chromium would shrink the whole booklet to fit
// it. Runs in the page (self-contained); returns CSS pixels.

/** One thing that does not fit: where it is (the page's name and data file) and by how much. */
export interface PageMisfit {
  name: string;
  file?: string;
  /** The start of its text, so staff can find it in the file. */
  text?: string;
  px: number;
  axis: "vertical" | "horizontal";
}

/** In the page: every sheet taller than its page, and everything wider than the page or its sheet. */
export function measurePages(): PageMisfit[] {
  const out: PageMisfit[] = [];
  const where = (el: Element) => {
    const fit = el.closest<HTMLElement>("[data-fit]");
    const file = el.closest<HTMLElement>("[data-fit-file]")?.dataset.fitFile;
    const chapter = el.closest(".chapter")?.querySelector(".chapter-title__text")?.textContent ?? "";
    return { name: fit?.dataset.fit ?? chapter, ...(file ? { file } : {}) };
  };
  const snippet = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
  const sheets = [...document.querySelectorAll<HTMLElement>(".sheet")].filter((s) => !s.closest(".how-to-read__mini"));
  for (const sheet of sheets) {
    const tall = sheet.scrollHeight - sheet.clientHeight;
    if (tall > 1) {
      // The block that sticks out: the first one whose bottom passes the page's.
      const bottom = sheet.getBoundingClientRect().bottom;
      const culprit = [...sheet.children].find((c) => c.getBoundingClientRect().bottom > bottom + 1) ?? sheet;
      out.push({ ...where(sheet), text: snippet(culprit), px: tall, axis: "vertical" });
    }
  }
  // Wider than the page: the deepest elements that stick out on the right (their ancestors
  // only stick out because of them).
  const limit = document.documentElement.clientWidth;
  // The nearest right edge anything may reach: most elements end well before it, and only those
  // past it are looked at closely (the selectors below, for 13,000 elements, were most of the time).
  const nearest = Math.min(limit, ...sheets.map((s) => s.getBoundingClientRect().right));
  const wide = [...document.body.querySelectorAll<HTMLElement>("*")].filter((el) => {
    const box = el.getBoundingClientRect();
    if (box.width <= 0 || box.right <= nearest + 1) return false;
    // Full-page parts (covers, divider panels) sit on margin-less pages as wide as the paper.
    if (el.closest(".how-to-read__mini, .visually-hidden, .draft-watermark, .divider__panel, .cover, .back-cover, .report-cover, [data-full-page]")) return false;
    const sheet = el.closest<HTMLElement>(".sheet");
    const right = sheet ? sheet.getBoundingClientRect().right : limit;
    return box.right > right + 1;
  });
  const deepest = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
  for (const el of deepest.slice(0, 20)) {
    const sheet = el.closest<HTMLElement>(".sheet");
    const right = sheet ? sheet.getBoundingClientRect().right : limit;
    out.push({ ...where(el), text: snippet(el), px: el.getBoundingClientRect().right - right, axis: "horizontal" });
  }
  return out;
}

/** In the page: each image's pixel width against its printed width — its resolution on paper. */
export function measureImages(): Array<{ name: string; ppi: number; printedMm: number }> {
  return [...document.images]
    .filter((img) => img.naturalWidth > 0 && img.getBoundingClientRect().width > 0 && !img.closest(".how-to-read__mini"))
    .map((img) => {
      const width = img.getBoundingClientRect().width;
      const name = decodeURIComponent(new URL(img.src).pathname.split("/").pop() ?? "");
      return { name, ppi: Math.round(img.naturalWidth / (width / 96)), printedMm: Math.round((width * 25.4) / 96) };
    });
}
