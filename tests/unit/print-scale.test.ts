// The scale Chromium printed at, read back from the start of each page's content stream — also
// when the stream is long and compressed (only its start is inflated) or not compressed at all.
import { randomBytes } from "node:crypto";
import { PDFDocument, PDFName } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { printedScale } from "../../src/print/print-scale.js";

/** A document whose pages start with a page transform and a CSS-pixel transform of `scales`, then `filler`. */
async function document(pages: Array<{ scale: number; compressed: boolean }>): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  for (const { scale, compressed } of pages) {
    const page = doc.addPage([595, 842]);
    // Text that does not compress well, so the compressed stream is far longer than what is read.
    const filler = Array.from({ length: 4000 }, () => `(${randomBytes(12).toString("hex")}) Tj`).join("\n");
    const content = `1 0 0 -1 0 842 cm\n${(0.75 * scale).toFixed(4)} 0 0 ${(0.75 * scale).toFixed(4)} 0 0 cm\nBT\n${filler}\nET\n`;
    const stream = compressed ? doc.context.flateStream(content) : doc.context.stream(content);
    page.node.set(PDFName.of("Contents"), doc.context.register(stream));
  }
  return doc;
}

describe("the printed scale", () => {
  it("is 1 when no page was shrunk, compressed or not", async () => {
    expect(printedScale(await document([{ scale: 1, compressed: true }, { scale: 1, compressed: false }]))).toBeCloseTo(1, 4);
  });

  it("is the smallest page's scale, from a long compressed stream or a plain one", async () => {
    expect(printedScale(await document([{ scale: 1, compressed: true }, { scale: 0.8, compressed: true }]))).toBeCloseTo(0.8, 4);
    expect(printedScale(await document([{ scale: 0.7, compressed: false }, { scale: 1, compressed: true }]))).toBeCloseTo(0.7, 4);
  });
});
