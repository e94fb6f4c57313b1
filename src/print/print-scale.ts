// Chromium silently shrinks every page when something is wider than the page: 9 pt text prints
// at 6 pt and the booklet loses pages. The scale it printed at is read back from the PDF: each
// page's content starts with the page transform and then the CSS-pixel transform, whose product
// is 0.75 (72 pt / 96 px) when nothing was shrunk.
import { constants, inflateSync } from "node:zlib";
import { PDFArray, PDFName, PDFRawStream, type PDFDocument } from "pdf-lib";

const PT_PER_PX = 72 / 96;

/** The smallest scale any page was printed at: 1 when nothing was shrunk. */
export function printedScale(doc: PDFDocument): number {
  let smallest = 1;
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of("Contents"));
    const first = contents instanceof PDFArray ? contents.get(0) : contents;
    const stream = first ? doc.context.lookup(first) : undefined;
    if (!(stream instanceof PDFRawStream)) continue;
    const filter = stream.dict.get(PDFName.of("Filter"));
    const raw = stream.getContents();
    // Only the start is read: the first 4 KB of the compressed stream give it (the whole of a
    // booklet's streams took 80 ms to inflate).
    const head = filter === PDFName.of("FlateDecode") ? inflateSync(raw.subarray(0, 4096), { finishFlush: constants.Z_SYNC_FLUSH }) : Buffer.from(raw);
    const text = head.subarray(0, 400).toString("latin1");
    const scale = pageScale(text);
    if (scale !== undefined) smallest = Math.min(smallest, scale);
  }
  return smallest;
}

/** From the start of a page's content stream: the product of its first two `cm` scales ÷ 0.75. */
export function pageScale(content: string): number | undefined {
  const cms = [...content.matchAll(/(-?[\d.]+) 0 0 (-?[\d.]+) -?[\d.]+ -?[\d.]+ cm/g)].slice(0, 2);
  if (cms.length < 2) return undefined;
  return Math.abs(Number(cms[0]![1]) * Number(cms[1]![1])) / PT_PER_PX;
}
