// The print edition's boxes and marks (トンボ), which Chromium cannot write. Chromium prints each
// page at trim size plus bleed; here every page gets a margin outside the bleed (the slug) for
// the marks, by extending the MediaBox to negative coordinates: the page's own content, links
// and destinations keep their coordinates, so the tags and outline stay valid.
import {
  PDFDocument, PDFName, PDFPage, beginMarkedContent, endMarkedContent, lineTo, moveTo, popGraphicsState,
  pushGraphicsState, setLineWidth, setStrokingCmykColor, stroke, type PDFOperator,
} from "pdf-lib";

const MM = 72 / 25.4;

/** The trimmed page, the bleed on every side and the slug outside it, in millimetres. */
export interface MarkSpec {
  trimMm: { width: number; height: number };
  bleedMm: number;
  /** Room outside the bleed for the crop and centre marks. */
  slugMm: number;
}

/** Sets MediaBox/BleedBox/TrimBox on every page and draws Japanese corner and centre marks. */
export function addPrintMarks(doc: PDFDocument, spec: MarkSpec): void {
  const bleed = spec.bleedMm * MM;
  const slug = spec.slugMm * MM;
  const trimW = spec.trimMm.width * MM;
  const trimH = spec.trimMm.height * MM;
  for (const page of doc.getPages()) {
    // Chromium's page is the trim plus the bleed, to within a fraction of a point (it rounds
    // page sizes): the exact trim is centred on it, and the other boxes are measured from it.
    const { width, height } = page.getSize();
    const x0 = (width - trimW) / 2;
    const y0 = (height - trimH) / 2;
    const trim = { x0, y0, x1: x0 + trimW, y1: y0 + trimH };
    const out = bleed + slug;
    page.setMediaBox(trim.x0 - out, trim.y0 - out, trimW + 2 * out, trimH + 2 * out);
    page.node.set(PDFName.of("CropBox"), page.node.get(PDFName.of("MediaBox"))!);
    page.setBleedBox(trim.x0 - bleed, trim.y0 - bleed, trimW + 2 * bleed, trimH + 2 * bleed);
    page.setTrimBox(trim.x0, trim.y0, trimW, trimH);
    page.node.delete(PDFName.of("ArtBox"));
    drawMarks(page, trim, bleed, slug);
  }
}

type Box = { x0: number; y0: number; x1: number; y1: number };

/**
 * 角トンボ: at each corner two marks per side, one on the trim line (仕上がり) and one on the
 * bleed line (裁ち落とし), both starting outside the bleed; センタートンボ: a cross at the middle
 * of each side. Drawn in registration colour (all four inks), marked as an artifact so the tag
 * structure ignores them.
 */
function drawMarks(page: PDFPage, trim: Box, bleed: number, slug: number): void {
  const gap = bleed + 1 * MM; // marks start just outside the bleed
  const len = Math.min(10 * MM, slug - 1 * MM);
  const ops: PDFOperator[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number) => ops.push(...lineOps(x1, y1, x2, y2));
  for (const [cx, cy, dx, dy] of [
    [trim.x0, trim.y0, -1, -1], [trim.x1, trim.y0, 1, -1], [trim.x0, trim.y1, -1, 1], [trim.x1, trim.y1, 1, 1],
  ] as const) {
    for (const offset of [0, bleed]) {
      // horizontal marks (outside the corner, in x), at the trim and at the bleed height
      line(cx + dx * gap, cy + dy * offset, cx + dx * (gap + len), cy + dy * offset);
      // vertical marks (outside the corner, in y)
      line(cx + dx * offset, cy + dy * gap, cx + dx * offset, cy + dy * (gap + len));
    }
  }
  const mx = (trim.x0 + trim.x1) / 2;
  const my = (trim.y0 + trim.y1) / 2;
  const arm = 4 * MM;
  for (const [x, y, horizontal] of [
    [mx, trim.y0 - gap - len / 2, true], [mx, trim.y1 + gap + len / 2, true],
    [trim.x0 - gap - len / 2, my, false], [trim.x1 + gap + len / 2, my, false],
  ] as const) {
    // centre mark: a cross whose long arm points at the trim edge
    if (horizontal) {
      line(x - arm, y, x + arm, y);
      line(x, y - len / 2, x, y + len / 2);
    } else {
      line(x, y - arm, x, y + arm);
      line(x - len / 2, y, x + len / 2, y);
    }
  }
  // Chromium's content may leave the graphics state changed: normalize() wraps it in q … Q.
  page.node.normalize();
  page.pushOperators(beginMarkedContent("Artifact"), pushGraphicsState(), ...ops, popGraphicsState(), endMarkedContent());
}

/** One 0.25 pt line in registration colour (100 % of all four inks, as marks are printed). */
function lineOps(x1: number, y1: number, x2: number, y2: number): PDFOperator[] {
  return [setStrokingCmykColor(1, 1, 1, 1), setLineWidth(0.25), moveTo(x1, y1), lineTo(x2, y2), stroke()];
}
