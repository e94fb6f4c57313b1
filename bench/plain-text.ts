// The bench's reference: a plain Japanese text document as long as the booklet — the booklet's
// own paragraphs, in its text face (BIZ UDPGothic) at its body size, on the same A4 page area,
// one page of running text after another. Printing it is what a page of Japanese text costs
// Chromium by itself, without the booklet's tables, charts, sheets or tags.

/** HTML of `pages` pages of plain text taken from `bookletHtml` (written beside it: the font URL is relative). */
export function plainTextHtml(bookletHtml: string, pages: number): string {
  const face = /@font-face \{ font-family: "BIZ UDPGothic"; font-weight: 400;[^}]*\}/.exec(bookletHtml)?.[0];
  if (!face) throw new Error("the booklet HTML has no BIZ UDPGothic @font-face");
  const body = bookletHtml.slice(bookletHtml.indexOf("<body"));
  const text = [...body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)]
    .map((m) => decode(m[1]!.replace(/<[^>]+>/g, "")).replace(/\s+/g, "").trim())
    .filter((p) => p.length >= 40)
    .join("");
  if (text.length < 2000) throw new Error("too little text in the booklet HTML");
  // About 30 lines of 49 characters: each page's text fits its page whatever the line breaks.
  const perPage = 1500;
  const paragraph = 300;
  let at = 0;
  const sections: string[] = [];
  for (let p = 0; p < pages; p++) {
    const paragraphs: string[] = [];
    for (let n = 0; n < perPage; n += paragraph) {
      let chunk = "";
      while (chunk.length < paragraph) {
        chunk += text.slice(at % text.length, (at % text.length) + paragraph - chunk.length);
        at += paragraph;
      }
      paragraphs.push(`<p>${escape(chunk)}</p>`);
    }
    sections.push(`<section>${paragraphs.join("")}</section>`);
  }
  return [
    '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>plain text</title><style>',
    face,
    '@page { size: A4; margin: 20mm 15mm 18mm 20mm; }',
    'body { margin: 0; font: 10pt/1.7 "BIZ UDPGothic"; text-align: justify; }',
    "section { break-after: page; } p { margin: 0 0 2mm; text-indent: 1em; }",
    "</style></head><body>",
    ...sections,
    "</body></html>",
  ].join("\n");
}

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!);
}

function escape(s: string): string {
  return s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);
}
